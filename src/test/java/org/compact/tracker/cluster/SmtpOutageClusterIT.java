package org.compact.tracker.cluster;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.HttpClientConfiguration;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.mail.internet.MimeMessage;
import org.compact.tracker.clock.SimClock;
import org.compact.tracker.mail.MailRelay;
import org.compact.tracker.mail.RelaySettings;
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
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two nodes on one PostgreSQL database, the relay with its production settings (batches of 200, back-off from 30 s
 * doubling to 10 min, given up 72 h after the first failure), and the SMTP server refusing every connection ("421 Service not
 * available") for twenty minutes of a fan-out of 1,000 notices. The minutes pass on the sim clock of both nodes
 * (each retry round is due when the clock reaches it), so the outage is real to the relay and short for the test.
 * While refused, no notice is lost, none is parked FAILED, each waits for its back-off; when the server takes mail
 * again, the scheduled relay delivers every notice exactly once.
 */
class SmtpOutageClusterIT {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpOutageClusterIT.class);
    private static final int ORGANISATIONS = 250;
    private static final int CONTACTS_EACH = 4;
    private static final int EXPECTED = ORGANISATIONS * CONTACTS_EACH;
    private static final Duration OUTAGE = Duration.ofMinutes(20);

    @Test
    void smtpRefusingForTwentyMinutesThenBackDeliversEveryNoticeOnceAndParksNone() throws Exception {
        assumeTrue("true".equals(System.getProperty("tracker.test.postgres")), "clustering is tested on PostgreSQL");
        int smtpPort = Ports.free();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        String database = PostgresDatabases.newDatabase();
        Map<String, Object> props = PostgresDatabases.sharedDatabaseProperties(database);
        props.put("tracker.cluster.enabled", "true");
        props.put("tracker.jobs.scheduler-name", "outage-it");
        props.put("tracker.jobs.mail-relay.every-seconds", "1");
        props.put("tracker.jwt.secret", "a-secret-shared-by-every-node-of-the-cluster-0123456789");
        props.put("micronaut.server.port", -1);
        try (TcpProxy proxy = new TcpProxy(smtpPort)) {
            props.put("tracker.mail.smtp.host", "127.0.0.1");
            props.put("tracker.mail.smtp.port", String.valueOf(proxy.port()));
            try (ApplicationContext first = ApplicationContext.run(EmbeddedServer.class, props, "test", "sim")
                    .getApplicationContext();
                 ApplicationContext second = ApplicationContext.run(EmbeddedServer.class, props, "test", "sim")
                         .getApplicationContext();
                 HttpClient viaFirst = HttpClient.create(first.getBean(EmbeddedServer.class).getURL(), patient());
                 HttpClient viaSecond = HttpClient.create(second.getBean(EmbeddedServer.class).getURL(), patient())) {
                RelaySettings settings = first.getBean(RelaySettings.class);
                assertThat(settings).as("the production settings").isEqualTo(RelaySettings.DEFAULTS);
                World world = World.create(viaFirst);
                Api officerOnSecond = Api.login(viaSecond, world.officerName,
                        "officer-password-" + world.officerName.replace("olivia", ""));
                ClusterDirectory.createOrganisations(world.officer, officerOnSecond, ORGANISATIONS, CONTACTS_EACH, "Outageton");
                Map<String, Object> body = world.consultation(LocalDate.now().plusMonths(2));
                body.put("targets", Map.of("areas", List.of("Outageton")));
                long id = world.register(body);

                List<ApplicationContext> nodes = List.of(first, second);
                Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                setClocks(nodes, start);
                proxy.refuse();
                long notifyStarted = System.nanoTime();
                Api.Reply notified = world.officer.post("/api/consultations/" + id + "/notify");
                assertEquals(200, notified.status(), notified::toString);
                LOG.info("Notified {} organisations in {} ms", ORGANISATIONS,
                        (System.nanoTime() - notifyStarted) / 1_000_000);

                // Retry rounds while the server refuses: each when the clock reaches the back-off of the last.
                Instant now = start;
                Instant waiting;
                int round = 0;
                while (true) {
                    round++;
                    Instant at = now;
                    int attempts = round;
                    Instant next = at.plus(settings.backoffAfter(attempts));
                    Tally tally = deliverOnEveryNode(nodes);
                    assertThat(tally.sent).isZero();
                    assertThat(tally.failed).as("nothing parked FAILED in round %d", round).isZero();
                    await(Duration.ofSeconds(30), () -> count(database, "SELECT COUNT(*) FROM outbox_message "
                            + "WHERE status = 'QUEUED' AND attempts = " + attempts + " AND claimed_until IS NULL "
                            + "AND next_attempt_at = ? AND last_error LIKE '%421%'", next) == EXPECTED,
                            () -> "after round " + attempts + " at " + at + " every notice waits for " + next + ": "
                                    + states(database));
                    LOG.info("Round {} at +{}: {} claimed by the test's relay calls ({} on the first node), all {} "
                                    + "QUEUED with {} attempt(s), next at +{}", round, Duration.between(start, at),
                            tally.claimed, tally.claimedFirst, EXPECTED, attempts, Duration.between(start, next));
                    if (!next.isBefore(start.plus(OUTAGE))) {
                        waiting = next;
                        break;
                    }
                    now = next;
                    setClocks(nodes, now);
                }
                assertThat(round).as("retry rounds during the outage").isGreaterThanOrEqualTo(6);
                assertThat(proxy.refused()).as("one refused connection per batch tried, no more")
                        .isGreaterThanOrEqualTo(round * (EXPECTED / settings.batchSize()));
                assertThat(smtp.getReceivedMessages()).isEmpty();

                // The server takes mail again at +20 min. Nothing goes before each notice's next try (+25m30): the
                // back-off's price, at most the last wait. Then the scheduled relay (every second on each node)
                // delivers without help.
                setClocks(nodes, start.plus(OUTAGE));
                proxy.restore();
                Thread.sleep(2500);
                assertThat(smtp.getReceivedMessages()).as("nothing before its next try").isEmpty();
                assertThat(count(database, "SELECT COUNT(*) FROM outbox_message WHERE status = 'QUEUED' "
                        + "AND next_attempt_at = ?", waiting)).isEqualTo(EXPECTED);
                setClocks(nodes, waiting);
                Instant back = waiting;
                Instant deadline = Instant.now().plusSeconds(60);
                while (smtp.getReceivedMessages().length < EXPECTED && Instant.now().isBefore(deadline)) {
                    Thread.sleep(250);
                }
                await(Duration.ofSeconds(10), () -> count(database, "SELECT COUNT(*) FROM outbox_message "
                        + "WHERE status = 'SENT'") == EXPECTED, () -> states(database));
                Thread.sleep(1500);

                MimeMessage[] received = smtp.getReceivedMessages();
                Set<String> ids = new HashSet<>();
                for (MimeMessage m : received) {
                    ids.add(m.getMessageID());
                }
                LOG.info("After {} refused connections in {} rounds over {} of outage, the relay delivered {} messages "
                                + "({} distinct) at +{}", proxy.refused(), round, OUTAGE, received.length, ids.size(),
                        Duration.between(start, back));
                assertEquals(EXPECTED, ids.size(), "every notice arrived (none lost)");
                assertEquals(EXPECTED, received.length, "none arrived twice");
                int attemptsWhenSent = round + 1;
                assertThat(count(database, "SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT' AND attempts = "
                        + attemptsWhenSent + " AND sent_at = ?", back))
                        .as("each sent at its %dth attempt, when the clock reached it", attemptsWhenSent)
                        .isEqualTo(EXPECTED);
                assertThat(settings.givesUp(attemptsWhenSent, start, back)).as("far from given up").isFalse();
            }
        } finally {
            smtp.stop();
        }
    }

    private static void setClocks(List<ApplicationContext> nodes, Instant now) {
        for (ApplicationContext node : nodes) {
            ((SimClock) node.getBean(Clock.class)).set(now);
        }
    }

    /** What the relay calls of one round did, summed over the nodes. */
    private static final class Tally {
        int claimed;
        int claimedFirst;
        int sent;
        int failed;
    }

    /** Every node runs its relay at once, again and again, until it finds nothing due. */
    private static Tally deliverOnEveryNode(List<ApplicationContext> nodes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<MailRelay.Delivery>> runs = new ArrayList<>();
            for (ApplicationContext node : nodes) {
                MailRelay relay = node.getBean(MailRelay.class);
                runs.add(pool.submit(() -> {
                    int claimed = 0;
                    int sent = 0;
                    int failed = 0;
                    MailRelay.Delivery d;
                    do {
                        d = relay.deliverDue();
                        claimed += d.claimed();
                        sent += d.sent();
                        failed += d.failed();
                        assertThat(d.claimed() == 0 || d.unreachable()).as("refused: %s", d).isTrue();
                    } while (d.claimed() > 0);
                    return new MailRelay.Delivery(claimed, sent, 0, failed, false, Duration.ZERO);
                }));
            }
            Tally tally = new Tally();
            for (int i = 0; i < runs.size(); i++) {
                MailRelay.Delivery d = runs.get(i).get();
                tally.claimed += d.claimed();
                tally.sent += d.sent();
                tally.failed += d.failed();
                if (i == 0) {
                    tally.claimedFirst = d.claimed();
                }
            }
            return tally;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(Duration timeout, SqlCondition condition, java.util.function.Supplier<String> what)
            throws Exception {
        Instant end = Instant.now().plus(timeout);
        while (!condition.holds()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("Not within " + timeout + ": " + what.get());
            }
            Thread.sleep(100);
        }
    }

    @FunctionalInterface
    private interface SqlCondition {
        boolean holds() throws SQLException;
    }

    private static String states(String database) {
        try (Connection c = DriverManager.getConnection(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT status, attempts, next_attempt_at, claimed_until IS NULL, COUNT(*) "
                     + "FROM outbox_message GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3")) {
            StringBuilder b = new StringBuilder();
            while (rs.next()) {
                b.append(rs.getString(1)).append(" attempts=").append(rs.getInt(2)).append(" next=")
                        .append(rs.getString(3)).append(" unclaimed=").append(rs.getBoolean(4)).append(": ")
                        .append(rs.getLong(5)).append("; ");
            }
            return b.toString();
        } catch (SQLException e) {
            return e.toString();
        }
    }

    private static long count(String database, String sql, Instant... times) throws SQLException {
        try (Connection c = DriverManager.getConnection(database); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < times.length; i++) {
                s.setObject(i + 1, OffsetDateTime.ofInstant(times[i], ZoneOffset.UTC));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The notify request writes a thousand or more notices in one transaction: on a loaded machine it may take over 10 s. */
    private static HttpClientConfiguration patient() {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setReadTimeout(Duration.ofSeconds(60));
        return configuration;
    }
}
