package org.compact.tracker.programme;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The public results page, "you said, we did", after a consultation walked to feedback with the sim clock. */
@MicronautTest(environments = "sim", transactional = false)
@Property(name = "tracker.jobs.enabled", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsIT {
    @Inject
    @Client("/")
    HttpClient client;

    World world;
    Api anonymous;
    long library;
    long play;

    @BeforeAll
    void walkAConsultationToFeedback() {
        world = World.create(client);
        anonymous = Api.anonymous(client);
        Timeline timeline = new Timeline(world);
        timeline.moveTo(LocalDate.of(2027, 1, 4));
        library = timeline.register(world.officer, LocalDate.of(2027, 2, 8), "Library hours & Sundays",
                "When should Kersal library open?", List.of("libraries"), List.of("Kersal"));
        timeline.notify(world.officer, library);
        play = timeline.register(world.officer, LocalDate.of(2027, 2, 8), "Kersal play areas",
                "New play equipment for Kersal's parks.", List.of("parks"), List.of("Kersal"));
        timeline.notify(world.officer, play);
        timeline.moveTo(LocalDate.of(2027, 2, 8));
        timeline.moveTo(LocalDate.of(2027, 5, 4));

        timeline.feedback(world.officer, library,
                "You told us <script>alert('x')</script> the library should open on Sundays.\n\nMany of you also asked for later hours.",
                "We will open on Sundays from June.", "PARTLY_CHANGED", "Later hours cost more than the budget allows.",
                Map.of("ONLINE_SURVEY", 180, "PUBLIC_MEETING", 32),
                List.of(Timeline.action("Open on Sundays", world.officerName, LocalDate.of(2027, 6, 1)),
                        Timeline.action("Publish the new hours", "ann@example.net", LocalDate.of(2027, 5, 18)),
                        Timeline.action("Review later hours", world.officerName, LocalDate.of(2027, 9, 1))));
        List<Map<String, Object>> actions = world.officer.get("/api/consultations/" + library + "/actions").list();
        long publish = actions.stream().filter(a -> "Publish the new hours".equals(a.get("what")))
                .map(a -> ((Number) a.get("id")).longValue()).findFirst().orElseThrow();
        timeline.moveTo(LocalDate.of(2027, 5, 17));
        Api.Reply done = world.officer.patch("/api/consultations/" + library + "/actions/" + publish,
                Map.of("done", true, "note", "On the library's door and website."));
        assertEquals(200, done.status(), done::toString);
        timeline.moveTo(LocalDate.of(2027, 6, 8));
    }

    @Test
    void showsYouSaidWeDidTheOutcomeTheResponsesAndTheReportToAnyone() {
        Api.Reply page = anonymous.get("/results/" + library);

        assertEquals(200, page.status(), page::toString);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"en-GB\">", "<h1>Results: Library hours &amp; Sundays</h1>",
                "<h2 id=\"you-said\">You said</h2>", "the library should open on Sundays.</p><p>Many of you also asked",
                "<h2 id=\"we-did\">We did</h2>", "<p>We will open on Sundays from June.</p>",
                "Partly changed as a result of the consultation", "<h3>Why</h3><p>Later hours cost more than the budget allows.</p>",
                "<th scope=\"row\">Online survey</th><td>180</td>", "<th scope=\"row\">Public meeting</th><td>32</td>",
                "<th scope=\"row\">Total</th><td>212</td>", "<dt>Decision</dt><dd><time datetime=\"2027-05-04\">",
                "href=\"https://salford.example/reports/" + library + ".pdf\"");
    }

    @Test
    void escapesWhatOfficersWroteSoAScriptIsShownAsText() {
        String body = anonymous.get("/results/" + library).body();

        assertThat(body).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script");
    }

    @Test
    void showsEachPromisedActionAsDoneDueOrOverdueWithoutItsOwner() {
        String body = anonymous.get("/results/" + library).body();

        assertThat(body).contains("Promised actions and their progress as of <time datetime=\"2027-06-08\">",
                "<th scope=\"row\">Publish the new hours</th><td><time datetime=\"2027-05-18\">18 May 2027</time></td>"
                        + "<td class=\"progress-done\">Done on <time datetime=\"2027-05-17\">17 May 2027</time>. On the library&#39;s door and website.",
                "<th scope=\"row\">Open on Sundays</th><td><time datetime=\"2027-06-01\">1 June 2027</time></td>"
                        + "<td class=\"progress-overdue\"><strong>Overdue</strong>",
                "<th scope=\"row\">Review later hours</th><td><time datetime=\"2027-09-01\">1 September 2027</time></td>"
                        + "<td class=\"progress-due\">Due, not done yet");
        assertThat(body).doesNotContain(world.officerName, "ann@example.net");
    }

    @Test
    void isServedUnderTheStrictContentSecurityPolicy() {
        var response = client.toBlocking().exchange("/results/" + library, String.class);

        assertEquals("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
                response.getHeaders().get("Content-Security-Policy"));
        assertEquals("nosniff", response.getHeaders().get("X-Content-Type-Options"));
    }

    @Test
    void answersAPlain404PageForUnknownConsultationsAndThoseWithoutFeedback() {
        for (String uri : List.of("/results/" + play, "/results/999999", "/results/abc")) {
            Api.Reply reply = anonymous.get(uri);
            assertEquals(404, reply.status(), uri);
            assertThat(reply.contentType()).startsWith("text/html");
            assertThat(reply.body()).contains("<h1>Not found</h1>").doesNotContain("Kersal play areas");
        }
    }

    @Test
    void theProgrammeLinksToTheResults() {
        assertThat(anonymous.get("/programme").body()).contains("<a href=\"/results/" + library + "\">Read the results");
    }

    @Test
    void aTranslationIsOnTheResultsPageRightToLeftAndInTheProgrammesJson() {
        Api.Reply saved = world.officer.put("/api/consultations/" + library + "/translations/ur", Map.of(
                "title", "لائبریری کے اوقات اور اتوار", "summary", "کرسال لائبریری کب کھلنی چاہیے؟"));
        assertEquals(201, saved.status(), saved::toString);

        String page = anonymous.get("/results/" + library).body();
        int block = page.indexOf("<div lang=\"ur\" dir=\"rtl\">");
        assertThat(block).as(page).isPositive();
        assertThat(page.indexOf("لائبریری کے اوقات اور اتوار", block)).isGreaterThan(block);
        assertThat(page).contains("<h2 id=\"translations\">In other languages</h2>", "Urdu / <span lang=\"ur\">اردو</span>");

        List<Map<String, Object>> entries = (List<Map<String, Object>>) anonymous.get("/api/programme").at("consultations");
        Map<String, Object> entry = entries.stream().filter(e -> ((Number) e.get("id")).longValue() == library)
                .findFirst().orElseThrow();
        assertThat((List<Map<String, Object>>) entry.get("translations")).singleElement().satisfies(t -> {
            assertEquals("ur", t.get("language"));
            assertEquals("کرسال لائبریری کب کھلنی چاہیے؟", t.get("summary"));
        });
    }
}
