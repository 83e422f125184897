package org.compact.tracker.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.compact.tracker.support.RegisterStamp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * Lets calendar programs, feed readers and proxies keep the public answers (the programme and its feeds, results
 * pages, the public compliance summary) and ask again cheaply. Such an answer depends only on the register, on the
 * day (what is open, late or overdue is counted from today, in the service's zone), on its address with its query
 * and on the service's version; the ETag is a digest of exactly those, so it is computed from one read of the
 * {@link RegisterStamp register stamp} (which moves with every change on any node) <em>before</em> the answer is
 * built, and a client whose copy is current gets 304 without the service building anything. The answers are the
 * same for everyone, signed in or not, so they are {@code public}; an answer that differed per user must not come
 * through here.
 */
@Singleton
class PublicCache {
    /** Five minutes: a poller's copy may be that old without asking; after that it asks, and a 304 is cheap. */
    static final String CACHE_CONTROL = "public, max-age=300";
    /** A new release may write the same register differently, so its answers get new tags. */
    private static final String VERSION = String.valueOf(PublicCache.class.getPackage().getImplementationVersion());

    private final RegisterStamp stamp;
    private final Clock clock;

    PublicCache(RegisterStamp stamp, Clock clock) {
        this.stamp = stamp;
        this.clock = clock;
    }

    /**
     * The answer to {@code request}: 304 with the tag when {@code If-None-Match} names the current one, otherwise
     * what {@code build} makes, tagged and cacheable when it is a 200 (a 404 or a refusal is not tagged).
     */
    <T> HttpResponse<T> answer(HttpRequest<?> request, Supplier<MutableHttpResponse<T>> build) {
        String etag = etag(request);
        String ifNoneMatch = String.join(",", request.getHeaders().getAll(HttpHeaders.IF_NONE_MATCH));
        boolean anyTag = ifNoneMatch.strip().equals("*");
        if (!anyTag && matches(ifNoneMatch, etag)) {
            return notModified(etag);
        }
        MutableHttpResponse<T> response = build.get();
        if (response.status() != HttpStatus.OK) {
            return response;
        }
        if (anyTag) {
            // "*" matches any current answer: there is one, so the client's copy stands.
            return notModified(etag);
        }
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
    }

    private static <T> MutableHttpResponse<T> notModified(String etag) {
        return HttpResponse.<T>status(HttpStatus.NOT_MODIFIED).header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
    }

    /** The strong tag of the answer to {@code request} now: register stamp, day, path, query, version. */
    String etag(HttpRequest<?> request) {
        String query = request.getUri().getRawQuery();
        String key = stamp.current() + "\n" + LocalDate.now(clock) + "\n" + request.getPath() + "\n"
                + (query == null ? "" : query) + "\n" + VERSION;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether an {@code If-None-Match} list names {@code etag}, by the weak comparison RFC 9110 (13.1.2) asks for:
     * {@code W/"x"} matches {@code "x"}.
     */
    static boolean matches(String ifNoneMatch, String etag) {
        for (String tag : tags(ifNoneMatch)) {
            String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
            if (opaque.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** The entity tags of a comma-separated list (a comma inside a quoted tag does not split it). */
    static List<String> tags(String list) {
        List<String> tags = new java.util.ArrayList<>();
        int i = 0;
        while (i < list.length()) {
            char c = list.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            int start = i;
            int quote = list.indexOf('"', i);
            if (quote < 0) {
                break;
            }
            int end = list.indexOf('"', quote + 1);
            if (end < 0) {
                break;
            }
            tags.add(list.substring(start, end + 1));
            i = end + 1;
        }
        return tags;
    }
}
