package org.compact.tracker.web.forms;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.compact.tracker.notice.LinkSigner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The CSRF token of a browser, bound to its session (OWASP's signed double submit): a random nonce and an HMAC of
 * the nonce and the session it was made for, {@code nonce.mac}. The session is a digest of the session cookie's
 * signed token, or "anonymous" before sign-in. A token planted in the browser's cookie (a sibling subdomain can set
 * cookies for the parent domain) is worthless: the server did not make it, or made it for another session. The key
 * is derived from the link key ({@link LinkSigner#derivedKey}), so every node makes and checks the same tokens, and
 * tokens outlive a restart.
 */
@Singleton
public class CsrfTokens {
    private static final String ISSUED = CsrfTokens.class.getName() + ".issued";
    private static final String ANONYMOUS = "anonymous";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final LinkSigner links;
    private volatile byte[] key;

    CsrfTokens(LinkSigner links) {
        this.links = links;
    }

    /** The token a form on this page must carry: the browser's own if it was made for this session, else a new one. */
    public String tokenFor(HttpRequest<?> request) {
        Optional<String> issued = issued(request);
        if (issued.isPresent()) {
            return issued.get();
        }
        return SessionCookies.csrfOf(request).filter(t -> valid(t, request)).orElseGet(() -> renew(request));
    }

    /** A new token, e.g. at sign-in and sign-out, so a token planted before sign-in is worthless after it. */
    public String renew(HttpRequest<?> request) {
        String value = mint(sessionOf(SessionCookies.tokenOf(request).orElse(null)));
        request.setAttribute(ISSUED, value);
        return value;
    }

    public Optional<String> issued(HttpRequest<?> request) {
        return request.getAttribute(ISSUED, String.class);
    }

    /** True when the server made {@code token} for the session the request belongs to. */
    public boolean valid(String token, HttpRequest<?> request) {
        return validFor(token, sessionOf(SessionCookies.tokenOf(request).orElse(null)));
    }

    /** A token for the session whose cookie holds {@code sessionToken} (null or blank: not signed in). */
    public String mintFor(@Nullable String sessionToken) {
        return mint(sessionOf(sessionToken));
    }

    private String mint(String session) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String n = B64.encodeToString(nonce);
        return n + "." + B64.encodeToString(mac(n, session));
    }

    private boolean validFor(String token, String session) {
        int dot = token.indexOf('.');
        if (dot <= 0 || token.length() > 200) {
            return false;
        }
        byte[] sent = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = B64.encodeToString(mac(token.substring(0, dot), session)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, sent);
    }

    /** The session's identity: a digest of its signed token (never the token itself), or "anonymous". */
    public static String sessionOf(@Nullable String sessionToken) {
        if (sessionToken == null || sessionToken.isBlank()) {
            return ANONYMOUS;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionToken.getBytes(StandardCharsets.UTF_8));
            return B64.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] mac(String nonce, String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal((nonce + "|" + session).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = links.derivedKey("csrf");
            key = k;
        }
        return k;
    }

    public static boolean same(String expected, String sent) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
