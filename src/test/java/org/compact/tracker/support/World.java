package org.compact.tracker.support;

import io.micronaut.http.client.HttpClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A small living system built through the API as a user would: two councils, an officer in each, a monitor, and
 * a few organisations of the shared directory.
 */
public final class World {
    private static final AtomicInteger SEQ = new AtomicInteger();

    public final Api admin;
    public final Api officer;
    public final Api otherOfficer;
    public final Api monitor;
    public final long agencyId;
    public final long otherAgencyId;
    public final String officerName;
    public final List<Long> organisationIds;

    private World(HttpClient client) {
        int n = SEQ.incrementAndGet();
        admin = Api.admin(client);
        agencyId = created(admin.post("/api/agencies", Map.of("name", "Salford City Council " + n,
                "complianceContactEmail", "compact" + n + "@salford.example")));
        otherAgencyId = created(admin.post("/api/agencies", Map.of("name", "Southampton City Council " + n,
                "kind", "COUNCIL", "complianceContactEmail", "compact" + n + "@southampton.example")));
        officerName = "olivia" + n;
        user(officerName, agencyId, "OFFICER");
        user("sam" + n, otherAgencyId, "OFFICER");
        user("monty" + n, agencyId, "MONITOR");
        officer = Api.login(client, officerName, "officer-password-" + n);
        otherOfficer = Api.login(client, "sam" + n, "officer-password-" + n);
        monitor = Api.login(client, "monty" + n, "officer-password-" + n);
        organisationIds = List.of(
                organisation("Ordsall Tenants " + n, "Ordsall", "housing", "OLDER_PEOPLE"),
                organisation("Kersal Youth " + n, "Kersal", "youth", "YOUNG_PEOPLE"),
                organisation("Salford Deaf Forum " + n, "Ordsall", "health", "SENSORY_IMPAIRMENTS"));
    }

    public static World create(HttpClient client) {
        return new World(client);
    }

    private void user(String username, long agency, String role) {
        int n = SEQ.get();
        created(admin.post("/api/users", Map.of("username", username, "password", "officer-password-" + n,
                "email", username + "@example.org", "agencyId", agency, "roles", List.of(role))));
    }

    private long organisation(String name, String area, String interest, String community) {
        return created(officerOrAdmin().post("/api/organisations", Map.of("name", name, "kind", "COMMUNITY_GROUP",
                "emails", List.of(name.toLowerCase().replace(' ', '.') + "@example.org"), "areas", List.of(area),
                "interests", List.of(interest), "communities", List.of(community))));
    }

    private Api officerOrAdmin() {
        return officer != null ? officer : admin;
    }

    private static long created(Api.Reply reply) {
        assertEquals(201, reply.status(), reply::toString);
        return reply.id();
    }

    /**
     * A consultation that meets every BLOCK rule when notified at least a month before {@code opensOn}: twelve weeks
     * open, a decision well after the analysis period, what is open and fixed, and a prior-work statement.
     */
    public Map<String, Object> consultation(LocalDate opensOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "New homes in Ordsall");
        body.put("summary", "We plan new homes on the old depot site. Tell us where they should go and what the area needs.");
        body.put("themes", List.of("housing"));
        body.put("areas", List.of("Ordsall"));
        body.put("audiences", List.of("OLDER_PEOPLE", "SENSORY_IMPAIRMENTS"));
        body.put("methods", List.of("ONLINE_SURVEY", "PUBLIC_MEETING"));
        body.put("targets", Map.of("areas", List.of("Ordsall")));
        body.put("openToChange", "Where the homes go and what else the site offers");
        body.put("fixed", "The number of homes, set by the Local Plan");
        body.put("decisionDate", opensOn.plusMonths(6).toString());
        body.put("decisionMaker", "Cabinet");
        body.put("opensOn", opensOn.toString());
        body.put("closesOn", opensOn.plusWeeks(12).toString());
        body.put("provisions", List.of("LARGE_PRINT", "PAPER_OPTION"));
        body.put("priorWork", Map.of("statement", "No earlier consultation on this site in the last three years."));
        body.put("howToRespond", Map.of("url", "https://www.salford.example/have-your-say/ordsall-homes",
                "email", "ordsall.homes@salford.example"));
        body.put("events", List.of(Map.of("title", "Public meeting", "startsAt", opensOn.plusDays(9) + "T18:30:00",
                "endsAt", opensOn.plusDays(9) + "T20:00:00", "venue", "Ordsall Library, Ordsall Lane",
                "provisions", List.of("HEARING_LOOP", "ACCESSIBLE_VENUE"))));
        return body;
    }

    public long register(Map<String, Object> body) {
        return created(officer.post("/api/consultations", body));
    }

    /** The service's zone. */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** Today on the service's sim clock (the sim environment), in its zone. */
    public LocalDate today() {
        return Instant.parse((String) admin.get("/api/sim/clock").at("now")).atZone(LONDON).toLocalDate();
    }

    /** Sets the sim clock to 09:00 London time on {@code day} (backwards too); the jobs run as they would then. */
    public void moveTo(LocalDate day) {
        Api.Reply reply = admin.put("/api/sim/clock", Map.of("now", day.atTime(9, 0).atZone(LONDON).toInstant().toString()));
        assertEquals(200, reply.status(), reply::toString);
    }

    /** Moves the sim clock forward to 09:00 London time on {@code day}, as {@link #moveForwardTo(Instant)}. */
    public void moveForwardTo(LocalDate day) {
        moveForwardTo(day.atTime(9, 0).atZone(LONDON).toInstant());
    }

    /** Moves the sim clock forward to {@code target}, or a minute on when that is not ahead of it: never back. */
    public void moveForwardTo(Instant target) {
        Instant current = Instant.parse((String) admin.get("/api/sim/clock").at("now"));
        Instant to = target.isAfter(current) ? target : current.plusSeconds(60);
        Api.Reply reply = admin.put("/api/sim/clock", Map.of("now", to.toString()));
        assertEquals(200, reply.status(), reply::toString);
    }

    /**
     * Sends notice of consultation {@code id} as the officer and, when it went, moves the sim clock on a minute so
     * the relay hands the notices to the mail server: NOTICE counts from that receipt, so tests that then move time
     * ahead see them received today, as they would be with a mail server that is up.
     */
    public Api.Reply notify(long id) {
        Api.Reply reply = officer.post("/api/consultations/" + id + "/notify");
        if (reply.status() == 200) {
            Instant current = Instant.parse((String) admin.get("/api/sim/clock").at("now"));
            moveForwardTo(current.plusSeconds(60));
        }
        return reply;
    }
}
