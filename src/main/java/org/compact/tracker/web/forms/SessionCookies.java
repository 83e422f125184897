package org.compact.tracker.web.forms;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

import java.time.Duration;
import java.util.Optional;

/**
 * The two cookies a browser holds: the signed token (HttpOnly, so no script can read it) and the CSRF token of the
 * double-submit check (readable, as forms and scripts echo it). Both are SameSite=Strict, so another site can never
 * make the browser send them, and Secure when the page came over TLS.
 */
public final class SessionCookies {
    /** The JWT, read by {@link SessionCookieTokenReader}. */
    public static final String TOKEN = "tracker_session";
    /** The CSRF token, echoed in the form field {@link #CSRF_FIELD} or the header {@link #CSRF_HEADER}. */
    public static final String CSRF = "tracker_csrf";
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private SessionCookies() {
    }

    public static Cookie token(HttpRequest<?> request, String jwt, Duration lifetime) {
        return strict(Cookie.of(TOKEN, jwt).httpOnly(true).maxAge(lifetime), request);
    }

    public static Cookie clearedToken(HttpRequest<?> request) {
        return strict(Cookie.of(TOKEN, "").httpOnly(true).maxAge(0), request);
    }

    public static Cookie csrf(HttpRequest<?> request, String value) {
        return strict(Cookie.of(CSRF, value).httpOnly(false), request);
    }

    public static Optional<String> tokenOf(HttpRequest<?> request) {
        return request.getCookies().findCookie(TOKEN).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    public static Optional<String> csrfOf(HttpRequest<?> request) {
        return request.getCookies().findCookie(CSRF).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    /** TLS seen directly, or reported by the proxy in front (which only adds Secure, never removes it). */
    public static boolean overTls(HttpRequest<?> request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }

    private static Cookie strict(Cookie cookie, HttpRequest<?> request) {
        return cookie.path("/").sameSite(SameSite.Strict).secure(overTls(request));
    }
}
