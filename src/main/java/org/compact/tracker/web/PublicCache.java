package org.compact.tracker.web;

import io.micronaut.context.annotation.Value;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
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
 *
 * <p>A poller without a current copy still gets 200, and a whole programme of 2,000 consultations is costly to build;
 * so {@link #kept} also keeps the built bytes of each answer under the same stamp and day ({@link KeptAnswers}), and
 * a second 200 under an unchanged tag sends them again, byte for byte. Because the stamp is read first, a body kept
 * under it is never sent once the register has changed on any node. A client that accepts gzip is sent the body
 * gzipped once when it was kept, under a tag of its own.
 */
@Singleton
class PublicCache {
    /** Five minutes: a poller's copy may be that old without asking; after that it asks, and a 304 is cheap. */
    static final String CACHE_CONTROL = "public, max-age=300";
    /** A new release may write the same register differently, so its answers get new tags. */
    private static final String VERSION = String.valueOf(PublicCache.class.getPackage().getImplementationVersion());

    private final RegisterStamp stamp;
    private final Clock clock;
    private final KeptAnswers kept;

    PublicCache(RegisterStamp stamp, Clock clock,
                @Value("${tracker.public-cache.max-entries:32}") int maxEntries,
                @Value("${tracker.public-cache.max-bytes:67108864}") long maxBytes) {
        this.stamp = stamp;
        this.clock = clock;
        this.kept = new KeptAnswers(maxEntries, maxBytes);
    }

    /** What an answer's tag is worked out from: one read of the stamp and the day, with the request's address. */
    private record Tag(long stamp, LocalDate day, String path, String query) {
        static Tag of(HttpRequest<?> request, long stamp, LocalDate day) {
            String query = request.getUri().getRawQuery();
            return new Tag(stamp, day, request.getPath(), query == null ? "" : query);
        }
    }

    /**
     * As {@link #answer}, and the body of a 200 is kept as bytes under the tag's stamp and day, {@code request}'s
     * path and {@code variant}, so the next request for it under the same tag is sent those bytes without building
     * anything. {@code variant} names everything else the body depends on, in one spelling for one body (such as the
     * filter's normalised query), so differently written queries for one answer share it. {@code build} answers a
     * {@code byte[]} or {@code String} body (sent as UTF-8); what it answers other than 200 is sent as it is and
     * not kept.
     */
    HttpResponse<?> kept(HttpRequest<?> request, String variant, Supplier<MutableHttpResponse<?>> build) {
        Tag tag = Tag.of(request, stamp.current(), LocalDate.now(clock));
        boolean gzip = acceptsGzip(request);
        String etag = gzip ? gzipped(etag(tag)) : etag(tag);
        String ifNoneMatch = String.join(",", request.getHeaders().getAll(HttpHeaders.IF_NONE_MATCH));
        boolean anyTag = ifNoneMatch.strip().equals("*");
        if (!anyTag && matches(ifNoneMatch, etag)) {
            return notModified(etag);
        }
        AtomicReference<MutableHttpResponse<?>> notKept = new AtomicReference<>();
        KeptAnswers.Body body = kept.get(new KeptAnswers.Key(tag.path(), variant, tag.stamp(), tag.day()), () -> {
            MutableHttpResponse<?> response = build.get();
            if (response.status() != HttpStatus.OK) {
                notKept.set(response);
                return null;
            }
            return body(response);
        });
        if (body == null) {
            return notKept.get();
        }
        if (anyTag) {
            return notModified(etag);
        }
        MutableHttpResponse<byte[]> response = HttpResponse.ok(gzip ? body.gzipped() : body.bytes())
                .contentType(body.contentType());
        body.headers().forEach(response::header);
        if (gzip) {
            response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
    }

    /**
     * The tag of the gzipped body: a strong tag names one sequence of bytes (RFC 9110, 8.8.3), so the gzipped body
     * has its own, as Apache's and nginx's have.
     */
    private static String gzipped(String etag) {
        return etag.substring(0, etag.length() - 1) + "-gzip\"";
    }

    /** Whether {@code Accept-Encoding} names gzip (or x-gzip) without refusing it with q=0. */
    static boolean acceptsGzip(HttpRequest<?> request) {
        for (String header : request.getHeaders().getAll(HttpHeaders.ACCEPT_ENCODING)) {
            for (String coding : header.split(",")) {
                String[] parts = coding.split(";");
                String name = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
                if (name.equals("gzip") || name.equals("x-gzip")) {
                    for (int i = 1; i < parts.length; i++) {
                        String p = parts[i].strip().replace(" ", "");
                        if (p.startsWith("q=") && p.substring(2).matches("0(\\.0{0,3})?")) {
                            return false;
                        }
                    }
                    return true;
                }
            }
        }
        return false;
    }

    /** A 200 as it will be kept: its body as bytes, its content type and its other headers. */
    private static KeptAnswers.Body body(MutableHttpResponse<?> response) {
        Object content = response.body();
        byte[] bytes = content instanceof byte[] b ? b
                : content instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                : null;
        if (bytes == null) {
            throw new IllegalArgumentException("A kept public answer must have a byte[] or String body, not "
                    + (content == null ? "none" : content.getClass().getName()));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        response.getHeaders().forEachValue((name, value) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)
                    && !name.equalsIgnoreCase(HttpHeaders.CONTENT_ENCODING)) {
                headers.put(name, value);
            }
        });
        String type = response.getContentType().map(Object::toString)
                .orElseThrow(() -> new IllegalArgumentException("A kept public answer must have a content type"));
        return KeptAnswers.Body.of(bytes, type, Map.copyOf(headers));
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

    /** A 304 carries what its 200 would have said of caching (RFC 9110 15.4.5): the tag, the lifetime, the Vary. */
    private static <T> MutableHttpResponse<T> notModified(String etag) {
        return HttpResponse.<T>status(HttpStatus.NOT_MODIFIED).header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    }

    /** The strong tag of the answer to {@code request} now: register stamp, day, path, query, version. */
    String etag(HttpRequest<?> request) {
        return etag(Tag.of(request, stamp.current(), LocalDate.now(clock)));
    }

    private static String etag(Tag tag) {
        String key = tag.stamp() + "\n" + tag.day() + "\n" + tag.path() + "\n" + tag.query() + "\n" + VERSION;
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
