package org.compact.tracker.web.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.compact.tracker.web.forms.CsrfTokens;
import org.compact.tracker.web.forms.FormData;
import org.compact.tracker.web.forms.SessionCookies;

import java.util.Set;

/**
 * The signed double-submit check: a change sent with the session cookie (or to the sign-in and sign-out forms) must
 * echo the CSRF cookie's value in the form field {@code _csrf} or the header {@code X-CSRF-Token}, and that value
 * must be a token the server made for this session ({@link CsrfTokens}). Another site cannot read the cookie, so it
 * cannot forge the echo; one that can set cookies (a sibling subdomain) cannot make a token for the victim's
 * session; the cookies are SameSite=Strict as well. Calls with a bearer token
 * are not checked (a browser never adds that header by itself), nor the {@code /o/} links, whose signed token is
 * their guard, nor {@code /api/public/} (anonymous: it acts for no one, and a concern sent there counts only once
 * confirmed by mail); but the form that asks for a fresh link ({@code /o/new-link}) carries no token, so it is checked
 * like the sign-in form. A missing or wrong echo is refused with 403 before anything runs.
 */
@ServerFilter("/**")
class CsrfFilter implements Ordered {
    private static final Set<HttpMethod> CHANGES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Set<String> ALWAYS = Set.of("/sign-in", "/sign-out", "/o/new-link");

    private final CsrfTokens tokens;

    CsrfFilter(CsrfTokens tokens) {
        this.tokens = tokens;
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> check(HttpRequest<?> request, @Nullable @Body String body) {
        if (!needsCheck(request)) {
            return null;
        }
        String expected = SessionCookies.csrfOf(request).orElse(null);
        if (expected == null || !tokens.valid(expected, request)) {
            return refuse(request);
        }
        String header = request.getHeaders().get(SessionCookies.CSRF_HEADER);
        if (header != null) {
            return CsrfTokens.same(expected, header) ? null : refuse(request);
        }
        boolean form = request.getContentType().map(t -> t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).orElse(false);
        String sent = form ? FormData.parse(body).get(SessionCookies.CSRF_FIELD) : "";
        return !sent.isEmpty() && CsrfTokens.same(expected, sent) ? null : refuse(request);
    }

    /**
     * Sets the CSRF cookie when a page handed out a new token. When the answer starts or ends a session (sign-in
     * sets the session cookie, sign-out clears it), the new token is made for the session the browser will have.
     */
    @ResponseFilter
    void issue(HttpRequest<?> request, MutableHttpResponse<?> response) {
        tokens.issued(request).ifPresent(value -> {
            String token = response.getCookie(SessionCookies.TOKEN)
                    .map(session -> tokens.mintFor(session.getValue())).orElse(value);
            response.cookie(SessionCookies.csrf(request, token));
        });
    }

    static boolean needsCheck(HttpRequest<?> request) {
        if (!CHANGES.contains(request.getMethod())) {
            return false;
        }
        if (ALWAYS.contains(request.getPath())) {
            return true;
        }
        return !request.getPath().startsWith("/o/") && !request.getPath().startsWith("/api/public/")
                && (SessionCookies.tokenOf(request).isPresent() && !request.getHeaders().get("Authorization", String.class)
                        .filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7)).isPresent());
    }

    private MutableHttpResponse<?> refuse(HttpRequest<?> request) {
        String fresh = tokens.tokenFor(request);
        MutableHttpResponse<String> response = HttpResponse.<String>status(HttpStatus.FORBIDDEN)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .body("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>The form has expired</title>"
                        + "<link rel=\"stylesheet\" href=\"/assets/tracker.css\"></head><body><main id=\"main\">"
                        + "<h1>The form has expired</h1><p>For your safety the page could not be sent. Go back, reload "
                        + "the page and send it again.</p><p><a href=\"/\">Go to the start</a></p></main></body></html>");
        response.cookie(SessionCookies.csrf(request, fresh));
        return response;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
