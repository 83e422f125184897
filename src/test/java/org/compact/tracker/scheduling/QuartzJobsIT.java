package org.compact.tracker.scheduling;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Quartz really fires, from its JDBC store in the service's database, and a job whose time passed while the
 * service was down runs once when it starts again.
 */
class QuartzJobsIT {

    @Test
    void jobsFireOnTheirScheduleAndEachRunIsRecorded() {
        Map<String, Object> props = properties("jdbc:h2:file:./target/test-db/quartz-" + UUID.randomUUID());
        props.put("tracker.jobs.lifecycle.cron", "0/1 * * * * ?");
        try (ApplicationContext ctx = ApplicationContext.run(props, "test")) {
            JobRunRepository runs = ctx.getBean(JobRunRepository.class);
            // A run is recorded when it starts and again when it ends: wait for three that have ended (on a loaded
            // machine the newest may still be running when they are read).
            waitFor(Duration.ofSeconds(15), () -> runs.findTop20ByWorkOrderByIdDesc("lifecycle").stream()
                    .filter(r -> r.result() != null).count() >= 3);
            List<JobRun> recent = runs.findTop20ByWorkOrderByIdDesc("lifecycle");
            assertThat(recent).extracting(JobRun::fireTime).doesNotHaveDuplicates();
            List<JobRun> ended = recent.stream().filter(r -> r.result() != null).toList();
            assertThat(ended).hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(r -> assertThat(r.result()).startsWith("opened "));
            assertThat(recent.size() - ended.size()).as("runs still going").isLessThanOrEqualTo(1);
        }
    }

    @Test
    void jobsStartOnlyOnceTheStartDelayHasPassed() {
        Map<String, Object> props = properties("jdbc:h2:file:./target/test-db/quartz-" + UUID.randomUUID());
        props.put("tracker.jobs.lifecycle.cron", "0/1 * * * * ?");
        props.put("tracker.jobs.start-delay", "3s");
        Instant before = Instant.now();
        try (ApplicationContext ctx = ApplicationContext.run(props, "test")) {
            Instant started = Instant.now();
            QuartzScheduler scheduler = ctx.getBean(QuartzScheduler.class);
            JobRunRepository runs = ctx.getBean(JobRunRepository.class);
            if (Duration.between(before, started).toMillis() < 2500) {
                assertThat(runs.countByWork("lifecycle")).as("runs before the delay is over").isZero();
            }
            waitFor(Duration.ofSeconds(20), () -> runs.countByWork("lifecycle") >= 1);
            assertThat(runs.findTop20ByWorkOrderByIdDesc("lifecycle"))
                    .allSatisfy(r -> assertThat(r.startedAt()).isAfterOrEqualTo(before.plusSeconds(3)));
        }
    }

    @Test
    void aStopDuringTheStartDelayEndsItAndNoJobRuns() throws Exception {
        String url = "jdbc:h2:file:./target/test-db/quartz-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        Map<String, Object> props = properties(url);
        props.put("tracker.jobs.lifecycle.cron", "0/1 * * * * ?");
        props.put("tracker.jobs.start-delay", "10m");
        Instant closing;
        try (ApplicationContext ctx = ApplicationContext.run(props, "test")) {
            assertThat(ctx.getBean(QuartzScheduler.class).scheduler().isStarted()).isFalse();
            closing = Instant.now();
        }
        assertThat(Duration.between(closing, Instant.now())).as("time to stop").isLessThan(Duration.ofSeconds(10));
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM job_run")) {
            var rs = s.executeQuery();
            rs.next();
            assertEquals(0, rs.getInt(1), "no job ran");
        }
    }

    @Test
    void aDailyJobMissedWhileTheServiceWasDownRunsOnceWhenItStarts() throws Exception {
        String url = "jdbc:h2:file:./target/test-db/quartz-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        Map<String, Object> props = properties(url);
        try (ApplicationContext first = ApplicationContext.run(props, "test")) {
            waitFor(Duration.ofSeconds(10), () -> first.getBean(QuartzScheduler.class).status().stream()
                    .anyMatch(s -> s.work().equals("notice watch") && s.nextFire() != null));
        }
        // The service was down over 07:00: the trigger's next firing lies two hours in the past.
        long missed = Instant.now().minus(Duration.ofHours(2)).toEpochMilli();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             PreparedStatement s = c.prepareStatement("UPDATE qrtz_triggers SET next_fire_time = ? WHERE trigger_name = ?")) {
            s.setLong(1, missed);
            s.setString(2, "notice watch");
            assertEquals(1, s.executeUpdate());
        }

        try (ApplicationContext second = ApplicationContext.run(props, "test")) {
            JobRunRepository runs = second.getBean(JobRunRepository.class);
            waitFor(Duration.ofSeconds(20), () -> runs.countByWork("notice watch") >= 1);
            Thread.sleep(3000);
            assertEquals(1, runs.countByWork("notice watch"), "the missed run happens once, not once per missed day");
            QuartzScheduler.JobStatus watch = second.getBean(QuartzScheduler.class).status().stream()
                    .filter(s -> s.work().equals("notice watch")).findFirst().orElseThrow();
            assertThat(watch.nextFire()).isAfter(Instant.now());
        }
    }

    private static Map<String, Object> properties(String url) {
        Map<String, Object> props = new HashMap<>();
        props.put("datasources.default.url", url.contains(";") ? url
                : url + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        props.put("tracker.jobs.scheduler-name", "quartz-it-" + UUID.randomUUID());
        props.put("micronaut.server.port", -1);
        // These contexts share one H2 file on purpose (a restart), on the PostgreSQL run too.
        props.put("tracker.test.keep-url", "true");
        return props;
    }

    private static void waitFor(Duration limit, BooleanSupplier condition) {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("not within " + limit);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
