package org.compact.tracker.mail;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.TcpProxy;
import org.compact.tracker.support.TestSmtp;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With an alert route set (tracker.mail.alert.smtp.*), the one alert that mail is failing goes out through it as soon
 * as mail has failed for an hour, while the mail server is still down, and is not sent a second time when the server
 * comes back; the notices still wait for the mail server and arrive once.
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailAlertRouteIT implements TestPropertyProvider {
    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    @RegisterExtension
    static TestSmtp alertSmtp = TestSmtp.onFreePort();

    private static final TcpProxy PROXY = proxy();

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(smtp.serviceProperties("tracker.mail.from",
                "consultations@salford.example", "tracker.jobs.enabled", "false",
                "tracker.mail.smtp.connect-timeout", "2s", "tracker.mail.alert.to", "it-team@salford.example",
                "tracker.mail.alert.smtp.host", "127.0.0.1",
                "tracker.mail.alert.smtp.port", String.valueOf(alertSmtp.port())));
        props.put("tracker.mail.smtp.port", String.valueOf(PROXY.port()));
        return props;
    }

    private static TcpProxy proxy() {
        try {
            return new TcpProxy(smtp.port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void closeProxy() throws IOException {
        PROXY.close();
    }

    @Test
    void theAlertGoesThroughTheAlertRouteWhileTheMailServerIsDownAndOnlyThere() throws Exception {
        World world = World.create(client);
        long id = world.register(world.consultation(LocalDate.now().plusMonths(3)));
        PROXY.refuse();
        assertEquals(200, world.officer.post("/api/consultations/" + id + "/notify").status());

        Instant now = Instant.parse((String) world.admin.get("/api/sim/clock").at("now"));
        for (int step = 1; step <= 8; step++) {
            now = now.plus(Duration.ofMinutes(10));
            assertEquals(200, world.admin.put("/api/sim/clock", Map.of("now", now.toString())).status());
        }
        List<MimeMessage> alerts = alerts(alertSmtp);
        assertThat(alerts).as("the alert, while the mail server is still down").hasSize(1);
        assertThat(alerts.get(0).getAllRecipients()[0].toString()).isEqualTo("it-team@salford.example");
        assertThat(smtp.getReceivedMessages()).isEmpty();

        PROXY.restore();
        now = now.plus(Duration.ofMinutes(11));
        world.admin.put("/api/sim/clock", Map.of("now", now.toString()));
        world.admin.put("/api/sim/clock", Map.of("now", now.plus(Duration.ofMinutes(1)).toString()));
        assertThat(smtp.getReceivedMessages()).as("the notices, once the server is back").isNotEmpty()
                .allSatisfy(m -> assertThat(subject(m)).startsWith("Consultation notice"));
        assertThat(alerts(smtp)).as("not the alert a second time").isEmpty();
        assertThat(alerts(alertSmtp)).hasSize(1);
    }

    private static List<MimeMessage> alerts(TestSmtp server) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> subject(m).startsWith("Mail is failing")).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
