package org.compact.tracker.cluster;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.HttpClientConfiguration;
import jakarta.mail.internet.MimeMessage;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.Ports;
import org.compact.tracker.support.PostgresDatabases;
import org.compact.tracker.support.TcpProxy;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two nodes, each a JVM of its own started from environment variables only, on one PostgreSQL database. A fan-out
 * of 2,000 notices begins; the node that is delivering it is killed (SIGKILL) in the middle of a batch. The other
 * node finishes the fan-out: every notice arrives, and at most the one message in flight at the kill arrives twice
 * (same Message-ID). Quartz on the survivor recovers the dead node's work: the relay job the dead node was running
 * (whose triggers it held blocked cluster-wide), and every lifecycle firing (every 2 s) runs to the end exactly once.
 */
class NodeKilledMidFanOutIT {
    private static final Logger LOG = LoggerFactory.getLogger(NodeKilledMidFanOutIT.class);
    private static final int ORGANISATIONS = 500;
    private static final int CONTACTS_EACH = 4;
    private static final int EXPECTED = ORGANISATIONS * CONTACTS_EACH;
    /** The victim is killed once it has begun this many messages. */
    private static final int KILL_AFTER = 300;

    @Test
    void aNodeKilledMidFanOutLeavesTheRestToTheOtherWhoseQuartzRecoversItsWorkOnce() throws Exception {
        assumeTrue("true".equals(System.getProperty("tracker.test.postgres")), "clustering is tested on PostgreSQL");
        int smtpPort = Ports.free();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        String database = PostgresDatabases.newDatabase();
        try (TcpProxy viaA = new TcpProxy(smtpPort); TcpProxy viaB = new TcpProxy(smtpPort);
             NodeProcess a = NodeProcess.start("a", env(database, viaA.port()));
             NodeProcess b = NodeProcess.start("b", env(database, viaB.port()))) {
            // Both start at once on an empty database: one migrates, both bootstrap, both join the cluster (their
            // jobs start TRACKER_JOBS_START_DELAY, 1 s, after their context: up is not yet joined).
            a.awaitUp(Duration.ofSeconds(60));
            b.awaitUp(Duration.ofSeconds(60));
            Instant joinBy = Instant.now().plusSeconds(30);
            List<String> instances = strings(database, "SELECT instance_name FROM qrtz_scheduler_state ORDER BY 1");
            while (instances.size() < 2 && Instant.now().isBefore(joinBy)) {
                Thread.sleep(200);
                instances = strings(database, "SELECT instance_name FROM qrtz_scheduler_state ORDER BY 1");
            }
            assertThat(instances).as("both nodes checked in to the Quartz cluster").hasSize(2);

            try (HttpClient httpA = HttpClient.create(a.url(), patient());
                 HttpClient httpB = HttpClient.create(b.url(), patient())) {
                World world = World.create(httpA);
                Api officerOnB = Api.login(httpB, world.officerName,
                        "officer-password-" + world.officerName.replace("olivia", ""));
                ClusterDirectory.createOrganisations(world.officer, officerOnB, ORGANISATIONS, CONTACTS_EACH, "Killington");
                Map<String, Object> body = world.consultation(LocalDate.now().plusMonths(2));
                body.put("targets", Map.of("areas", List.of("Killington")));
                long id = world.register(body);

                Instant notifiedAt = Instant.now();
                Api.Reply notified = world.officer.post("/api/consultations/" + id + "/notify");
                assertEquals(200, notified.status(), notified::toString);
                LOG.info("Notified {} organisations in {} ms", ORGANISATIONS,
                        Duration.between(notifiedAt, Instant.now()).toMillis());

                // Kill whichever node is delivering, in the middle of its run.
                TcpProxy[] proxies = {viaA, viaB};
                NodeProcess[] nodes = {a, b};
                int victim = -1;
                Instant giveUp = Instant.now().plusSeconds(60);
                while (victim < 0 && Instant.now().isBefore(giveUp)) {
                    for (int i = 0; i < 2 && victim < 0; i++) {
                        if (proxies[i].messagesBegun() >= KILL_AFTER) {
                            victim = i;
                        }
                    }
                    if (victim < 0) {
                        Thread.sleep(1);
                    }
                }
                assertThat(victim).as("a node delivered %d messages within a minute", KILL_AFTER).isNotNegative();
                nodes[victim].kill();
                Instant killedAt = Instant.now();
                NodeProcess survivor = nodes[1 - victim];
                int begunByVictim = proxies[victim].messagesBegun();
                int receivedAtKill = smtp.getReceivedMessages().length;
                List<String> relayRunningAtKill = strings(database, "SELECT instance_name FROM qrtz_fired_triggers "
                        + "WHERE job_name = 'mail relay' AND state = 'EXECUTING'");
                LOG.info("Killed node {} at {} ({} ms after notify), having begun {} messages; {} received; relay "
                                + "running on {}", nodes[victim].name(), killedAt,
                        Duration.between(notifiedAt, killedAt).toMillis(), begunByVictim, receivedAtKill,
                        relayRunningAtKill);
                assertThat(receivedAtKill).as("killed mid-fan-out").isLessThan(EXPECTED);

                // The survivor finishes: every notice SENT and received, and Quartz has written the dead node off.
                int survivorBegunAtKill = proxies[1 - victim].messagesBegun();
                Instant resumedAt = null;
                Instant recoveredAt = null;
                // A bound on the wait, not the assertion: none lost, none doubled. Since the notice carries how to take
                // part and its meetings (issue 19), the survivor's relay here runs at ~20 a second on PostgreSQL, not
                // ~120 as before: 75 s no longer covered 2,000 notices (1,641 and 1,943 seen). Why it slowed is open.
                Instant end = killedAt.plusSeconds(180);
                while (Instant.now().isBefore(end)) {
                    int received = smtp.getReceivedMessages().length;
                    if (resumedAt == null && proxies[1 - victim].messagesBegun() > survivorBegunAtKill) {
                        resumedAt = Instant.now();
                    }
                    if (recoveredAt == null && count(database, "SELECT COUNT(*) FROM qrtz_scheduler_state") == 1) {
                        recoveredAt = Instant.now();
                    }
                    if (recoveredAt != null && received >= EXPECTED
                            && count(database, "SELECT COUNT(*) FROM outbox_message WHERE status <> 'SENT'") == 0) {
                        break;
                    }
                    Thread.sleep(250);
                }
                Instant finishedAt = Instant.now();
                assertThat(recoveredAt).as("the survivor's Quartz found the dead node").isNotNull();
                // Let a lifecycle firing or two run after the recovery, and any late copy arrive.
                while (Instant.now().isBefore(recoveredAt.plusSeconds(5))) {
                    Thread.sleep(250);
                }

                MimeMessage[] received = smtp.getReceivedMessages();
                Map<String, Integer> copies = new HashMap<>();
                for (MimeMessage m : received) {
                    copies.merge(m.getMessageID(), 1, Integer::sum);
                }
                Map<String, Integer> doubled = new LinkedHashMap<>();
                copies.forEach((messageId, n) -> {
                    if (n > 1) {
                        doubled.put(messageId, n);
                    }
                });
                LOG.info("Survivor {} recovered the dead node's Quartz work {} ms after the kill and resumed delivery "
                                + "{} ms after it; all delivered {} ms after it; {} received, {} distinct, doubled: {}",
                        survivor.name(), Duration.between(killedAt, recoveredAt).toMillis(),
                        resumedAt == null ? -1 : Duration.between(killedAt, resumedAt).toMillis(),
                        Duration.between(killedAt, finishedAt).toMillis(), received.length, copies.size(), doubled);
                assertEquals(EXPECTED, copies.size(), "every notice arrived (none lost)");
                assertThat(doubled).as("only the message in flight at the kill may arrive twice")
                        .hasSizeLessThanOrEqualTo(1).allSatisfy((messageId, n) -> assertThat(n).isEqualTo(2));
                assertThat(count(database, "SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT'"))
                        .isEqualTo(EXPECTED);
                assertThat(proxies[1 - victim].messagesBegun()).as("the survivor delivered the rest")
                        .isGreaterThanOrEqualTo(EXPECTED - proxies[victim].messagesBegun());

                // Quartz: the survivor found the dead node, took back what it held and is alone in the cluster.
                List<String> left = strings(database, "SELECT instance_name FROM qrtz_scheduler_state");
                assertThat(left).as("the dead node's check-in record is removed").hasSize(1);
                String dead = instances.stream().filter(i -> !left.contains(i)).findFirst().orElseThrow();
                assertThat(relayRunningAtKill).as("the dead node was running the relay job when it was killed")
                        .contains(dead);
                assertThat(count(database, "SELECT COUNT(*) FROM qrtz_fired_triggers WHERE instance_name = '"
                        + dead + "'")).as("nothing is left held by the dead node").isZero();
                // While the dead node "ran" the relay job, Quartz kept its triggers BLOCKED on every node (one run of
                // a job at a time, cluster-wide): the survivor delivering the rest shows the recovery released them.
                String survivorInstance = left.get(0);
                assertThat(strings(database, "SELECT instance_name FROM qrtz_fired_triggers "
                        + "WHERE job_name = 'mail relay'")).as("the relay job runs on the survivor now")
                        .allSatisfy(i -> assertThat(i).isEqualTo(survivorInstance));

                assertLifecycleRanOncePerFiring(database, dead, survivorInstance, killedAt, recoveredAt);
            }
        } finally {
            smtp.stop();
        }
    }

    /**
     * Every 2-second lifecycle firing from before the kill until shortly before the end ran to completion exactly
     * once, none was lost while the dead node held triggers, and after the kill only the survivor ran it. A run the
     * dead node had begun (unfinished) was run again to completion by the survivor.
     */
    private static void assertLifecycleRanOncePerFiring(String database, String dead, String survivor, Instant killedAt,
                                                        Instant recoveredAt) throws SQLException {
        TreeMap<Instant, List<String>> finishedBy = new TreeMap<>();
        TreeSet<Instant> unfinishedByDead = new TreeSet<>();
        Instant lastFinished = null;
        try (Connection c = DriverManager.getConnection(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT fire_time, node, finished_at FROM job_run "
                     + "WHERE work = 'lifecycle' ORDER BY fire_time")) {
            while (rs.next()) {
                Instant fire = rs.getObject(1, OffsetDateTime.class).toInstant();
                String node = rs.getString(2);
                OffsetDateTime finished = rs.getObject(3, OffsetDateTime.class);
                if (finished != null) {
                    finishedBy.computeIfAbsent(fire, f -> new ArrayList<>()).add(node);
                    lastFinished = lastFinished == null || fire.isAfter(lastFinished) ? fire : lastFinished;
                } else if (node.equals(dead)) {
                    unfinishedByDead.add(fire);
                }
            }
        }
        assertThat(finishedBy).as("lifecycle runs").isNotEmpty();
        // Quartz recovers a job whose node died while it ran: if the dead node had finished the work but not yet told
        // Quartz, the survivor runs that firing again (the work is idempotent). Only the firing in flight at the kill
        // may do so, as only the message in flight may arrive twice.
        Map<Instant, List<String>> twice = new TreeMap<>();
        finishedBy.forEach((fire, nodes) -> {
            if (nodes.size() > 1) {
                twice.put(fire, nodes);
            }
        });
        assertThat(twice).as("each firing ran to completion once, but the one in flight at the kill")
                .hasSizeLessThanOrEqualTo(1)
                .allSatisfy((fire, nodes) -> {
                    assertThat(nodes).containsExactly(dead, survivor);
                    assertThat(fire).isBeforeOrEqualTo(killedAt);
                });
        Instant first = finishedBy.firstKey();
        List<Instant> missing = new ArrayList<>();
        for (Instant slot = first; !slot.isAfter(lastFinished); slot = slot.plusSeconds(2)) {
            if (!finishedBy.containsKey(slot)) {
                missing.add(slot);
            }
        }
        assertThat(missing).as("no firing was lost").isEmpty();
        assertThat(lastFinished).as("the lifecycle job went on after the recovery").isAfter(recoveredAt);
        Set<String> after = new TreeSet<>();
        finishedBy.tailMap(killedAt.plusSeconds(1)).values().forEach(after::addAll);
        assertThat(after).as("after the kill only the survivor ran it").containsExactly(survivor);
        for (Instant fire : unfinishedByDead) {
            assertThat(finishedBy.get(fire)).as("the run the dead node began at %s was redone", fire)
                    .containsExactly(survivor);
        }
        LOG.info("Lifecycle: {} firings from {} to {}, each once; {} begun by the dead node and redone",
                finishedBy.size(), first, lastFinished, unfinishedByDead.size());
    }

    /** A node of the cluster: the shared database and the cluster switch, and the settings this test needs. */
    private static Map<String, String> env(String database, int smtpPort) {
        Map<String, String> env = new HashMap<>();
        env.put("DATASOURCES_DEFAULT_URL", database);
        env.put("DATASOURCES_DEFAULT_USERNAME", "postgres");
        env.put("DATASOURCES_DEFAULT_PASSWORD", "");
        env.put("TRACKER_CLUSTER_ENABLED", "true");
        env.put("TRACKER_JWT_SECRET", "a-secret-shared-by-every-node-of-the-cluster-0123456789");
        env.put("TRACKER_ADMIN_PASSWORD", Api.ADMIN_PASSWORD);
        env.put("TRACKER_SECURITY_BCRYPT_COST", "4");
        env.put("TRACKER_MAIL_SMTP_HOST", "127.0.0.1");
        env.put("TRACKER_MAIL_SMTP_PORT", String.valueOf(smtpPort));
        env.put("TRACKER_MAIL_SMTP_CONNECT_TIMEOUT", "2s");
        env.put("TRACKER_MAIL_SMTP_READ_TIMEOUT", "2s");
        env.put("TRACKER_MAIL_SMTP_WRITE_TIMEOUT", "2s");
        // A claim outlives a run (2 s) and three timeouts (6 s); short, so the test need not wait minutes.
        env.put("TRACKER_MAIL_RELAY_LEASE", "8s");
        env.put("TRACKER_MAIL_RELAY_TIME_BUDGET", "2s");
        env.put("TRACKER_MAIL_RELAY_BATCH_SIZE", "50");
        env.put("TRACKER_MAIL_RELAY_BASE_BACKOFF", "2s");
        env.put("TRACKER_JOBS_MAIL_RELAY_EVERY_SECONDS", "1");
        env.put("TRACKER_JOBS_LIFECYCLE_CRON", "0/2 * * * * ?");
        return env;
    }

    private static List<String> strings(String database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static long count(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The notify request writes 2,000 notices in one transaction: on a loaded machine it may take over 10 s. */
    private static HttpClientConfiguration patient() {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setReadTimeout(Duration.ofSeconds(60));
        return configuration;
    }
}
