package org.compact.tracker.programme;

import org.compact.tracker.support.Api;
import org.compact.tracker.support.World;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Builds a known history through the API with the sim clock, as officers would, for the programme's tests. */
final class Timeline {

    private final World world;

    Timeline(World world) {
        this.world = world;
    }

    /** Moves the sim clock to 09:00 London time on {@code day}; what fell due (opening, closing) runs. */
    void moveTo(LocalDate day) {
        world.moveTo(day);
    }

    LocalDate today() {
        return world.today();
    }

    /**
     * A consultation of {@code by}'s agency that keeps every BLOCK rule, opening on {@code opensOn} for twelve weeks,
     * with the given title, summary, themes and areas (empty areas: city-wide).
     */
    long register(Api by, LocalDate opensOn, String title, String summary, List<String> themes, List<String> areas) {
        Map<String, Object> body = new HashMap<>(world.consultation(opensOn));
        body.put("title", title);
        body.put("summary", summary);
        body.put("themes", themes);
        body.put("areas", areas);
        body.put("targets", Map.of("areas", areas.isEmpty() ? List.of("Ordsall") : areas));
        Api.Reply reply = by.post("/api/consultations", body);
        assertEquals(201, reply.status(), reply::toString);
        return reply.id();
    }

    /**
     * Sends notice as {@code by} and moves the sim clock on a minute, so the relay hands the notices to the mail
     * server today (NOTICE counts from that receipt), as {@link World#notify} does.
     */
    void notify(Api by, long id) {
        Api.Reply reply = by.post("/api/consultations/" + id + "/notify");
        assertEquals(200, reply.status(), reply::toString);
        world.moveForwardTo(java.time.Instant.parse((String) world.admin.get("/api/sim/clock").at("now"))
                .plusSeconds(60));
    }

    void withdraw(Api by, long id, String reason) {
        Api.Reply reply = by.post("/api/consultations/" + id + "/withdraw", Map.of("reason", reason));
        assertEquals(200, reply.status(), reply::toString);
    }

    String status(long id) {
        return (String) world.monitor.get("/api/consultations/" + id).at("status");
    }

    /** Gives feedback on a CLOSED consultation, decided today, with the actions given as (what, owner, due). */
    void feedback(Api by, long id, String youSaid, String weDid, String outcome, String reasons,
                  Map<String, Integer> counts, List<Map<String, Object>> actions) {
        Map<String, Object> body = new HashMap<>();
        body.put("youSaid", youSaid);
        body.put("weDid", weDid);
        body.put("outcome", outcome);
        body.put("reasons", reasons);
        body.put("responseCounts", counts);
        body.put("decidedOn", today().toString());
        body.put("reportUrl", "https://salford.example/reports/" + id + ".pdf");
        body.put("actions", actions);
        Api.Reply reply = by.post("/api/consultations/" + id + "/feedback", body);
        assertEquals(201, reply.status(), reply::toString);
    }

    static Map<String, Object> action(String what, String owner, LocalDate due) {
        return Map.of("what", what, "owner", owner, "due", due.toString());
    }
}
