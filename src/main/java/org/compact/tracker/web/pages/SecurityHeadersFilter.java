package org.compact.tracker.web.pages;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.compact.tracker.web.forms.SessionCookies;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standard headers on every answer, pages, JSON, feeds and Swagger UI alike: no MIME sniffing, no framing (so
 * no page of the service can be laid under another site's clickjacking frame), no referrer sent elsewhere, and a
 * Content-Security-Policy. HTML pages get one that allows only the service's own scripts, styles and images (no
 * inline script, so injected markup cannot run); Swagger UI, whose page starts itself with one inline script, gets
 * its own that allows exactly that script (by its hash) and the inline styles its widgets set; any other answer
 * loads nothing at all. Over TLS (seen directly, or reported by the proxy as {@code X-Forwarded-Proto: https}) the
 * browser is told to use https only for a year (HSTS); never over plain http, where it would mean nothing and could
 * lock a test address out of http. A page that sets its own header keeps it. Pages seen signed in are not stored
 * by the browser or proxies.
 */
@ServerFilter("/**")
class SecurityHeadersFilter implements Ordered {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** Anything that is not a page (JSON, feeds, CSV, assets): nothing may load from it, nothing may frame it. */
    static final String CSP_NOT_A_PAGE = "default-src 'none'; frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000; includeSubDomains";
    static final String SWAGGER_UI_PAGE = "META-INF/swagger/views/swagger-ui/index.html";
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

    private final String swaggerCsp = swaggerUiCsp(SecurityHeadersFilter.class.getClassLoader());

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        boolean html = response.getContentType().map(t -> t.matches(MediaType.TEXT_HTML_TYPE)).orElse(false);
        // Swagger UI is known by its path: a static file's content type is set only after the filters ran.
        String csp = request.getPath().startsWith("/swagger-ui") ? swaggerCsp : html ? CSP : CSP_NOT_A_PAGE;
        setIfAbsent(headers, "Content-Security-Policy", csp);
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "X-Frame-Options", "DENY");
        setIfAbsent(headers, "Referrer-Policy", "same-origin");
        if (SessionCookies.overTls(request)) {
            setIfAbsent(headers, "Strict-Transport-Security", HSTS);
        }
        if (html && SessionCookies.tokenOf(request).isPresent()) {
            setIfAbsent(headers, "Cache-Control", "no-store");
        }
    }

    /**
     * Swagger UI's policy: its own scripts, the inline script of its page allowed by hash (the page is generated at
     * build time, so the hash is taken from the page in the jar), inline styles, data: images, and fetching the
     * API description and trying calls on this service. Still never framed.
     */
    static String swaggerUiCsp(ClassLoader loader) {
        StringBuilder scripts = new StringBuilder("'self'");
        try (InputStream in = loader.getResourceAsStream(SWAGGER_UI_PAGE)) {
            if (in != null) {
                Matcher m = INLINE_SCRIPT.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    scripts.append(" 'sha256-").append(sha256(m.group(1))).append('\'');
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + SWAGGER_UI_PAGE, e);
        }
        return "default-src 'none'; script-src " + scripts + "; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'";
    }

    static String sha256(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
