package org.compact.tracker.consultation;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps what the register's two busiest reads computed — one consultation with its rule checks, and a page of the
 * list — under the {@link org.compact.tracker.support.RegisterStamp register stamp} read <em>before</em> the data, and
 * the day (NOTICE, DURATION and FEEDBACK judge against today). An answer is reused only while both are unchanged, so it
 * is never older than the last committed change on any node. Working out OVERLOAD means reading every live
 * consultation nearby and the whole directory; reusing the answer makes the read cost one primary-key lookup.
 *
 * <p>Bounded: at most {@link #MAX_VIEWS} consultations and {@link #MAX_PAGES} list pages, and everything kept under an
 * older stamp is dropped as soon as a newer one is seen.
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

    private record Kept<T>(long stamp, LocalDate day, T value) {
        boolean fresh(long stamp, LocalDate day) {
            return this.stamp == stamp && this.day.equals(day);
        }
    }

    ConsultationView view(Long id, long stamp, LocalDate day, Supplier<ConsultationView> compute) {
        return kept(views, id, stamp, day, compute, MAX_VIEWS);
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
                    views.values().removeIf(k -> k.stamp() < stamp);
                    pages.values().removeIf(k -> k.stamp() < stamp);
                    renderedPages.values().removeIf(k -> k.stamp() < stamp);
                }
            }
        }
    }
}
