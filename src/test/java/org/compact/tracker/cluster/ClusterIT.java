package org.compact.tracker.cluster;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.mail.internet.MimeMessage;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.PostgresDatabases;
import org.compact.tracker.support.World;
import org.compact.tracker.support.TestSmtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two service nodes on one PostgreSQL database, Quartz clustered: a fan-out of 2,000 notices split between their
 * relays arrives with none lost and none doubled (counted at the SMTP server by Message-ID), and each scheduled
 * firing runs on one node only. Runs in the PostgreSQL execution of the suite: a cluster needs a shared server.
 */
class ClusterIT {
    private static final int ORGANISATIONS = 500;
    private static final int CONTACTS_EACH = 4;

    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    @Test
    void twoNodesDeliverAFanOutOfTwoThousandOnceEachAndFireEachTriggerOnce() throws Exception {
        assumeTrue("true".equals(System.getProperty("tracker.test.postgres")), "clustering is tested on PostgreSQL");
        Map<String, Object> props = PostgresDatabases.sharedDatabaseProperties(PostgresDatabases.newDatabase());
        props.put("tracker.cluster.enabled", "true");
        props.put("tracker.jobs.scheduler-name", "cluster-it");
        props.put("tracker.jobs.lifecycle.cron", "0/2 * * * * ?");
        props.put("tracker.jobs.mail-relay.every-seconds", "1");
        props.put("tracker.mail.relay.batch-size", "50");
        props.putAll(smtp.serviceProperties());
        props.put("tracker.jwt.secret", "a-secret-shared-by-every-node-of-the-cluster-0123456789");
        props.put("micronaut.server.port", -1);
        // The notify request writes 2,000 notices in one transaction: on a loaded machine it took over 10 s.
        props.put("micronaut.http.client.read-timeout", "60s");

        try (ApplicationContext first = ApplicationContext.run(EmbeddedServer.class, props, "test").getApplicationContext();
             ApplicationContext second = ApplicationContext.run(EmbeddedServer.class, props, "test").getApplicationContext()) {
            HttpClient viaFirst = first.createBean(HttpClient.class, first.getBean(EmbeddedServer.class).getURL());
            World world = World.create(viaFirst);
            HttpClient viaSecond = second.createBean(HttpClient.class, second.getBean(EmbeddedServer.class).getURL());
            Api officerOnSecond = Api.login(viaSecond, world.officerName, "officer-password-" + world.officerName.replace("olivia", ""));
            Api.Reply firstNodesTokenOnSecond = world.officer.via(viaSecond).get("/api/consultations");
            assertEquals(200, firstNodesTokenOnSecond.status(), "a token from one node is accepted by the other: "
                    + firstNodesTokenOnSecond);
            ClusterDirectory.createOrganisations(world.officer, officerOnSecond, ORGANISATIONS, CONTACTS_EACH, "Clusterton");
            Map<String, Object> body = world.consultation(LocalDate.now().plusMonths(2));
            body.put("targets", Map.of("areas", List.of("Clusterton")));
            long id = world.register(body);
            Api.Reply notified = world.officer.post("/api/consultations/" + id + "/notify");
            assertEquals(200, notified.status(), notified::toString);

            int expected = ORGANISATIONS * CONTACTS_EACH;
            Instant end = Instant.now().plus(Duration.ofMinutes(3));
            while (smtp.getReceivedMessages().length < expected && Instant.now().isBefore(end)) {
                Thread.sleep(250);
            }
            Thread.sleep(2000);
            MimeMessage[] received = smtp.getReceivedMessages();
            Set<String> ids = new HashSet<>();
            for (MimeMessage m : received) {
                ids.add(m.getMessageID());
            }
            assertEquals(expected, ids.size(), "every contact got its notice (none lost)");
            assertEquals(expected, received.length, "no notice was sent twice");

            DataSource ds = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
                    .unwrapDataSource(first.getBean(DataSource.class));
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(DISTINCT node) FROM job_run WHERE work = 'lifecycle'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("the lifecycle job ran on the cluster").isGreaterThanOrEqualTo(1);
                }
                try (ResultSet rs = s.executeQuery("SELECT fire_time, COUNT(*) FROM job_run WHERE work = 'lifecycle' "
                        + "GROUP BY fire_time HAVING COUNT(*) > 1")) {
                    assertThat(rs.next()).as("a firing that ran on two nodes").isFalse();
                }
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM job_run WHERE work = 'lifecycle'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isGreaterThan(3);
                }
            }
        }
    }

}
