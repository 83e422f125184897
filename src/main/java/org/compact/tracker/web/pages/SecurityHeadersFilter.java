package org.compact.tracker.web.pages;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * The standard headers on every HTML page: a Content-Security-Policy that allows only the service's own scripts,
 * styles and images (no inline script, so injected markup cannot run), no framing, no MIME sniffing, and no referrer
 * sent elsewhere. A page that sets its own header keeps it. Swagger UI, which needs inline script, is left alone.
 * Pages seen signed in are not stored by the browser or proxies.
 */
@ServerFilter("/**")
class SecurityHeadersFilter implements Ordered {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        boolean html = response.getContentType().map(t -> t.matches(MediaType.TEXT_HTML_TYPE)).orElse(false);
        if (!html || request.getPath().startsWith("/swagger-ui")) {
            return;
        }
        MutableHttpHeaders headers = response.getHeaders();
        setIfAbsent(headers, "Content-Security-Policy", CSP);
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "X-Frame-Options", "DENY");
        setIfAbsent(headers, "Referrer-Policy", "same-origin");
        if (SessionCookies.tokenOf(request).isPresent()) {
            setIfAbsent(headers, "Cache-Control", "no-store");
        }
    }

    private static void setIfAbsent(MutableHttpHeaders headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.add(name, value);
        }
    }

    @Override
    public int getOrder() {
        // The outermost filter: it sees the page after the views filter rendered it and after any error answer.
        return ServerFilterPhase.FIRST.order();
    }
}
