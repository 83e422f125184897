package org.compact.tracker.mail;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
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
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The mail server down for a long weekend, from Friday evening to Monday afternoon (three days less half an hour),
 * walked on the sim clock ten minutes at a time with the relay's production settings, through a proxy that answers
 * every connection "421 Service not available" (GreenMail behind it). While it is down, the consultation page and
 * the notice watch say how many notices wait for the mail server and since when, and the admin's alert is queued
 * once; when it is back, every notice arrives exactly once (none parked FAILED, as they were after ~6 hours when the
 * relay gave up after 12 attempts), and so does the one alert.
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeekendOutageIT implements TestPropertyProvider {
    private static final int EXTRA_ORGANISATIONS = 10;

    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    private static final TcpProxy PROXY = proxy();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    RelaySettings settings;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(smtp.serviceProperties("tracker.mail.from",
                "consultations@salford.example", "tracker.jobs.enabled", "false",
                "tracker.mail.smtp.connect-timeout", "2s"));
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
    void noticesQueuedAsTheMailServerGoesDownForTheWeekendAllArriveOnceOnMondayAndTheAdminIsAlertedOnce()
            throws Exception {
        assertThat(settings).as("the production settings").isEqualTo(RelaySettings.DEFAULTS);
        World world = World.create(client);
        for (int i = 0; i < EXTRA_ORGANISATIONS; i++) {
            Api.Reply r = world.officer.post("/api/organisations", Map.of("name", "Ordsall Street " + i,
                    "kind", "COMMUNITY_GROUP", "emails", List.of("street" + i + "@ordsall.example",
                            "secretary" + i + "@ordsall.example"), "areas", List.of("Ordsall"),
                    "interests", List.of("housing"), "communities", List.of("OLDER_PEOPLE")));
            assertEquals(201, r.status(), r::toString);
        }
        // Friday 5 March 2027, 17:00: the officer sends notice as the mail server goes down for the weekend.
        Instant friday = ZonedDateTime.of(2027, 3, 5, 17, 0, 0, 0, World.LONDON).toInstant();
        world.moveForwardTo(friday);
        long id = world.register(world.consultation(LocalDate.of(2027, 5, 3)));
        PROXY.refuse();
        Api.Reply notified = world.officer.post("/api/consultations/" + id + "/notify");
        assertEquals(200, notified.status(), notified::toString);
        long notices = ((Number) world.officer.get("/api/consultations/" + id + "/deliveries").at("counts.TOTAL"))
                .longValue();
        assertThat(notices).isGreaterThanOrEqualTo(2L * EXTRA_ORGANISATIONS);

        Instant monday = friday.plus(Duration.ofHours(72)).minus(Duration.ofMinutes(30));
        Instant now = friday;
        List<String> watchSaid = new ArrayList<>();
        boolean pageSaid = false;
        while (now.isBefore(monday)) {
            now = now.plus(Duration.ofMinutes(10));
            Api.Reply moved = world.admin.put("/api/sim/clock", Map.of("now", now.toString()));
            assertEquals(200, moved.status(), moved::toString);
            @SuppressWarnings("unchecked")
            List<String> ran = (List<String>) moved.at("ran");
            ran.stream().filter(r -> r.startsWith("notice watch")).forEach(watchSaid::add);
            if (!pageSaid && now.isAfter(friday.plus(Duration.ofHours(20)))) {
                // Saturday afternoon (the relay used to give up after ~6 hours): the officer looks at the consultation.
                assertThat(counts(world, id)).as("nothing given up on Saturday").containsEntry("FAILED", 0L);
                Api.Reply page = world.officer.get("/consultations/" + id);
                assertEquals(200, page.status());
                assertThat(page.body()).contains("id=\"mail-server-waiting\"",
                        notices + " notices are waiting for the mail server: it has not taken them since 5 March 2027, 17:");
                pageSaid = true;
            }
        }
        assertThat(pageSaid).isTrue();
        assertThat(PROXY.refused()).as("tried all weekend, every ten minutes at most").isGreaterThan(400);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(watchSaid).as("the notice watch says what waits, and since when").last().asString()
                .contains(notices + " notices of 1 consultation waiting for the mail server since 5 March 2027, 17:");
        Map<String, Long> counts = counts(world, id);
        assertThat(counts).as("nothing given up over the weekend").containsEntry("FAILED", 0L)
                .containsEntry("QUEUED", notices);

        // Monday 16:30: the server takes mail again; within ten minutes every notice is in, and the alert.
        PROXY.restore();
        world.admin.put("/api/sim/clock", Map.of("now", now.plus(Duration.ofMinutes(10)).toString()));
        world.admin.put("/api/sim/clock", Map.of("now", now.plus(Duration.ofMinutes(11)).toString()));

        MimeMessage[] received = smtp.getReceivedMessages();
        List<MimeMessage> noticeMail = Arrays.stream(received)
                .filter(m -> subject(m).startsWith("Consultation notice")).toList();
        List<MimeMessage> alerts = Arrays.stream(received).filter(m -> subject(m).startsWith("Mail is failing")).toList();
        Set<String> ids = new HashSet<>();
        for (MimeMessage m : received) {
            ids.add(m.getMessageID());
        }
        assertThat(ids).as("no Message-ID twice").hasSize(received.length);
        assertThat(noticeMail).as("every notice, once").hasSize((int) notices);
        assertThat(alerts).as("one alert for the whole weekend").hasSize(1);
        assertThat(alerts.get(0).getAllRecipients()[0].toString()).isEqualTo("admin@example.invalid");
        assertThat(received).hasSize((int) notices + 1);
        counts = counts(world, id);
        assertThat(counts).containsEntry("SENT", notices).containsEntry("FAILED", 0L);
        assertThat(world.officer.get("/consultations/" + id).body()).doesNotContain("waiting for the mail server");

        // Mail worked again; the next outage is alerted again, once, after an hour.
        PROXY.refuse();
        long second = world.register(world.consultation(LocalDate.of(2027, 6, 7)));
        assertEquals(200, world.officer.post("/api/consultations/" + second + "/notify").status());
        for (int step = 1; step <= 12; step++) {
            world.admin.put("/api/sim/clock", Map.of("now", now.plus(Duration.ofMinutes(11 + 10L * step)).toString()));
        }
        PROXY.restore();
        world.admin.put("/api/sim/clock", Map.of("now", now.plus(Duration.ofMinutes(11 + 130)).toString()));
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).startsWith("Mail is failing")))
                .as("a second outage, a second alert").hasSize(2);
    }

    /** The consultation's mail counts (QUEUED, SENT, FAILED, …) as the API gives them. */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> counts(World world, long id) {
        Map<String, Long> counts = new HashMap<>();
        ((Map<String, Object>) world.officer.get("/api/consultations/" + id + "/deliveries").at("counts"))
                .forEach((k, v) -> counts.put(k, ((Number) v).longValue()));
        return counts;
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
