package org.compact.tracker.notice;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.compact.tracker.clock.DueWork;
import org.compact.tracker.clock.SimClock;
import org.compact.tracker.scheduling.QuartzScheduler;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.MailParts;
import org.compact.tracker.support.PostgresDatabases;
import org.compact.tracker.support.TestSmtp;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Monday run where it is hard: two nodes on one database running it at the same moment send each contact one
 * digest, and a run missed while the service was down is caught up once when it starts again (Quartz really firing).
 * A shared H2 file in the H2 run, a PostgreSQL database in the PostgreSQL run.
 */
class DigestAcrossNodesIT {
    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    @BeforeEach
    void emptyMailbox() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void twoNodesRunningTheMondayDigestAtTheSameMomentSendEachContactOneDigest() throws Exception {
        Map<String, Object> props = sharedDatabase("digest-nodes-");
        props.put("tracker.jobs.enabled", "false");
        try (ApplicationContext first = node(props); ApplicationContext second = node(props)) {
            HttpClient one = first.createBean(HttpClient.class, first.getBean(EmbeddedServer.class).getURL());
            World world = World.create(one);
            at(world, 2027, 1, 5, 10, 0);
            List<String> weekly = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String email = "group" + i + "." + UUID.randomUUID().toString().substring(0, 6) + "@weaste.example";
                Api.Reply created = world.officer.post("/api/organisations", Map.of("name", "Weaste group " + i,
                        "kind", "COMMUNITY_GROUP", "emails", List.of(email), "areas", List.of("Weaste"), "mail", "WEEKLY"));
                assertEquals(201, created.status(), created::toString);
                assertEquals("WEEKLY", created.at("mail"));
                weekly.add(email);
            }
            for (String title : List.of("Weaste library hours", "Weaste bus routes")) {
                Map<String, Object> body = world.consultation(LocalDate.of(2027, 4, 1));
                body.put("title", title);
                body.put("areas", List.of("Weaste"));
                body.put("targets", Map.of("areas", List.of("Weaste")));
                assertEquals(200, world.notify(world.register(body)).status());
            }
            assertThat(to(weekly)).as("every notice waits for Monday").isEmpty();

            // Monday 11 January, 09:00 on both nodes, and both run the digest at once.
            Instant monday = ZonedDateTime.of(2027, 1, 11, 9, 0, 0, 0, World.LONDON).toInstant();
            ((SimClock) first.getBean(Clock.class)).set(monday);
            ((SimClock) second.getBean(Clock.class)).set(monday);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<String>> runs = new ArrayList<>();
                for (ApplicationContext node : List.of(first, second)) {
                    DueWork digest = node.getBeansOfType(DueWork.class).stream()
                            .filter(w -> w.name().equals("weekly digest")).findFirst().orElseThrow();
                    runs.add(pool.submit((Callable<String>) () -> {
                        start.await();
                        return digest.runDue();
                    }));
                }
                start.countDown();
                int digests = 0;
                for (Future<String> run : runs) {
                    String result = run.get();
                    digests += Integer.parseInt(result.substring(0, result.indexOf(' ')));
                }
                assertEquals(12, digests, "between them the two nodes queued one digest per contact");
            } finally {
                pool.shutdownNow();
            }
            world.moveForwardTo(monday.plusSeconds(60));

            List<MimeMessage> received = to(weekly);
            assertThat(received).extracting(DigestAcrossNodesIT::recipient).containsExactlyInAnyOrderElementsOf(weekly);
            for (MimeMessage digest : received) {
                assertThat(digest.getSubject()).isEqualTo("Weekly summary, 11 January 2027: 2 consultations");
                assertThat(MailParts.text(digest)).contains("== Weaste library hours ==").contains("== Weaste bus routes ==");
            }
            assertEquals(12, count(first, "SELECT COUNT(*) FROM outbox_message WHERE category = 'DIGEST'"));
            assertEquals(0, count(first, "SELECT COUNT(*) FROM digest_item WHERE sent_in IS NULL"));
        }
    }

    @Test
    void theMondayRunMissedWhileTheServiceWasDownRunsOnceWhenItStartsOnTuesday() throws Exception {
        Map<String, Object> props = sharedDatabase("digest-missed-");
        props.put("tracker.jobs.scheduler-name", "digest-missed-" + UUID.randomUUID());
        String email;
        try (ApplicationContext before = node(props)) {
            HttpClient client = before.createBean(HttpClient.class, before.getBean(EmbeddedServer.class).getURL());
            World world = World.create(client);
            at(world, 2027, 1, 8, 10, 0);
            email = "walkers." + UUID.randomUUID().toString().substring(0, 6) + "@pendleton.example";
            assertEquals(201, world.officer.post("/api/organisations", Map.of("name", "Pendleton Walkers",
                    "kind", "COMMUNITY_GROUP", "emails", List.of(email), "areas", List.of("Pendleton"),
                    "mail", "WEEKLY")).status());
            Map<String, Object> body = world.consultation(LocalDate.of(2027, 4, 1));
            body.put("title", "Pendleton footpaths");
            body.put("areas", List.of("Pendleton"));
            body.put("targets", Map.of("areas", List.of("Pendleton")));
            assertEquals(200, world.notify(world.register(body)).status());
            QuartzScheduler scheduler = before.getBean(QuartzScheduler.class);
            waitFor(Duration.ofSeconds(20), () -> scheduler.status().stream()
                    .anyMatch(s -> s.work().equals("weekly digest") && s.nextFire() != null));
        }
        assertThat(to(List.of(email))).isEmpty();
        // The service was down over Monday 09:00: the digest's trigger's next firing lies in the past.
        try (Connection c = DriverManager.connection(props);
             PreparedStatement s = c.prepareStatement("UPDATE qrtz_triggers SET next_fire_time = ? WHERE trigger_name = ?")) {
            s.setLong(1, Instant.now().minus(Duration.ofHours(2)).toEpochMilli());
            s.setString(2, "weekly digest");
            assertEquals(1, s.executeUpdate());
        }

        // It starts again on Tuesday 12 January at 08:00; the jobs start three seconds later.
        props.put("tracker.jobs.start-delay", "3s");
        try (ApplicationContext after = node(props)) {
            ((SimClock) after.getBean(Clock.class)).set(ZonedDateTime.of(2027, 1, 12, 8, 0, 0, 0, World.LONDON).toInstant());
            List<String> walkers = List.of(email);
            waitFor(Duration.ofSeconds(40), () -> !to(walkers).isEmpty());
            Thread.sleep(6000);
            List<MimeMessage> received = to(walkers);
            assertThat(received).hasSize(1);
            assertEquals(email, recipient(received.get(0)));
            assertEquals("Weekly summary, 11 January 2027: 1 consultation", received.get(0).getSubject());
            assertThat(MailParts.text(received.get(0))).contains("Pendleton footpaths");
            assertEquals(1, count(after, "SELECT COUNT(*) FROM job_run WHERE work = 'weekly digest'"),
                    "the missed run happens once");
        }
    }

    private static Map<String, Object> sharedDatabase(String prefix) {
        Map<String, Object> props;
        if ("true".equals(System.getProperty("tracker.test.postgres"))) {
            props = PostgresDatabases.sharedDatabaseProperties(PostgresDatabases.newDatabase());
        } else {
            props = new HashMap<>();
            props.put("datasources.default.url", "jdbc:h2:file:./target/test-db/" + prefix + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
            props.put("tracker.test.keep-url", "true");
        }
        props.putAll(smtp.serviceProperties("tracker.mail.from", "consultations@salford.example"));
        props.put("tracker.jwt.secret", "a-secret-shared-by-every-node-of-the-cluster-0123456789");
        props.put("micronaut.server.port", -1);
        return props;
    }

    private static ApplicationContext node(Map<String, Object> props) {
        return ApplicationContext.run(EmbeddedServer.class, props, "test", "sim").getApplicationContext();
    }

    private static long count(ApplicationContext ctx, String sql) throws Exception {
        DataSource pool = DelegatingDataSource.unwrapDataSource(ctx.getBean(DataSource.class));
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A connection to the shared database while no node runs. */
    private static final class DriverManager {
        static Connection connection(Map<String, Object> props) throws Exception {
            String url = (String) props.get("datasources.default.url");
            Object user = props.getOrDefault("datasources.default.username", "sa");
            Object password = props.getOrDefault("datasources.default.password", "");
            return java.sql.DriverManager.getConnection(url, String.valueOf(user), String.valueOf(password));
        }
    }

    /** What GreenMail received for these addresses (the officers' own account mail left aside). */
    private static List<MimeMessage> to(List<String> addresses) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> addresses.contains(recipient(m))).toList();
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void at(World world, int year, int month, int day, int hour, int minute) {
        world.moveForwardTo(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, World.LONDON).toInstant());
    }

    private static void waitFor(Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("not within " + limit);
            }
            Thread.sleep(200);
        }
    }
}
