package org.compact.tracker.web.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Reads the signed token from the session cookie a browser got at sign-in. The API keeps its bearer header, which
 * is read first; this reader only answers for requests that carry no {@code Authorization} header.
 */
@Singleton
class SessionCookieTokenReader implements TokenReader<HttpRequest<?>> {
    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        if (request.getHeaders().contains("Authorization")) {
            return Optional.empty();
        }
        return SessionCookies.tokenOf(request);
    }

    @Override
    public int getOrder() {
        return 100;
    }
}
