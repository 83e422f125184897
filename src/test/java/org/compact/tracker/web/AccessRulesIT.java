package org.compact.tracker.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every route has an access rule: anonymous callers are refused everywhere but the public few. */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesIT {
    /**
     * Links in mail to organisations: anonymous at the HTTP level, guarded by the signed token they carry, so
     * without a valid token they refuse (never 2xx).
     */
    private static final String TOKEN_LINKS = "/o/";

    /** The routes an anonymous caller may use. */
    private static final Set<String> PUBLIC = Set.of("POST /login", "GET /health", "GET /health/{selector}", "GET /ping",
            // The programme, results and the public compliance summary are published (SHARE, MONITOR).
            "GET /programme", "GET /programme.ics", "GET /programme.atom", "GET /programme.csv", "GET /api/programme",
            "GET /results/{id}", "GET /api/compliance/public", "GET /compliance/public", "GET /assets/{path:.*}",
            // The pages' entry and sign-in (web.pages): "/" only redirects; signing out ends the session of whoever is
            // signed in, and only clears the cookie of a browser whose session has already ended.
            "GET /", "GET /sign-in", "POST /sign-in", "POST /sign-out",
            // An organisation's contact asks for a fresh preferences link (CSRF double submit, same answer for any address).
            "GET /o/new-link", "POST /o/new-link",
            // Anyone may raise a concern or comment without a link; it counts once confirmed from the sender's mailbox.
            "GET /concerns/new", "POST /api/public/concerns");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Router router;

    World world;

    @BeforeAll
    void setUp() {
        world = World.create(client);
    }

    @Test
    void anAnonymousCallerIsRefusedOnEveryRouteButThePublicOnes() {
        List<? extends UriRouteInfo<?, ?>> routes = router.uriRoutes().toList();
        assertThat(routes).hasSizeGreaterThan(20);
        List<String> open = new ArrayList<>();
        for (UriRouteInfo<?, ?> route : routes) {
            String template = route.getUriMatchTemplate().toPathString();
            String name = route.getHttpMethod() + " " + template;
            String asGet = name.replaceFirst("^HEAD ", "GET ");
            if (PUBLIC.contains(name) || PUBLIC.contains(asGet)) {
                continue;
            }
            String uri = template.replaceAll("\\{[^}]+}", "1");
            if (template.startsWith(TOKEN_LINKS)) {
                int status = Api.anonymous(client).send(HttpRequest.create(route.getHttpMethod(), uri + "?t=forged.token")).status();
                if (status < 400) {
                    open.add(name + " → " + status + " without a valid token");
                }
                continue;
            }
            MutableHttpRequest<?> request = HttpRequest.create(route.getHttpMethod(), uri);
            if (route.getHttpMethod() != HttpMethod.GET && route.getHttpMethod() != HttpMethod.DELETE) {
                MediaType consumes = route.getConsumes().isEmpty() ? MediaType.APPLICATION_JSON_TYPE : route.getConsumes().get(0);
                request.contentType(consumes);
                request.body(consumes.equals(MediaType.APPLICATION_JSON_TYPE) ? Map.of() : "");
            }
            int status = Api.anonymous(client).send(request).status();
            if (status != 401) {
                open.add(name + " → " + status);
            }
        }
        assertThat(open).as("routes answering an anonymous caller").isEmpty();
    }

    @Test
    void thePublicRoutesAnswerAnonymousCallers() {
        assertEquals(200, Api.anonymous(client).get("/health").status());
        assertEquals(401, Api.anonymous(client).send(HttpRequest.POST("/login",
                Map.of("username", "admin", "password", "wrong password"))).status());
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        Api.Reply wrongPassword = Api.anonymous(client).send(HttpRequest.POST("/login",
                Map.of("username", "admin", "password", "wrong password")));
        Api.Reply unknownUser = Api.anonymous(client).send(HttpRequest.POST("/login",
                Map.of("username", "nobody-here", "password", "wrong password")));
        assertEquals(wrongPassword.status(), unknownUser.status());
        assertEquals(wrongPassword.body(), unknownUser.body());
    }

    @Test
    void anOfficerActsOnlyForTheirOwnAgency() {
        long id = world.register(world.consultation(LocalDate.now().plusMonths(3)));

        Api.Reply otherNotify = world.otherOfficer.post("/api/consultations/" + id + "/notify");
        assertEquals(403, otherNotify.status(), otherNotify::toString);
        assertThat(otherNotify.contentType()).startsWith("application/problem+json");
        assertEquals(403, world.otherOfficer.patch("/api/consultations/" + id, Map.of("title", "Taken over")).status());
        Map<String, Object> elsewhere = world.consultation(LocalDate.now().plusMonths(3));
        elsewhere.put("agencyId", world.agencyId);
        assertEquals(403, world.otherOfficer.post("/api/consultations", elsewhere).status());

        assertEquals(200, world.otherOfficer.get("/api/consultations/" + id).status(), "reading is shared");
        assertEquals("New homes in Ordsall", world.officer.get("/api/consultations/" + id).at("title"));
    }

    @Test
    void aMonitorReadsEverythingAndChangesNothing() {
        long id = world.register(world.consultation(LocalDate.now().plusMonths(3)));

        assertEquals(200, world.monitor.get("/api/consultations/" + id).status());
        assertEquals(200, world.monitor.get("/api/consultations/" + id + "/history").status());
        assertEquals(200, world.monitor.get("/api/organisations").status());
        assertEquals(200, world.monitor.get("/api/agencies").status());
        assertEquals(403, world.monitor.post("/api/consultations/" + id + "/notify").status());
        assertEquals(403, world.monitor.patch("/api/consultations/" + id, Map.of("title", "x")).status());
        assertEquals(403, world.monitor.post("/api/consultations", world.consultation(LocalDate.now().plusMonths(3))).status());
        assertEquals(403, world.monitor.post("/api/organisations", Map.of("name", "x")).status());
        assertEquals(403, world.monitor.post("/api/agencies", Map.of("name", "x")).status());
        assertEquals(403, world.monitor.put("/api/sim/clock", Map.of("now", "2030-01-01T00:00:00Z")).status());
        assertEquals("PLANNED", world.monitor.get("/api/consultations/" + id).at("status"));
    }

    @Test
    void onlyAdminsCreateUsersAndAgencies() {
        Api.Reply byOfficer = world.officer.post("/api/users", Map.of("username", "mallory", "password", "long enough password",
                "email", "m@example.org", "agencyId", world.agencyId, "roles", List.of("ADMIN")));
        assertEquals(403, byOfficer.status());
        assertEquals(403, world.officer.post("/api/agencies", Map.of("name", "Fake", "complianceContactEmail", "a@b.org")).status());
    }

    @Test
    void usersAreNeverShownWithTheirPasswordHash() {
        Api.Reply users = world.admin.get("/api/users");
        assertEquals(200, users.status());
        assertThat(users.body()).doesNotContain("passwordHash").doesNotContain("$2a$");
    }

    @Test
    void theOnlyManagementEndpointsAreHealthAndMetrics() {
        for (String endpoint : List.of("/beans", "/info", "/routes", "/threaddump", "/flyway", "/loggers", "/env",
                "/caches")) {
            assertEquals(404, world.admin.get(endpoint).status(), endpoint);
        }
        for (String endpoint : List.of("/refresh", "/stop")) {
            assertEquals(404, world.admin.send(HttpRequest.POST(endpoint, Map.of())).status(), endpoint);
            assertEquals(404, world.officer.send(HttpRequest.POST(endpoint, Map.of())).status(), endpoint);
        }
    }

    @Test
    void metricsAreForAdminsAndMonitors() {
        Api.Reply metrics = world.monitor.get("/prometheus");
        assertEquals(200, metrics.status(), metrics::toString);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertEquals(403, world.officer.get("/prometheus").status());
    }
}
