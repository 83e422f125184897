package org.compact.tracker.consultation;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.MailParts;
import org.compact.tracker.support.TestSmtp;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Translated summaries (issue 19, item 4): an officer saves, reads and removes a consultation's translation by BCP 47
 * tag; it is listed on the consultation; an organisation that needs the language gets it at the top of its notice
 * (right to left in HTML for Urdu), the others do not; and it meets that language need under METHODS.
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranslationsIT implements TestPropertyProvider {
    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    private static final Map<String, Object> URDU = Map.of(
            "title", "اورڈسال میں نئے گھر",
            "summary", "ہم پرانے ڈپو کی جگہ پر نئے گھر بنانے کا ارادہ رکھتے ہیں۔ ہمیں بتائیں کہ انہیں کہاں ہونا چاہیے۔",
            "openToChange", "گھر کہاں بنیں گے",
            "fixed", "گھروں کی تعداد");
    private static final Map<String, Object> POLISH = Map.of(
            "title", "Nowe domy w Ordsall",
            "summary", "Planujemy nowe domy na terenie starej zajezdni. Powiedz nam, gdzie powinny stanąć & dlaczego <tu>.");

    @Inject
    @Client("/")
    HttpClient client;

    World world;

    @Override
    public Map<String, String> getProperties() {
        return smtp.serviceProperties("tracker.mail.from", "consultations@salford.example");
    }

    @BeforeAll
    void setUp() {
        world = World.create(client);
        world.moveForwardTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void anOfficerSavesReplacesListsAndRemovesATranslationWithAHistoryLineEach() {
        long id = world.register(world.consultation(world.today().plusMonths(2)));
        String path = "/api/consultations/" + id + "/translations/";

        Api.Reply added = world.officer.put(path + "PL", POLISH);
        assertEquals(201, added.status(), added::toString);
        assertEquals("pl", added.at("language"), "the tag is kept in its canonical case");
        Api.Reply replaced = world.officer.put(path + "pl", Map.of("title", "Nowe domy w Ordsall (zmiana)",
                "summary", POLISH.get("summary")));
        assertEquals(200, replaced.status(), replaced::toString);

        assertEquals("Nowe domy w Ordsall (zmiana)", world.monitor.get(path + "pl").at("title"));
        List<Map<String, Object>> listed = (List<Map<String, Object>>) world.otherOfficer.get("/api/consultations/" + id)
                .at("translations");
        assertThat(listed).singleElement().satisfies(t -> {
            assertEquals("pl", t.get("language"));
            assertEquals(POLISH.get("summary"), t.get("summary"));
            assertThat(t.get("openToChange")).as("the replacement left it out").isNull();
        });

        assertEquals(204, world.officer.send(HttpRequest.DELETE(path + "pl")).status());
        Api.Reply gone = world.officer.get(path + "pl");
        assertEquals(404, gone.status());
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat((List<?>) world.officer.get("/api/consultations/" + id).at("translations")).isEmpty();
        assertThat(world.officer.get("/api/consultations/" + id + "/history").list())
                .extracting(h -> h.get("kind"))
                .containsSubsequence("TRANSLATION_SAVED", "TRANSLATION_SAVED", "TRANSLATION_REMOVED");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndNothingIsSaved() {
        long id = world.register(world.consultation(world.today().plusMonths(2)));
        String path = "/api/consultations/" + id + "/translations/";

        Api.Reply badTag = world.officer.put(path + "not_a_tag", POLISH);
        assertEquals(422, badTag.status(), badTag::toString);
        assertThat(badTag.contentType()).startsWith("application/problem+json");
        assertThat(badTag.body()).contains("\"field\":\"language\"").contains("BCP 47");

        Api.Reply noTitle = world.officer.put(path + "pl", Map.of("summary", "Tylko streszczenie."));
        assertEquals(422, noTitle.status(), noTitle::toString);
        assertThat(noTitle.body()).contains("\"field\":\"title\"");

        Api.Reply twoLines = world.officer.put(path + "pl", Map.of("title", "Dwie\nlinie", "summary", "Streszczenie."));
        assertEquals(422, twoLines.status(), twoLines::toString);
        assertThat(twoLines.body()).contains("\"field\":\"title\"");

        assertEquals(403, world.otherOfficer.put(path + "pl", POLISH).status(), "another agency's officer");
        assertEquals(403, world.monitor.put(path + "pl", POLISH).status(), "a monitor changes nothing");
        assertEquals(404, world.officer.put("/api/consultations/999999/translations/pl", POLISH).status());
        assertEquals(401, Api.anonymous(client).get(path + "pl").status());

        assertThat((List<?>) world.officer.get("/api/consultations/" + id).at("translations")).isEmpty();
        assertThat(world.officer.get("/api/consultations/" + id + "/history").list())
                .extracting(h -> h.get("kind")).doesNotContain("TRANSLATION_SAVED");
    }

    @Test
    void anUrduTranslationReachesTheOrganisationThatNeedsItAtTheTopRightToLeftAndNoOneElse() throws Exception {
        organisation("Eccles Urdu Women's Group", "women@eccles.example", "Eccles", List.of("Urdu"));
        organisation("Eccles Bowls", "bowls@eccles.example", "Eccles", List.of());
        Map<String, Object> body = world.consultation(world.today().plusMonths(2));
        body.put("targets", Map.of("areas", List.of("Eccles")));
        long id = world.register(body);
        assertEquals(201, world.officer.put("/api/consultations/" + id + "/translations/ur", URDU).status());
        assertEquals(201, world.officer.put("/api/consultations/" + id + "/translations/pl", POLISH).status());

        assertEquals(200, world.notify(id).status());

        MimeMessage urdu = only(received("Consultation notice", "women@eccles.example"));
        String text = MailParts.part(urdu, "text/plain");
        assertThat(text).startsWith("Urdu / اردو").contains(URDU.get("summary").toString(), URDU.get("fixed").toString());
        assertThat(text.indexOf(URDU.get("title").toString())).isLessThan(text.indexOf("Dear "));
        assertThat(text.indexOf("Dear ")).isLessThan(text.indexOf("New homes in Ordsall"));
        assertThat(text).as("Polish is not a language it needs").doesNotContain("Nowe domy");
        String html = MailParts.part(urdu, "text/html");
        int block = html.indexOf("<div lang=\"ur\" dir=\"rtl\"");
        assertThat(block).as(html).isPositive();
        assertThat(html.indexOf(URDU.get("title").toString(), block)).isGreaterThan(block);
        assertThat(block).isLessThan(html.indexOf("Dear "));
        assertThat(html).startsWith("<!DOCTYPE html>");

        MimeMessage english = only(received("Consultation notice", "bowls@eccles.example"));
        assertThat(MailParts.part(english, "text/plain")).startsWith("Dear ").doesNotContain(URDU.get("title").toString());
        assertThat(MailParts.part(english, "text/html")).doesNotContain("dir=\"rtl\"");
    }

    @Test
    void aTranslationMeetsThatLanguageNeedUnderMethodsNamedByItsEnglishName() {
        organisation("Walkden Polish Club", "club@walkden.example", "Walkden", List.of("Polish"));
        Map<String, Object> body = world.consultation(world.today().plusMonths(2));
        body.put("targets", Map.of("areas", List.of("Walkden")));
        long id = world.register(body);
        assertThat(methods(id)).contains("Walkden Polish Club needs Polish");

        assertEquals(201, world.officer.put("/api/consultations/" + id + "/translations/pl", POLISH).status());
        assertThat(methods(id)).doesNotContain("Polish");

        assertEquals(204, world.officer.send(HttpRequest.DELETE("/api/consultations/" + id + "/translations/pl")).status());
        assertThat(methods(id)).contains("Walkden Polish Club needs Polish");
    }

    private String methods(long id) {
        List<Map<String, Object>> checks = (List<Map<String, Object>>) world.officer.get("/api/consultations/" + id).at("checks");
        return checks.stream().filter(c -> "METHODS".equals(c.get("ruleId"))).findFirst().orElseThrow()
                .get("reason").toString();
    }

    private void organisation(String name, String email, String area, List<String> languages) {
        Api.Reply r = world.officer.post("/api/organisations", Map.of("name", name, "kind", "COMMUNITY_GROUP",
                "emails", List.of(email), "areas", List.of(area), "interests", List.of("housing"),
                "communities", List.of("OLDER_PEOPLE"), "languages", languages));
        assertEquals(201, r.status(), r::toString);
    }

    private List<MimeMessage> received(String subjectStart, String to) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().startsWith(subjectStart) && m.getAllRecipients()[0].toString().equals(to)) {
                found.add(m);
            }
        }
        return found;
    }

    private static MimeMessage only(List<MimeMessage> mail) {
        assertThat(mail).hasSize(1);
        return mail.get(0);
    }
}
