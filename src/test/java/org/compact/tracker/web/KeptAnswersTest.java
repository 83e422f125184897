package org.compact.tracker.web;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The kept bodies of public answers: found again under their key only, bounded by count and bytes, built once. */
class KeptAnswersTest {
    private static final LocalDate DAY = LocalDate.of(2027, 3, 1);

    private static KeptAnswers.Key key(String variant, long stamp) {
        return new KeptAnswers.Key("/programme.ics", variant, stamp, DAY);
    }

    private static KeptAnswers.Body body(int size) {
        return new KeptAnswers.Body(new byte[size], new byte[0], "text/calendar;charset=utf-8", Map.of());
    }

    private static Supplier<KeptAnswers.Body> counting(AtomicInteger builds, int size) {
        return () -> {
            builds.incrementAndGet();
            return body(size);
        };
    }

    @Test
    void aBodyIsBuiltOncePerKeyAndAnotherStampOrVariantOrDayBuildsAgain() {
        KeptAnswers kept = new KeptAnswers(8, 1 << 20);
        AtomicInteger builds = new AtomicInteger();
        KeptAnswers.Body first = kept.get(key("", 7), counting(builds, 10));
        assertSame(first, kept.get(key("", 7), counting(builds, 10)));
        assertEquals(1, builds.get());

        kept.get(key("?theme=parks", 7), counting(builds, 10));
        kept.get(new KeptAnswers.Key("/programme.ics", "", 7, DAY.plusDays(1)), counting(builds, 10));
        kept.get(key("", 8), counting(builds, 10));
        assertEquals(4, builds.get());
    }

    @Test
    void keepingUnderANewerStampDropsWhatWasKeptUnderOlderOnes() {
        KeptAnswers kept = new KeptAnswers(8, 1 << 20);
        AtomicInteger builds = new AtomicInteger();
        kept.get(key("a", 7), counting(builds, 100));
        kept.get(key("b", 7), counting(builds, 100));
        kept.get(key("a", 8), counting(builds, 100));
        assertThat(kept.size()).containsExactly(1, 100);
    }

    @Test
    void theLeastRecentlyUsedGoFirstWhenTheCountOrTheBytesAreOver() {
        KeptAnswers kept = new KeptAnswers(3, 1000);
        AtomicInteger builds = new AtomicInteger();
        kept.get(key("a", 1), counting(builds, 100));
        kept.get(key("b", 1), counting(builds, 100));
        kept.get(key("c", 1), counting(builds, 100));
        kept.get(key("a", 1), counting(builds, 100)); // used: "b" is now the eldest
        kept.get(key("d", 1), counting(builds, 100));
        assertThat(kept.size()).containsExactly(3, 300);
        builds.set(0);
        kept.get(key("a", 1), counting(builds, 100));
        assertEquals(0, builds.get(), "a was used lately and stays");
        kept.get(key("b", 1), counting(builds, 100));
        assertEquals(1, builds.get(), "b went first");

        kept.get(key("e", 1), counting(builds, 240));
        kept.get(key("f", 1), counting(builds, 240));
        kept.get(key("g", 1), counting(builds, 240));
        kept.get(key("h", 1), counting(builds, 240));
        assertThat(kept.size()[1]).isLessThanOrEqualTo(1000);
    }

    @Test
    void aBodyOverAQuarterOfTheBytesIsSentButNotKept() {
        KeptAnswers kept = new KeptAnswers(8, 1000);
        AtomicInteger builds = new AtomicInteger();
        assertEquals(251, kept.get(key("", 1), counting(builds, 251)).bytes().length);
        kept.get(key("", 1), counting(builds, 251));
        assertEquals(2, builds.get());
        assertThat(kept.size()).containsExactly(0, 0);
    }

    @Test
    void aBodyIsKeptGzippedToo() throws Exception {
        byte[] text = "BEGIN:VCALENDAR\r\n".repeat(500).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        KeptAnswers.Body body = KeptAnswers.Body.of(text, "text/calendar;charset=utf-8", Map.of());
        assertThat(body.gzipped().length).isLessThan(text.length / 10);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body.gzipped()))) {
            assertThat(in.readAllBytes()).isEqualTo(text);
        }
        assertEquals(text.length + body.gzipped().length, body.size());
    }

    @Test
    void anAnswerNotToBeKeptIsBuiltByEachCaller() {
        KeptAnswers kept = new KeptAnswers(8, 1000);
        AtomicInteger builds = new AtomicInteger();
        Supplier<KeptAnswers.Body> notFound = () -> {
            builds.incrementAndGet();
            return null;
        };
        assertNull(kept.get(key("", 1), notFound));
        assertNull(kept.get(key("", 1), notFound));
        assertEquals(2, builds.get());
    }

    @Test
    void requestsForABodyBeingBuiltWaitForThatBuild() throws Exception {
        KeptAnswers kept = new KeptAnswers(8, 1 << 20);
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<KeptAnswers.Body> slow = () -> {
            builds.incrementAndGet();
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return body(10);
        };
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<KeptAnswers.Body> leader = pool.submit(() -> kept.get(key("", 1), slow));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            java.util.List<Future<KeptAnswers.Body>> waiters = new java.util.ArrayList<>();
            for (int i = 0; i < 7; i++) {
                waiters.add(pool.submit(() -> kept.get(key("", 1), slow)));
            }
            Thread.sleep(100);
            release.countDown();
            KeptAnswers.Body built = leader.get(10, TimeUnit.SECONDS);
            for (Future<KeptAnswers.Body> w : waiters) {
                assertSame(built, w.get(10, TimeUnit.SECONDS));
            }
            assertEquals(1, builds.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
