package org.compact.tracker.notice;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.RegisterStamp;
import org.compact.tracker.support.TcpProxy;
import org.compact.tracker.support.TestSmtp;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the service keeps (a consultation's checks, the public programme) follows each organisation's receipt of a
 * notice, with nothing else changing on the same day: the mail server, down when notice was sent (a proxy answering
 * "421", GreenMail behind it), takes the notices, and the very next reads count from the receipt.
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReceiptKeptAnswersIT implements TestPropertyProvider {
    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    private static final TcpProxy PROXY = proxy();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    RegisterStamp stamp;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(smtp.serviceProperties("tracker.mail.from",
                "consultations@salford.example", "tracker.jobs.enabled", "false",
                "tracker.mail.smtp.connect-timeout", "2s"));
        props.put("tracker.mail.smtp.port", String.valueOf(PROXY.port()));
        // Mail not taken for two hours is given up (72 hours by default), so a give-up falls within one day here.
        props.put("tracker.mail.relay.give-up-after", "2h");
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
    @Order(1)
    void theChecklistAndTheProgrammeShowTheReceiptAsSoonAsTheMailServerTakesTheNotice() throws IOException {
        World world = World.create(client);
        at(world, 2027, 3, 1, 10, 0);
        long id = world.register(world.consultation(LocalDate.of(2027, 5, 3)));
        PROXY.refuse();
        assertEquals(200, world.officer.post("/api/consultations/" + id + "/notify").status());
        at(world, 2027, 3, 1, 10, 5);

        // Read while the server is down: not received yet, and the programme says the notice is being delivered.
        Map<String, Object> waiting = notice(world.officer.get("/api/consultations/" + id));
        assertEquals("WARN", waiting.get("verdict"));
        assertThat((String) waiting.get("reason")).contains("still waiting for the mail server");
        Map<String, Object> delivering = programmeEntry(id);
        assertEquals(Boolean.TRUE, delivering.get("noticeBeingDelivered"));
        assertThat(programmeRow(id)).contains("Notice being delivered (sent on <time datetime=\"2027-03-01\">");

        // The same day, the server is back and takes the notices: nothing else changes, yet the next reads count
        // from the receipt.
        PROXY.restore();
        at(world, 2027, 3, 1, 10, 30);
        assertThat(smtp.getReceivedMessages()).isNotEmpty();
        Map<String, Object> received = notice(world.officer.get("/api/consultations/" + id));
        assertEquals("PASS", received.get("verdict"), received::toString);
        Map<String, Object> given = programmeEntry(id);
        assertEquals("2027-03-01", given.get("noticeReceivedOn"));
        assertEquals(Boolean.FALSE, given.get("noticeBeingDelivered"));
        assertThat(programmeRow(id)).contains("<time datetime=\"2027-03-01\">")
                .doesNotContain("Notice being delivered");

        // A notice sent again to an organisation that already received one changes no receipt: its delivery moves
        // nothing the service keeps.
        long ordsall = world.organisationIds.get(0);
        Api.Reply resent = world.officer.post("/api/consultations/" + id + "/notify/resend",
                Map.of("organisationIds", List.of(ordsall)));
        assertEquals(200, resent.status(), resent::toString);
        long before = stamp.current();
        int mails = smtp.getReceivedMessages().length;
        at(world, 2027, 3, 1, 10, 40);
        assertThat(smtp.getReceivedMessages().length).as("the resent notice was delivered").isGreaterThan(mails);
        assertEquals(before, stamp.current(), "a later notice of an organisation that received one moves nothing");
    }

    @Test
    @Order(2) // the sim clock only moves forward: this one runs in June 2027, after the first's March
    void aNoticeGivenUpShowsOnTheChecklistAtOnceWithoutAnyOtherChange() throws IOException {
        World world = World.create(client);
        at(world, 2027, 6, 1, 10, 0);
        long id = world.register(world.consultation(LocalDate.of(2027, 8, 2)));
        PROXY.refuse();
        try {
            assertEquals(200, world.officer.post("/api/consultations/" + id + "/notify").status());
            at(world, 2027, 6, 1, 11, 0);
            assertEquals("WARN", notice(world.officer.get("/api/consultations/" + id)).get("verdict"),
                    "still waiting for the mail server");

            // The same day, the relay's window (two hours in this test) ends and the notices are given up: the next
            // read of the same consultation, with nothing else changed, says so.
            at(world, 2027, 6, 1, 13, 30);
            at(world, 2027, 6, 1, 14, 0);
            Map<String, Object> givenUp = notice(world.officer.get("/api/consultations/" + id));
            assertEquals("FAIL", givenUp.get("verdict"), givenUp::toString);
            assertThat((String) givenUp.get("reason")).contains("given up");
        } finally {
            PROXY.restore();
        }
    }

    private static void at(World world, int year, int month, int day, int hour, int minute) {
        world.moveForwardTo(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, World.LONDON).toInstant());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> notice(Api.Reply consultation) {
        return ((List<Map<String, Object>>) consultation.at("checks")).stream()
                .filter(c -> "NOTICE".equals(c.get("ruleId"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> programmeEntry(long id) {
        Api.Reply reply = Api.anonymous(client).get("/api/programme");
        assertEquals(200, reply.status(), reply::toString);
        return ((List<Map<String, Object>>) reply.at("consultations")).stream()
                .filter(e -> ((Number) e.get("id")).longValue() == id).findFirst().orElseThrow();
    }

    private String programmeRow(long id) {
        Api.Reply reply = Api.anonymous(client).get("/programme");
        assertEquals(200, reply.status(), reply::toString);
        String page = reply.body();
        int start = page.indexOf("<tr id=\"c" + id + "\">");
        assertThat(start).as("the consultation's row").isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
