package org.compact.tracker.web;

import io.micronaut.core.annotation.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * The built bodies of public answers, kept per tag so that a repeated 200 sends stored bytes instead of building the
 * whole programme again (2,000 consultations cost tens of milliseconds of a core to read and write as a calendar).
 * A body is kept under its {@link Key}: the route, the answer's normalised variant, and the register stamp and day
 * it was built under. A change to the register anywhere in the cluster moves the stamp every node reads before it
 * looks here, so a body built before the change is simply never asked for again; nothing has to be told to forget.
 *
 * <p>Bounded two ways: at most {@code maxEntries} bodies and {@code maxBytes} bytes in all (plain and gzipped), the least recently used
 * going first; a body bigger than a quarter of the byte cap is sent but not kept. Storing a body under a newer stamp
 * or another day drops the bodies kept under older ones at once, since no one will ask for them. Requests for the
 * same missing body while it is being built wait for that build instead of each building it.
 */
final class KeptAnswers {
    /** Where a kept body belongs: {@code stamp} and {@code day} as read before the body was built. */
    record Key(String route, String variant, long stamp, LocalDate day) {
    }

    /**
     * A body as sent, with its content type and the headers that go with it, and the same body gzipped once for
     * the clients that accept it (calendar programs and feed readers do): a feed of 2,000 consultations is 1.7 MB
     * as text and 70 KB gzipped, and compressing it anew for each request would cost more than building it.
     */
    record Body(byte[] bytes, byte[] gzipped, String contentType, Map<String, String> headers) {
        static Body of(byte[] bytes, String contentType, Map<String, String> headers) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 8 + 64);
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Body(bytes, out.toByteArray(), contentType, headers);
        }

        long size() {
            return (long) bytes.length + gzipped.length;
        }
    }

    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<Key, Body> kept = new LinkedHashMap<>(16, 0.75f, true);
    private final ConcurrentHashMap<Key, CompletableFuture<Body>> building = new ConcurrentHashMap<>();
    private long bytes;

    KeptAnswers(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /**
     * The body kept under {@code key}, or the one {@code build} makes, kept when it is not null. {@code build}
     * answers null for an answer that must not be kept (a 404); then each caller builds its own.
     */
    @Nullable
    Body get(Key key, Supplier<Body> build) {
        Body body = kept(key);
        if (body != null) {
            return body;
        }
        CompletableFuture<Body> mine = new CompletableFuture<>();
        CompletableFuture<Body> theirs = building.putIfAbsent(key, mine);
        if (theirs != null) {
            Body built = theirs.exceptionally(e -> null).join();
            return built != null ? built : build.get();
        }
        try {
            body = kept(key); // kept by a build that finished between the first look and ours
            if (body == null) {
                body = build.get();
                if (body != null) {
                    keep(key, body);
                }
            }
            mine.complete(body);
            return body;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            building.remove(key, mine);
        }
    }

    /** How many bodies and bytes are kept now. */
    synchronized long[] size() {
        return new long[]{kept.size(), bytes};
    }

    @Nullable
    private synchronized Body kept(Key key) {
        return kept.get(key);
    }

    private synchronized void keep(Key key, Body body) {
        if (body.size() > maxBytes / 4) {
            return;
        }
        Iterator<Map.Entry<Key, Body>> older = kept.entrySet().iterator();
        while (older.hasNext()) {
            Map.Entry<Key, Body> e = older.next();
            if (e.getKey().stamp() < key.stamp() || !e.getKey().day().equals(key.day())) {
                bytes -= e.getValue().size();
                older.remove();
            }
        }
        Body replaced = kept.put(key, body);
        bytes += body.size() - (replaced == null ? 0 : replaced.size());
        Iterator<Map.Entry<Key, Body>> eldest = kept.entrySet().iterator();
        while ((kept.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
            bytes -= eldest.next().getValue().size();
            eldest.remove();
        }
    }
}
