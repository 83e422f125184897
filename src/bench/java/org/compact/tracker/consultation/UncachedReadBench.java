package org.compact.tracker.consultation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import org.compact.tracker.rules.Check;
import org.compact.tracker.support.ConsultationStamps;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Where the time of one uncached {@code GET /api/consultations/{id}} goes (issue 17), without HTTP: what
 * {@code RegisterReads.get} does when its answer is not kept, step by step, timed around each step. Not a test: run
 * {@code src/bench/time-uncached-read.sh} on a database an HTTP bench run left behind ({@code BENCH_KEEP=1}).
 *
 * <p>It starts an application context (jobs off, no HTTP server) on {@code bench.db.url}, takes the
 * {@code bench.reads} (200) consultations named "Bench consultation …" (those the HTTP bench reads), and, after a
 * warm-up of {@code bench.warmup} passes, times {@code bench.rounds} passes over them of: the two stamps, the load,
 * the facts the rules judge ({@link FactsAssembler}), the rules on them and the feedback rules (rest of
 * {@link RuleChecks#checks}), the view with exemptions and translations, and the JSON. It prints each step's median
 * and p90 in microseconds, and the whole.
 */
public final class UncachedReadBench {
    private UncachedReadBench() {
    }

    public static void main(String[] args) throws Exception {
        int reads = Integer.getInteger("bench.reads", 200);
        int warmup = Integer.getInteger("bench.warmup", 20);
        int rounds = Integer.getInteger("bench.rounds", 10);
        Map<String, Object> props = new HashMap<>();
        props.put("datasources.default.url", System.getProperty("bench.db.url"));
        props.put("tracker.jobs.enabled", false);
        props.put("tracker.admin.password", "bench-admin-password");
        props.put("micronaut.server.port", -1);
        try (ApplicationContext ctx = ApplicationContext.run(props, "bench")) {
            List<Long> ids = new ArrayList<>();
            DataSource pool = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(ctx.getBean(DataSource.class));
            try (var c = pool.getConnection(); var s = c.prepareStatement(
                    "SELECT id FROM consultation WHERE title LIKE 'Bench consultation %' ORDER BY id LIMIT ?")) {
                s.setInt(1, reads);
                try (var r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                    }
                }
                try (var n = c.createStatement().executeQuery("SELECT COUNT(*) FROM consultation")) {
                    n.next();
                    System.out.printf(Locale.ROOT, "%d consultations in the database; timing %d of them%n",
                            n.getLong(1), ids.size());
                }
            }
            ConsultationStamps stamps = ctx.getBean(ConsultationStamps.class);
            ConsultationStore store = ctx.getBean(ConsultationStore.class);
            FactsAssembler facts = ctx.getBean(FactsAssembler.class);
            RuleChecks checks = ctx.getBean(RuleChecks.class);
            JsonMapper json = ctx.getBean(JsonMapper.class);
            Clock clock = ctx.getBean(Clock.class);
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> tx = ctx.getBean(TransactionOperations.class);
            Map<String, List<Double>> times = new LinkedHashMap<>();
            Map<Long, Integer> slow = new HashMap<>();
            for (int pass = 0; pass < warmup + rounds; pass++) {
                boolean timed = pass >= warmup;
                for (Long id : ids) {
                    long begin = System.nanoTime();
                    long[] t = tx.executeRead(status -> once(id, stamps, store, facts, checks, json, clock));
                    long end = System.nanoTime();
                    if (timed) {
                        add(times, "1 stamps (consultation + directory, one query)", t[1] - t[0]);
                        add(times, "2 load (consultation by key + partners)", t[2] - t[1]);
                        add(times, "3 facts alone (FactsAssembler: targets, others, reach, receipts, translations)", t[3] - t[2]);
                        add(times, "4 checks (RuleChecks.checks: exemptions + facts again + rules + feedback state)", t[4] - t[3]);
                        add(times, "5 view (exemptions + translations + ConsultationView)", t[5] - t[4]);
                        add(times, "6 JSON bytes", t[6] - t[5]);
                        if (t[4] - t[3] > 3_000_000) {
                            slow.merge(id, 1, Integer::sum);
                        }
                        add(times, "what an uncached GET does: 1 + 2 + 4 + 5 + 6, in one read-only transaction",
                                (end - begin) - (t[3] - t[2]));
                    }
                }
            }
            print(times, ids.size(), rounds, warmup);
            System.out.printf(Locale.ROOT, "%nchecks over 3 ms: %d reads of %d consultations; most often: %s%n",
                    slow.values().stream().mapToInt(Integer::intValue).sum(), slow.size(),
                    slow.entrySet().stream().sorted(Map.Entry.<Long, Integer>comparingByValue().reversed()).limit(8)
                            .map(e -> e.getKey() + "×" + e.getValue()).toList());
        }
    }

    private static long[] once(Long id, ConsultationStamps stamps, ConsultationStore store, FactsAssembler facts,
                               RuleChecks checks, JsonMapper json, Clock clock) {
        try {
            long t0 = System.nanoTime();
            stamps.current(id);
            long t1 = System.nanoTime();
            Consultation c = store.load(id);
            long t2 = System.nanoTime();
            facts.facts(c, LocalDate.now(clock));
            long t3 = System.nanoTime();
            List<Check> judged = checks.checks(c);
            long t4 = System.nanoTime();
            ConsultationView view = checks.view(c, judged);
            long t5 = System.nanoTime();
            json.writeValueAsBytes(view);
            long t6 = System.nanoTime();
            return new long[] {t0, t1, t2, t3, t4, t5, t6};
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void print(Map<String, List<Double>> times, int reads, int rounds, int warmup) {
        System.out.printf(Locale.ROOT, "%n| step (µs, %d reads × %d rounds after %d warm-up passes) | median | p90 |%n",
                reads, rounds, warmup);
        System.out.println("|---|---:|---:|");
        times.forEach((step, v) -> {
            v.sort(null);
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f |%n", step, v.get(v.size() / 2),
                    v.get((int) (v.size() * 0.9)));
        });
    }

    private static void add(Map<String, List<Double>> times, String step, long nanos) {
        times.computeIfAbsent(step, k -> new ArrayList<>()).add(nanos / 1000.0);
    }
}
