package org.compact.tracker.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The smaller defects an outside probe found (issue 15, item 5), each reproduced: {@code /metrics} answered 500,
 * answers other than pages could be framed and sniffed, no HSTS behind https, a close date of 9999-12-31 broke the
 * programme's calendar, names took line breaks and U+202E, and a CSRF token planted in the cookie passed for any
 * session.
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HardeningIT {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    World world;

    @BeforeAll
    void setUp() {
        world = World.create(client);
    }

    // /metrics and the other management endpoints

    @Test
    void metricsIsAbsentForEveryoneWhilePrometheusStaysForAdminsAndMonitors() {
        for (Api caller : List.of(world.officer, world.admin, world.monitor, Api.anonymous(client))) {
            Api.Reply metrics = caller.get("/metrics");
            assertEquals(404, metrics.status(), metrics::toString);
        }
        for (String endpoint : List.of("/beans", "/info", "/routes", "/threaddump", "/flyway", "/loggers", "/env",
                "/caches", "/metrics/jvm.memory.used")) {
            assertEquals(404, world.admin.get(endpoint).status(), endpoint);
        }
        for (String endpoint : List.of("/refresh", "/stop")) {
            assertEquals(404, world.admin.post(endpoint).status(), endpoint);
        }
        assertEquals(200, Api.anonymous(client).get("/health").status());
        assertEquals(200, world.monitor.get("/prometheus").status());
        assertEquals(403, world.officer.get("/prometheus").status());
    }

    // Security headers

    @Test
    void everyAnswerRefusesFramingAndSniffingNotOnlyThePages() {
        long id = world.register(world.consultation(LocalDate.now().plusMonths(3)));
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("/api/consultations/" + id, "officer");
        paths.put("/api/consultations/999999", "officer");
        paths.put("/api/consultations", "anonymous");
        paths.put("/programme.ics", "anonymous");
        paths.put("/programme.csv", "anonymous");
        paths.put("/programme.atom", "anonymous");
        paths.put("/health", "anonymous");
        paths.put("/swagger-ui/index.html", "anonymous");
        paths.put("/swagger/consultation-tracker-0.1.yml", "anonymous");
        paths.put("/assets/tracker.css", "anonymous");
        paths.put("/programme", "anonymous");
        for (Map.Entry<String, String> path : paths.entrySet()) {
            io.micronaut.http.MutableHttpRequest<?> request = HttpRequest.GET(path.getKey());
            if (path.getValue().equals("officer")) {
                request.bearerAuth(officerToken());
            }
            io.micronaut.http.HttpResponse<?> answer = exchange(request);
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), path.getKey());
            assertEquals("DENY", answer.header("X-Frame-Options"), path.getKey());
            assertThat(answer.header("Referrer-Policy")).as(path.getKey()).isIn("same-origin", "no-referrer");
            assertThat(answer.header("Content-Security-Policy")).as(path.getKey()).contains("frame-ancestors 'none'");
            assertThat(answer.header("Strict-Transport-Security")).as(path.getKey() + " over http").isNull();
        }
    }

    @Test
    void swaggerUiHasItsOwnPolicyAllowingExactlyItsInlineScriptAndNoFraming() throws Exception {
        io.micronaut.http.HttpResponse<String> page = client.toBlocking()
                .exchange(HttpRequest.GET("/swagger-ui/index.html"), String.class);
        String csp = page.header("Content-Security-Policy");
        Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(page.body());
        assertThat(script.find()).as("Swagger UI starts itself with an inline script").isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(csp).contains("script-src 'self' 'sha256-" + hash + "'", "connect-src 'self'",
                "frame-ancestors 'none'", "default-src 'none'");
        assertThat(csp.replaceAll(".*script-src([^;]*);.*", "$1")).doesNotContain("unsafe");
        assertThat(page.body()).as("no inline handlers the hash would not allow")
                .doesNotContainPattern("<[^>]+\\son\\w+=").doesNotContain("javascript:");
    }

    @Test
    void httpsIsRequiredForAYearOnlyWhenTheRequestCameOverHttps() {
        io.micronaut.http.HttpResponse<?> proxied = exchange(HttpRequest.GET("/programme").header("X-Forwarded-Proto", "https"));
        assertEquals("max-age=31536000; includeSubDomains", proxied.header("Strict-Transport-Security"));
        io.micronaut.http.HttpResponse<?> api = exchange(HttpRequest.GET("/api/consultations")
                .header("X-Forwarded-Proto", "https").bearerAuth(officerToken()));
        assertEquals("max-age=31536000; includeSubDomains", api.header("Strict-Transport-Security"));
        io.micronaut.http.HttpResponse<?> plain = exchange(HttpRequest.GET("/programme"));
        assertThat(plain.header("Strict-Transport-Security")).isNull();
    }

    // Far dates

    @Test
    void aCloseDateFarInTheFutureIsRefusedNamingTheFieldOnEveryWayIn() {
        Map<String, Object> body = world.consultation(LocalDate.now().plusMonths(3));
        body.put("closesOn", "9999-12-31");
        body.put("decisionDate", "2101-01-01");
        Api.Reply created = world.officer.post("/api/consultations", body);
        assertEquals(422, created.status(), created::toString);
        assertThat(fields(created)).containsExactlyInAnyOrder("closesOn", "decisionDate");
        assertThat(created.body()).contains("1900-01-01 and 2100-12-31");

        long id = world.register(world.consultation(LocalDate.now().plusMonths(3)));
        Api.Reply changed = world.officer.patch("/api/consultations/" + id, Map.of("closesOn", "9999-12-31"));
        assertEquals(422, changed.status(), changed::toString);
        assertThat(fields(changed)).containsExactly("closesOn");
        assertThat(world.officer.get("/programme.ics").body()).doesNotContain("+1000");

        Pages officer = officerPages();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", "Far away homes");
        form.put("summary", "We plan new homes. Tell us where they should go.");
        form.put("opensOn", LocalDate.now().plusMonths(2).toString());
        form.put("closesOn", "9999-12-31");
        HttpResponse<String> page = officer.submit("/consultations/new", "/consultations/new", form);
        assertEquals(422, page.statusCode(), page::body);
        assertThat(page.body()).contains("href=\"#closesOn\"");

        Api.Reply list = world.officer.get("/api/consultations?to=9999-12-31");
        assertEquals(422, list.status(), list::toString);
        assertThat(fields(list)).containsExactly("to");
    }

    // One-line names

    @Test
    void namesRefuseLineBreaksControlAndBidiCharactersNamingTheFieldAndReason() {
        for (String bad : List.of("Ordsall Tenants\r\nBcc: all@example.org", "Ordsall\tTenants",
                "Ordsall \u202Eetsinnet", "Ordsall\u2066Tenants\u2069", "Ord\u200Bsall", "\uFEFFOrdsall", "Ord\u0085sall")) {
            Api.Reply organisation = world.officer.post("/api/organisations", Map.of("name", bad, "kind",
                    "COMMUNITY_GROUP", "emails", List.of("tenants@example.org"), "areas", List.of("Ordsall")));
            assertEquals(422, organisation.status(), organisation::toString);
            assertThat(fields(organisation)).as(bad).containsExactly("name");
            assertThat(organisation.body()).contains("one line");

            Api.Reply agency = world.admin.post("/api/agencies", Map.of("name", bad,
                    "complianceContactEmail", "compact@bad.example"));
            assertEquals(422, agency.status(), agency::toString);
            assertThat(fields(agency)).containsExactly("name");

            Map<String, Object> consultation = world.consultation(LocalDate.now().plusMonths(3));
            consultation.put("title", bad);
            consultation.put("themes", List.of("housing", bad));
            consultation.put("leadOfficer", bad);
            Api.Reply created = world.officer.post("/api/consultations", consultation);
            assertEquals(422, created.status(), created::toString);
            assertThat(fields(created)).containsExactlyInAnyOrder("title", "themes[1]", "leadOfficer");
        }

        long organisation = world.organisationIds.get(0);
        Api.Reply renamed = world.officer.patch("/api/organisations/" + organisation,
                Map.of("areas", List.of("Ordsall", "Kersal\nSubject: x")));
        assertEquals(422, renamed.status(), renamed::toString);
        assertThat(fields(renamed)).containsExactly("areas[1]");
    }

    @Test
    void textOfSeveralLinesKeepsItsLineBreaksButRefusesBidiOverrides() {
        Map<String, Object> body = world.consultation(LocalDate.now().plusMonths(3));
        body.put("summary", "We plan new homes.\r\nTell us where\tthey should go.");
        Api.Reply kept = world.officer.post("/api/consultations", body);
        assertEquals(201, kept.status(), kept::toString);

        body.put("summary", "We plan new homes. \u202Eog yeht dluohs erehw su lleT");
        Api.Reply refused = world.officer.post("/api/consultations", body);
        assertEquals(422, refused.status(), refused::toString);
        assertThat(fields(refused)).containsExactly("summary");
        assertThat(refused.body()).contains("bidirectional");
    }

    @Test
    void theConsultationFormRefusesABidiOverrideInTheTitleAsTheApiDoes() {
        Pages officer = officerPages();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", "Homes \u202Egnisuoh");
        form.put("summary", "We plan new homes. Tell us where they should go.");
        HttpResponse<String> page = officer.submit("/consultations/new", "/consultations/new", form);
        assertEquals(422, page.statusCode(), page::body);
        assertThat(page.body()).contains("href=\"#title\"");
    }

    // CSRF tokens bound to the session

    @Test
    void aCsrfTokenPlantedFromAnotherSessionIsRefused() {
        Pages attacker = new Pages();
        attacker.get("/sign-in");
        String planted = attacker.cookies.get("tracker_csrf");
        assertThat(planted).isNotBlank();

        Pages victim = officerPages();
        victim.cookies.put("tracker_csrf", planted);
        HttpResponse<String> forged = victim.post("/sign-out", Map.of("_csrf", planted));
        assertEquals(403, forged.statusCode(), "a token made for an anonymous visitor is not the victim's");

        Pages otherUser = signedIn("sam" + number(), officerPassword());
        String theirs = otherUser.cookies.get("tracker_csrf");
        victim.cookies.put("tracker_csrf", theirs);
        assertEquals(403, victim.post("/sign-out", Map.of("_csrf", theirs)).statusCode(),
                "a token made for another signed-in session is not the victim's");

        String made = "bm90LW1hZGUtYnktdGhlLXNlcnZlcg.aGFuZC1tYWRlLW1hYw";
        victim.cookies.put("tracker_csrf", made);
        assertEquals(403, victim.post("/sign-out", Map.of("_csrf", made)).statusCode(), "a token the server never made");
    }

    @Test
    void theTokenFromSignInAndTheTokenOfAPageWorkForTheirOwnSession() {
        // a user of its own: signing out ends every session of the user, the shared officer's API token too
        String username = "csrf-" + System.nanoTime();
        assertEquals(201, world.admin.post("/api/users", Map.of("username", username, "password", officerPassword(),
                "email", username + "@example.org", "agencyId", world.agencyId, "roles", List.of("OFFICER"))).status());
        Pages victim = signedIn(username, officerPassword());
        String fromSignIn = victim.cookies.get("tracker_csrf");
        HttpResponse<String> signedOut = victim.post("/sign-out", Map.of("_csrf", fromSignIn));
        assertEquals(303, signedOut.statusCode(), signedOut::body);

        Pages again = signedIn(username, officerPassword());
        again.cookies.put("tracker_csrf", "stale-or-planted");
        HttpResponse<String> dashboard = again.get("/dashboard");
        assertEquals(200, dashboard.statusCode());
        String fresh = csrfOf(dashboard.body());
        assertThat(fresh).isNotEqualTo("stale-or-planted");
        assertEquals(fresh, again.cookies.get("tracker_csrf"), "the page replaced the cookie it could not use");
        assertEquals(303, again.post("/sign-out", Map.of("_csrf", fresh)).statusCode());
    }

    // Helpers

    private String officerToken() {
        return login(world.officerName, officerPassword());
    }

    private String login(String username, String password) {
        Map<?, ?> answer = client.toBlocking().retrieve(HttpRequest.POST("/login",
                Map.of("username", username, "password", password)), Map.class);
        return (String) answer.get("access_token");
    }

    private String number() {
        return world.officerName.replace("olivia", "");
    }

    private String officerPassword() {
        return "officer-password-" + number();
    }

    private io.micronaut.http.HttpResponse<?> exchange(io.micronaut.http.MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            return e.getResponse();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Api.Reply reply) {
        return ((List<Map<String, Object>>) reply.json().get("errors")).stream()
                .map(e -> (String) e.get("field")).toList();
    }

    private Pages officerPages() {
        return signedIn(world.officerName, officerPassword());
    }

    private Pages signedIn(String username, String password) {
        Pages b = new Pages();
        HttpResponse<String> answer = b.submit("/sign-in", "/sign-in", Map.of("username", username, "password", password));
        assertEquals(303, answer.statusCode(), answer::body);
        return b;
    }

    private static String csrfOf(String html) {
        Matcher m = CSRF_FIELD.matcher(html);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }

    /** A browser's cookies held by hand, so a test can plant one as a sibling subdomain could. */
    private final class Pages {
        final Map<String, String> cookies = new HashMap<>();
        private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) {
            return send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path))
                    .header("Accept", "text/html").GET());
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            return send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path)).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        }

        HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
            Map<String, String> form = new LinkedHashMap<>(fields);
            form.put("_csrf", csrfOf(get(formPage).body()));
            return post(action, form);
        }

        private HttpResponse<String> send(java.net.http.HttpRequest.Builder request) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
            }
            try {
                HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                for (String set : answer.headers().allValues("Set-Cookie")) {
                    String pair = set.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    String value = pair.substring(eq + 1);
                    if (value.isEmpty()) {
                        cookies.remove(pair.substring(0, eq));
                    } else {
                        cookies.put(pair.substring(0, eq), value);
                    }
                }
                return answer;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
