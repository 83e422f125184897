package org.compact.tracker.web.pages;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/** The CSRF token of a browser: the cookie's value, or a new random one the response will set. */
@Singleton
public class CsrfTokens {
    private static final String ISSUED = CsrfTokens.class.getName() + ".issued";
    private final SecureRandom random = new SecureRandom();

    /** The token a form on this page must carry. */
    public String tokenFor(HttpRequest<?> request) {
        Optional<String> issued = issued(request);
        if (issued.isPresent()) {
            return issued.get();
        }
        return SessionCookies.csrfOf(request).orElseGet(() -> renew(request));
    }

    /** A new token, e.g. at sign-in and sign-out, so a token planted before sign-in is worthless after it. */
    String renew(HttpRequest<?> request) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        request.setAttribute(ISSUED, value);
        return value;
    }

    Optional<String> issued(HttpRequest<?> request) {
        return request.getAttribute(ISSUED, String.class);
    }

    static boolean same(String expected, String sent) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
