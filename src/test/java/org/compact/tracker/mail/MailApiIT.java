package org.compact.tracker.mail;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.World;
import org.compact.tracker.support.TestSmtp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator puts mail the relay gave up on back in the queue through the API (after an outage longer than the
 * retries): it is sent at once, with its Message-ID unchanged; only an admin may do it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailApiIT implements TestPropertyProvider {
    /** The relay is woken at most once a second (MailWake): the queueing just before must not use up the wake. */
    private static final long WAKE_GAP_MILLIS = 1_100;

    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Outbox outbox;

    @Inject
    DataSource dataSource;

    World world;

    @Override
    public Map<String, String> getProperties() {
        // The relay's own tick is an hour away: only the wake after the requeue can send within the test.
        return smtp.serviceProperties("tracker.jobs.mail-relay.every-seconds", "3600");
    }

    @BeforeAll
    void setUp() {
        world = World.create(client);
    }

    @Test
    void anAdminPutsGivenUpMailBackAndItIsSentOnceWithItsMessageId() throws Exception {
        String first = given("first");
        String second = given("second");
        Map<String, Object> before = world.monitor.get("/api/mail").json();
        assertThat(((Number) before.get("failed")).longValue()).isGreaterThanOrEqualTo(2);

        assertEquals(403, world.officer.post("/api/mail/requeue").status(), "an officer may not");
        assertEquals(403, world.monitor.post("/api/mail/requeue").status(), "a monitor may only look");
        Api.Reply unknown = world.admin.post("/api/mail/requeue?messageId=" + "nobody-" + UUID.randomUUID() + "@x");
        assertEquals(404, unknown.status(), unknown::toString);
        assertThat(status(first)).isEqualTo(MailStatus.FAILED);

        Thread.sleep(WAKE_GAP_MILLIS);
        Api.Reply one = world.admin.post("/api/mail/requeue?messageId=" + first);
        assertEquals(200, one.status(), one::toString);
        assertEquals(1, ((Number) one.at("requeued")).intValue());
        assertTrue(smtp.waitForIncomingEmail(10_000, 1), "the requeued message went out at once");
        assertThat(messageIds()).containsExactly("<" + first + ">");
        assertThat(status(second)).as("the other stays given up").isEqualTo(MailStatus.FAILED);

        Thread.sleep(WAKE_GAP_MILLIS);
        Api.Reply rest = world.admin.post("/api/mail/requeue");
        assertEquals(200, rest.status(), rest::toString);
        assertThat(((Number) rest.at("requeued")).intValue()).isGreaterThanOrEqualTo(1);
        assertTrue(smtp.waitForIncomingEmail(10_000, 2), "the rest went out");
        assertThat(messageIds()).containsExactlyInAnyOrder("<" + first + ">", "<" + second + ">");
        assertThat(status(first)).isEqualTo(MailStatus.SENT);
        assertEquals(0, ((Number) world.monitor.get("/api/mail").at("failed")).intValue());
    }

    /**
     * A message the relay gave up on (as after twelve refused attempts), written straight into the outbox: queued the
     * usual way, the relay woken by its commit could send it before the test marked it given up.
     */
    private String given(String name) throws Exception {
        String id = name + "-" + UUID.randomUUID() + "@tracker.example";
        try (Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource)
                .getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO outbox_message (message_id, category, recipient, subject, text_body, attachments, headers,
                         reference, status, attempts, next_attempt_at, created_at, last_error)
                     VALUES (?, 'ALERT', ?, ?, ?, ?, ?, 'test:requeue', 'FAILED', 12, ?, ?, '550 refused')""")) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            insert.setString(1, id);
            insert.setString(2, name + "@example.org");
            insert.setString(3, "Requeue " + name);
            insert.setString(4, "Text " + name);
            insert.setString(5, MailCodec.writeAttachments(List.of()));
            insert.setString(6, MailCodec.writeHeaders(Map.of()));
            insert.setObject(7, now);
            insert.setObject(8, now);
            assertEquals(1, insert.executeUpdate());
        }
        return id;
    }

    private MailStatus status(String messageId) {
        return outbox.states(List.of(messageId)).get(messageId).status();
    }

    private List<String> messageIds() throws Exception {
        return Arrays.stream(smtp.getReceivedMessages()).map(MailApiIT::messageId).toList();
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
