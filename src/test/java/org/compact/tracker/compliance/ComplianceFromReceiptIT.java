package org.compact.tracker.compliance;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.compact.tracker.rules.RuleSettings;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.Jsons;
import org.compact.tracker.support.TcpProxy;
import org.compact.tracker.support.TestSmtp;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The compliance report after issue 18, on a council that added its own socially excluded group to the setting
 * ({@code tracker.rules.excluded-groups}: the default list and ARMED_FORCES_VETERANS) and with a mail server that
 * was down from 1 to 5 January 2036 (a proxy refusing every connection, GreenMail behind it).
 *
 * <pre>
 * A (agency 1) opens 2036-02-01, notified 2036-01-01 with a NOTICE exemption; the notices of its two organisations
 *              are accepted on 2036-01-05, so each one's month runs to 2036-02-05: it opened short of notice,
 *              although notifiedOn + P1M is the very day it opened. Audiences: "armed forces veterans", OLDER_PEOPLE.
 * </pre>
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceFromReceiptIT implements TestPropertyProvider {
    private static final String OWN_GROUP = "ARMED_FORCES_VETERANS";
    private static final String PERIOD = "from=2036-01-01&to=2036-12-31";

    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    private static final TcpProxy PROXY = proxy();

    @Inject
    @Client("/")
    HttpClient client;

    World world;
    long late;
    String scope;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(smtp.serviceProperties("tracker.mail.from",
                "consultations@salford.example", "tracker.jobs.enabled", "false",
                "tracker.mail.smtp.connect-timeout", "2s"));
        props.put("tracker.mail.smtp.port", String.valueOf(PROXY.port()));
        List<String> groups = new ArrayList<>(RuleSettings.DEFAULT_EXCLUDED_GROUPS);
        groups.add("Armed forces veterans");
        props.put("tracker.rules.excluded-groups", String.join(",", groups));
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

    @BeforeAll
    void aNoticeHeldUpByTheMailServer() throws IOException {
        world = World.create(client);
        scope = PERIOD + "&agency=" + world.agencyId;
        world.moveTo(LocalDate.of(2036, 1, 1));
        Map<String, Object> body = world.consultation(LocalDate.of(2036, 2, 1));
        body.put("audiences", List.of("armed forces veterans", "OLDER_PEOPLE"));
        late = world.register(body);
        Api.Reply exemption = world.officer.post("/api/consultations/" + late + "/exemptions", Map.of("ruleId", "NOTICE",
                "reason", "The veterans' breakfast club asked for the earlier date; agreed with the forum."));
        assertEquals(201, exemption.status(), exemption::toString);

        PROXY.refuse();
        Api.Reply notified = world.officer.post("/api/consultations/" + late + "/notify");
        assertEquals(200, notified.status(), notified::toString);
        world.moveForwardTo(LocalDate.of(2036, 1, 1).atTime(9, 10).atZone(World.LONDON).toInstant());
        assertThat(smtp.getReceivedMessages()).as("the mail server is down").isEmpty();

        PROXY.restore();
        world.moveForwardTo(LocalDate.of(2036, 1, 5));
        assertThat(smtp.getReceivedMessages()).as("the notices are taken on 5 January").isNotEmpty();
        world.moveForwardTo(LocalDate.of(2036, 2, 1));
        world.moveForwardTo(LocalDate.of(2036, 2, 10));
        assertEquals("OPEN", world.officer.get("/api/consultations/" + late).at("status"));
    }

    @Test
    void aConsultationOpenedAMonthAfterNoticeWasSentButBeforeAMonthFromItsReceiptOpenedShortOfNotice() {
        Map<String, Object> r = world.monitor.get("/api/compliance?" + scope).json();
        assertEquals(1, value(r, "NOTICE", "consultationsOpened"));
        assertEquals(1, value(r, "NOTICE", "openedWithoutFullNotice"), "counted from receipt, not from notifiedOn");
        assertEquals(1, value(r, "NOTICE", "openedWithoutFullNoticeExempted"));
        assertEquals(2, value(r, "NOTICE", "organisationsReached"));
        assertEquals(0, value(r, "NOTICE", "withFullNotice"), "27 days from 5 January to 1 February");
        assertEquals(27, value(r, "NOTICE", "worstLeadDays"));

        List<Map<String, Object>> rows = (List<Map<String, Object>>) Jsons.at(r,
                "sections.NOTICE.lists.openedWithoutFullNotice.rows");
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertEquals(late, ((Number) row.get("consultationId")).longValue());
        assertEquals("2036-01-01", row.get("notifiedOn"));
        assertEquals("2036-02-01", row.get("openedOn"));
        assertEquals("2036-01-05", row.get("lastReceivedOn"));
        assertEquals("2036-02-05", row.get("fullNoticeFrom"));
        assertEquals(2, ((Number) row.get("organisationsShort")).intValue());
        assertEquals("yes", row.get("exempted"));

        Api.Reply drill = world.monitor.get("/api/compliance/consultations?section=NOTICE&figure=openedWithoutFullNotice&"
                + scope);
        assertEquals(200, drill.status(), drill::toString);
        assertEquals(1, ((Number) drill.at("total")).intValue());
        assertEquals(late, ((Number) ((List<Map<String, Object>>) drill.at("rows")).get(0).get("consultationId")).longValue());
    }

    @Test
    void aCouncilsOwnExcludedGroupIsCountedDrilledDownAndDrawnAfterTheDefaultOnes() {
        Map<String, Object> r = world.monitor.get("/api/compliance?" + scope).json();
        assertEquals(1, value(r, "INCLUSION", OWN_GROUP));
        assertEquals(1, value(r, "INCLUSION", "OLDER_PEOPLE"));
        assertEquals(0, value(r, "INCLUSION", "GYPSIES_AND_TRAVELLERS"));
        assertEquals(2, value(r, "INCLUSION", "groupsNamed"));
        assertEquals(1, value(r, "INCLUSION", "namingAnyGroup"));
        List<String> expected = new ArrayList<>(RuleSettings.DEFAULT_EXCLUDED_GROUPS);
        expected.add(OWN_GROUP);
        assertThat(((Map<String, Object>) Jsons.at(r, "sections.INCLUSION.figures")).keySet())
                .as("every group of the setting, in its order").containsSubsequence(expected);

        Api.Reply drill = world.monitor.get("/api/compliance/consultations?section=INCLUSION&figure=" + OWN_GROUP
                + "&" + scope);
        assertEquals(200, drill.status(), drill::toString);
        assertEquals(1, ((Number) drill.at("total")).intValue());
        assertEquals(Boolean.TRUE, drill.at("countsSame"));

        Api.Reply unknown = world.monitor.get("/api/compliance/consultations?section=INCLUSION&figure=NOT_A_GROUP&" + scope);
        assertEquals(422, unknown.status(), unknown::toString);
        assertThat(unknown.body()).contains("figure");

        Api.Reply page = world.monitor.get("/compliance?" + scope);
        assertEquals(200, page.status(), page::toString);
        assertThat(page.body()).contains("figure=" + OWN_GROUP).contains("Armed forces veterans 1")
                .as("the group in words, not its code").doesNotContain(">" + OWN_GROUP + "<");
    }

    private static int value(Map<String, Object> report, String section, String figure) {
        Object v = Jsons.at(report, "sections." + section + ".figures." + figure + ".value");
        assertThat(v).as(section + "." + figure).isNotNull();
        return ((Number) v).intValue();
    }
}
