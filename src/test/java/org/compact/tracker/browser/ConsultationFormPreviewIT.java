package org.compact.tracker.browser;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The consultation form asks the service, as it is filled, for its checklist and for similar earlier consultations
 * (PRIOR_WORK), saving nothing; and without script both are on the page after each save.
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsultationFormPreviewIT {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    World world;
    long earlier;

    @BeforeAll
    void setUp() {
        world = World.create(client);
        Map<String, Object> body = world.consultation(LocalDate.now().minusMonths(6));
        body.put("title", "Homes on the Ordsall riverside " + world.officerName);
        earlier = world.register(body);
    }

    private PageClient officer() {
        PageClient b = new PageClient(server.getURI());
        HttpResponse<String> signedIn = b.signIn(world.officerName, "officer-password-" + world.officerName.replace("olivia", ""));
        assertEquals(303, signedIn.statusCode(), signedIn::body);
        return b;
    }

    private static Map<String, String> draft(String statement) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", "New homes by the Ordsall depot");
        form.put("summary", "We plan new homes on the old depot site. Tell us where they should go.");
        form.put("themes", "housing");
        form.put("areas", "Ordsall");
        form.put("opensOn", LocalDate.now().plusMonths(2).toString());
        form.put("closesOn", LocalDate.now().plusMonths(2).plusWeeks(12).toString());
        form.put("priorWork.statement", statement);
        return form;
    }

    private long consultations() {
        return world.officer.get("/api/consultations?size=500").list().size();
    }

    @Test
    void theFormRefusesWhatTheApiRefusesNamingTheFieldsAndSavesNothing() {
        PageClient b = officer();
        long before = consultations();
        Map<String, String> form = draft("We read the 2024 survey of the riverside.");
        form.put("title", "T".repeat(301));
        form.put("decisionMaker", "D".repeat(201));

        HttpResponse<String> refused = b.submit("/consultations/new", "/consultations/new", form);

        assertEquals(422, refused.statusCode(), refused::body);
        assertThat(refused.body()).contains("href=\"#title\"").contains("href=\"#decisionMaker\"");
        assertEquals(before, consultations(), "nothing saved");

        long id = world.register(world.consultation(LocalDate.now().plusMonths(3)));
        String path = "/consultations/" + id + "/edit";
        HttpResponse<String> edit = b.submit(path, path, form);
        assertEquals(422, edit.statusCode(), edit::body);
        assertThat((String) world.officer.get("/api/consultations/" + id).at("title")).doesNotStartWith("TTT");
        HttpResponse<String> preview = b.submit("/consultations/new", "/consultations/preview", form);
        assertEquals(200, preview.statusCode(), preview::body);
        assertThat(preview.body()).contains("Title");
    }

    @Test
    void theChecklistOfTheFormAsTypedIsWorkedOutWithoutSavingIt() {
        PageClient b = officer();
        long before = consultations();

        HttpResponse<String> missing = b.submit("/consultations/new", "/consultations/preview", draft(""));
        assertEquals(200, missing.statusCode(), missing::body);
        assertThat(missing.body()).contains("data-rule=\"PRIOR_WORK\" data-verdict=\"FAIL\"")
                .contains("data-rule=\"DURATION\" data-verdict=\"PASS\"")
                .contains("Worked out from the form as typed");

        HttpResponse<String> stated = b.submit("/consultations/new", "/consultations/preview",
                draft("Searched the register: nothing on this site."));
        assertThat(stated.body()).contains("data-rule=\"PRIOR_WORK\" data-verdict=\"PASS\"");
        assertEquals(before, consultations(), "a preview saves nothing");
    }

    @Test
    void aSavedConsultationIsCheckedWithTheChangesTypedButKeepsItsSavedFields() {
        long id = world.register(world.consultation(LocalDate.now().plusMonths(3)));
        PageClient b = officer();
        Map<String, String> form = draft("");
        HttpResponse<String> preview = b.submit("/consultations/" + id + "/edit", "/consultations/" + id + "/preview", form);
        assertThat(preview.body()).contains("data-rule=\"PRIOR_WORK\" data-verdict=\"FAIL\"");
        assertThat(world.officer.get("/api/consultations/" + id).at("priorWork.statement"))
                .isEqualTo("No earlier consultation on this site in the last three years.");
        assertThat(world.officer.get("/api/consultations/" + id).at("title")).isEqualTo("New homes in Ordsall");
    }

    @Test
    void similarEarlierConsultationsAreProposedAsTheFormIsFilledAndOnTheSavedForm() {
        PageClient b = officer();
        HttpResponse<String> preview = b.submit("/consultations/new", "/consultations/preview", draft(""));
        assertThat(preview.body()).contains("data-consultation=\"" + earlier + "\"")
                .contains("Homes on the Ordsall riverside " + world.officerName)
                .contains("theme: housing").contains("area: Ordsall");

        HttpResponse<String> nothing = b.submit("/consultations/new", "/consultations/preview", Map.of("title", ""));
        assertThat(nothing.body()).contains("None found yet").doesNotContain("data-consultation=");

        long id = world.register(world.consultation(LocalDate.now().plusMonths(3)));
        HttpResponse<String> edit = b.get("/consultations/" + id + "/edit");
        assertThat(edit.body()).contains("id=\"similar\"").contains("data-consultation=\"" + earlier + "\"")
                .doesNotContain("data-consultation=\"" + id + "\"")
                .contains("src=\"/assets/consultation-form.js\"")
                .contains("data-preview=\"/consultations/" + id + "/preview\"");
    }

    @Test
    void aPreviewNeedsTheFormsCsrfTokenAndAnOfficerOfTheAgency() {
        long id = world.register(world.consultation(LocalDate.now().plusMonths(3)));
        PageClient b = officer();
        b.get("/consultations/new");
        assertEquals(403, b.post("/consultations/preview", draft("")).statusCode());

        PageClient other = new PageClient(server.getURI());
        other.signIn("sam" + world.officerName.replace("olivia", ""), "officer-password-" + world.officerName.replace("olivia", ""));
        assertEquals(403, other.submit("/dashboard", "/consultations/" + id + "/preview", draft("")).statusCode());
        PageClient monitor = new PageClient(server.getURI());
        monitor.signIn("monty" + world.officerName.replace("olivia", ""), "officer-password-" + world.officerName.replace("olivia", ""));
        assertEquals(403, monitor.submit("/dashboard", "/consultations/preview", draft("")).statusCode());
        assertThat(List.of(world.officer.get("/api/consultations/" + id).at("title"))).containsExactly("New homes in Ordsall");
    }
}
