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

/**
 * The search for earlier work (PRIOR_WORK) over real HTTP: text search across agencies, and similar consultations
 * ranked and explained, within the three-year look-back.
 */
@MicronautTest(environments = "sim", transactional = false)
@Property(name = "tracker.jobs.enabled", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIT {
    @Inject
    @Client("/")
    HttpClient client;

    World world;
    long old;
    long depot;
    long play;
    long shelter;
    long dropped;
    long planned;

    @BeforeAll
    void buildTheHistory() {
        world = World.create(client);
        Timeline timeline = new Timeline(world);
        timeline.moveTo(LocalDate.of(2027, 1, 4));
        old = timeline.register(world.officer, LocalDate.of(2027, 2, 8), "New homes in Ordsall",
                "We plan new homes on the old depot site.", List.of("housing"), List.of("Ordsall"));
        timeline.notify(world.officer, old);
        depot = timeline.register(world.otherOfficer, LocalDate.of(2027, 3, 1), "Homes on the old bus depot",
                "Affordable homes on the former bus depot.", List.of("Housing"), List.of("Ordsall"));
        timeline.notify(world.otherOfficer, depot);
        play = timeline.register(world.otherOfficer, LocalDate.of(2027, 3, 1), "Kersal play areas",
                "New play equipment for the parks and green spaces.", List.of("parks"), List.of("Kersal"));
        timeline.notify(world.otherOfficer, play);
        shelter = timeline.register(world.officer, LocalDate.of(2027, 4, 5), "Sheltered housing in Kersal",
                "Sheltered homes for older residents.", List.of("housing"), List.of("Kersal"));
        timeline.notify(world.officer, shelter);
        dropped = timeline.register(world.officer, LocalDate.of(2027, 4, 5), "Ordsall depot homes",
                "Homes on the depot site, dropped before notice.", List.of("housing"), List.of("Ordsall"));
        timeline.withdraw(world.officer, dropped, "Merged into another consultation.");
        planned = timeline.register(world.officer, LocalDate.of(2030, 3, 1), "More homes at the Ordsall depot",
                "A second phase of homes on the depot site.", List.of("housing"), List.of("Ordsall"));

        timeline.moveTo(LocalDate.of(2027, 3, 1));
        timeline.moveTo(LocalDate.of(2027, 5, 25));
        timeline.feedback(world.otherOfficer, depot, "You asked us to keep the bus garage.",
                "We kept the bus garage and built fewer homes.", "CHANGED", null, Map.of("ONLINE_SURVEY", 40), List.of());
    }

    @Test
    void findsConsultationsOfEveryAgencyWhereEveryWordMatches() {
        Api.Reply reply = world.officer.get("/api/search?q=depot%20homes");

        assertEquals(200, reply.status(), reply::toString);
        assertThat(ids(reply)).containsExactly(planned, dropped, depot, old);
        assertEquals(4, ((Number) reply.at("total")).intValue());
        Map<String, Object> fromOtherAgency = hit(reply, depot);
        assertEquals(world.otherAgencyId, ((Number) fromOtherAgency.get("agencyId")).longValue());
        assertEquals("FEEDBACK_GIVEN", fromOtherAgency.get("status"));
        assertEquals("2027-03-01", fromOtherAgency.get("opensOn"));
        assertEquals("2027-05-24", fromOtherAgency.get("closesOn"));
        @SuppressWarnings("unchecked")
        Map<String, Object> feedback = (Map<String, Object>) fromOtherAgency.get("feedback");
        assertEquals("CHANGED", feedback.get("outcome"));
        assertEquals("We kept the bus garage and built fewer homes.", feedback.get("weDid"));
        assertEquals("WITHDRAWN", hit(reply, dropped).get("status"));
    }

    @Test
    void matchesIgnoringCaseAndNeedsEveryWord() {
        assertThat(ids(world.monitor.get("/api/search?q=DEPOT%20Bus"))).containsExactly(depot);
        assertThat(ids(world.otherOfficer.get("/api/search?q=depot%20kersal"))).isEmpty();
        assertThat(ids(world.officer.get("/api/search?q=play%20equipment"))).containsExactly(play);
    }

    @Test
    void filtersByThemeAreaAndPeriod() {
        assertThat(ids(world.officer.get("/api/search?q=homes&theme=HOUSING&area=kersal"))).containsExactly(shelter);
        assertThat(ids(world.officer.get("/api/search?theme=parks"))).containsExactly(play);
        assertThat(ids(world.officer.get("/api/search?q=homes&from=2028-01-01"))).containsExactly(planned);
        assertThat(ids(world.officer.get("/api/search?q=homes&from=2027-02-01&to=2027-02-28"))).containsExactly(old);
    }

    @Test
    void refusesASearchForNothingOrWithBadDates() {
        Api.Reply nothing = world.officer.get("/api/search");
        assertEquals(422, nothing.status(), nothing::toString);
        assertEquals("q", nothing.at("errors[0].field"));
        Api.Reply backwards = world.officer.get("/api/search?q=homes&from=2027-05-01&to=2027-01-01");
        assertEquals(422, backwards.status());
        assertEquals("to", backwards.at("errors[0].field"));
        assertEquals(422, world.officer.get("/api/search?q=homes&from=soon").status());
    }

    @Test
    void ranksEarlierConsultationsOfAnyAgencyAndExplainsEachScore() {
        Api.Reply reply = world.officer.get("/api/consultations/" + planned + "/similar");

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("2027-03-01", reply.at("from"), "three years before it opens");
        assertEquals("2030-03-01", reply.at("to"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> similar = (List<Map<String, Object>>) reply.at("similar");
        assertThat(similar).extracting(s -> ((Number) s.get("id")).longValue()).as("the old one opened too long ago, the "
                + "dropped one was withdrawn before notice, the play areas share nothing").containsExactly(depot, shelter);
        assertEquals(7, ((Number) similar.get(0).get("score")).intValue());
        assertEquals(List.of("theme: housing", "area: Ordsall", "words: homes, depot"), similar.get(0).get("why"));
        assertEquals(world.otherAgencyId, ((Number) similar.get(0).get("agencyId")).longValue());
        assertEquals("CHANGED", ((Map<?, ?>) similar.get(0).get("feedback")).get("outcome"));
        assertEquals(4, ((Number) similar.get(1).get("score")).intValue());
        assertEquals(List.of("theme: housing", "words: homes"), similar.get(1).get("why"));
    }

    @Test
    void lookingBackFromTodayWhenTheConsultationHasNoOpenDate() {
        Map<String, Object> body = new java.util.HashMap<>(world.consultation(LocalDate.of(2027, 9, 1)));
        body.remove("opensOn");
        body.remove("closesOn");
        body.remove("decisionDate");
        body.put("title", "Bus garage future");
        body.put("summary", "What next for the bus garage?");
        long undated = world.register(body);

        Api.Reply reply = world.monitor.get("/api/consultations/" + undated + "/similar");

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("2027-05-25", reply.at("to"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> similar = (List<Map<String, Object>>) reply.at("similar");
        assertThat(similar).extracting(s -> ((Number) s.get("id")).longValue()).as("the planned one opens after today")
                .containsExactly(depot, old, shelter);
        assertEquals(List.of("theme: housing", "area: Ordsall", "words: bus"), similar.get(0).get("why"));
    }

    @Test
    void anUnknownConsultationHasNoSimilarOnes() {
        assertEquals(404, world.officer.get("/api/consultations/999999/similar").status());
    }

    @Test
    void searchAndSimilarAreForSignedInUsersOnly() {
        Api anonymous = Api.anonymous(client);
        assertEquals(401, anonymous.get("/api/search?q=homes").status());
        assertEquals(401, anonymous.get("/api/consultations/" + planned + "/similar").status());
    }

    private static List<Long> ids(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> hits = (List<Map<String, Object>>) reply.at("hits");
        return hits.stream().map(h -> ((Number) h.get("id")).longValue()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> hit(Api.Reply reply, long id) {
        return ((List<Map<String, Object>>) reply.at("hits")).stream()
                .filter(h -> ((Number) h.get("id")).longValue() == id).findFirst().orElseThrow();
    }
}
