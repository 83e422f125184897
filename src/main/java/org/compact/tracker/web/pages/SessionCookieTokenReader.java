package org.compact.tracker.web.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import org.compact.tracker.web.forms.SessionCookies;

import java.util.Optional;

/**
 * Reads the signed token from the session cookie a browser got at sign-in. The API keeps its bearer header, which
 * is read first; this reader only answers for requests that carry no bearer token. Any other {@code Authorization}
 * header (Basic, say) means nothing to the service: the cookie still signs the request in, and {@code CsrfFilter}
 * still asks for the CSRF echo, on the same condition.
 */
@Singleton
class SessionCookieTokenReader implements TokenReader<HttpRequest<?>> {
    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        if (request.getHeaders().get("Authorization", String.class)
                .filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7)).isPresent()) {
            return Optional.empty();
        }
        return SessionCookies.tokenOf(request);
    }

    @Override
    public int getOrder() {
        return 100;
    }
}
