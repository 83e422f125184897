package org.compact.tracker.consultation;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.compact.tracker.support.ConsultationStamps;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps what the register's two busiest reads computed, under stamps read <em>before</em> the data and the day
 * (NOTICE, DURATION and FEEDBACK judge against today), and reuses an answer only while they are unchanged, so it is
 * never older than the last committed change on any node:
 *
 * <ul>
 *   <li>one consultation with its rule checks, under its own stamp and the directory's
 *   ({@link org.compact.tracker.support.ConsultationStamps}): a change to another consultation leaves it kept unless
 *   the change can alter its checks;</li>
 *   <li>a page of the list (no checks, one indexed query), under the
 *   {@link org.compact.tracker.support.RegisterStamp register stamp}, which every change moves.</li>
 * </ul>
 *
 * <p>Bounded: at most {@link #MAX_VIEWS} consultations and {@link #MAX_PAGES} list pages; pages kept under an older
 * register stamp are dropped as soon as a newer one is seen, a consultation's stale answer when it is next asked for.
 */
@Singleton
class KeptReads {
    static final int MAX_VIEWS = 5_000;
    static final int MAX_PAGES = 1_000;

    private final Map<Long, Kept<ConsultationView>> views = new ConcurrentHashMap<>();
    private final Map<PageKey, Kept<List<ConsultationView>>> pages = new ConcurrentHashMap<>();
    private final Map<PageKey, Kept<Object>> renderedPages = new ConcurrentHashMap<>();
    private volatile long newestStamp = Long.MIN_VALUE;

    record PageKey(@Nullable ConsultationStatus status, @Nullable Long agencyId, @Nullable LocalDate from,
                   @Nullable LocalDate to, int page, int size) {
    }

    private record Kept<T>(Object stamp, LocalDate day, T value) {
        boolean fresh(Object stamp, LocalDate day) {
            return this.stamp.equals(stamp) && this.day.equals(day);
        }
    }

    /** One consultation with its checks, kept under its {@code stamps} (its own and the directory's). */
    ConsultationView view(Long id, ConsultationStamps.Stamps stamps, LocalDate day, Supplier<ConsultationView> compute) {
        Kept<ConsultationView> k = views.get(id);
        if (k != null && k.fresh(stamps, day)) {
            return k.value();
        }
        ConsultationView value = compute.get();
        if (views.size() >= MAX_VIEWS) {
            views.clear();
        }
        // An answer computed under older stamps may overwrite a newer one: harmless, as it is never served as fresh.
        views.put(id, new Kept<>(stamps, day, value));
        return value;
    }

    List<ConsultationView> page(PageKey key, long stamp, LocalDate day, Supplier<List<ConsultationView>> compute) {
        return kept(pages, key, stamp, day, compute, MAX_PAGES);
    }

    /** A page as its reader renders it (the API: its JSON bytes), kept like the page itself. */
    @SuppressWarnings("unchecked")
    <T> T renderedPage(PageKey key, long stamp, LocalDate day, Supplier<T> render) {
        return (T) kept(renderedPages, key, stamp, day, render::get, MAX_PAGES);
    }

    private <K, T> T kept(Map<K, Kept<T>> map, K key, long stamp, LocalDate day, Supplier<T> compute, int max) {
        forgetOlderThan(stamp);
        Kept<T> k = map.get(key);
        if (k != null && k.fresh(stamp, day)) {
            return k.value();
        }
        T value = compute.get();
        if (map.size() >= max) {
            map.clear();
        }
        map.put(key, new Kept<>(stamp, day, value));
        return value;
    }

    /** Stamps only grow (they come from a sequence): anything kept under an older one is stale for good. */
    private void forgetOlderThan(long stamp) {
        if (stamp > newestStamp) {
            synchronized (this) {
                if (stamp > newestStamp) {
                    newestStamp = stamp;
                    pages.values().removeIf(k -> (Long) k.stamp() < stamp);
                    renderedPages.values().removeIf(k -> (Long) k.stamp() < stamp);
                }
            }
        }
    }
}
