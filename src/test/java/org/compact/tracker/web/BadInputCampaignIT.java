package org.compact.tracker.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.World;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bad-input campaign: thousands of generated payloads, malformed JSON, wrong types, huge values and odd query
 * strings. Never a 5xx, always problem+json when refused, and a refused request writes nothing. Names with a line
 * break, control or bidirectional formatting character, and dates outside 1900–2100, are always refused, naming
 * the field.
 */
class BadInputCampaignIT {
    private static final List<String> FIELDS = List.of("title", "summary", "agencyId", "leadOfficer", "themes", "areas",
            "audiences", "methods", "targets", "openToChange", "fixed", "decisionDate", "decisionMaker", "opensOn",
            "closesOn", "provisions", "languages", "venues", "priorWork");

    private static final List<String> USER_FIELDS = List.of("enabled", "roles", "agencyId", "email", "password",
            "username", "currentPassword", "newPassword");
    private static final String PASSWORD = "a campaign's long password";

    private static ApplicationContext context;
    private static HttpClient client;
    private static World world;
    private static long existing;

    @BeforeContainer
    static void start() {
        // the campaign sends thousands of wrong passwords from one address: the sign-in limits (SignInSecurityIT) would
        // lock that address out of the later properties' sign-ins
        context = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                        "tracker.login-throttle.max-failures", 1_000_000, "tracker.login-throttle.address-max-failures", 1_000_000,
                        "tracker.login-throttle.username-max-failures", 1_000_000), "test")
                .getApplicationContext();
        client = context.createBean(HttpClient.class, context.getBean(EmbeddedServer.class).getURL());
        world = World.create(client);
        existing = world.register(world.consultation(LocalDate.now().plusMonths(2)));
    }

    @AfterContainer
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Property(tries = 400)
    void aGeneratedConsultationIsAcceptedOrRefusedCleanlyAndARefusalWritesNothing(@ForAll("payloads") Object body) throws Exception {
        long before = count("consultation");
        Api.Reply reply = body instanceof String raw
                ? world.officer.send(HttpRequest.POST("/api/consultations", raw).contentType(MediaType.APPLICATION_JSON_TYPE))
                : world.officer.post("/api/consultations", body);
        assertClean(reply);
        assertThat(count("consultation")).isEqualTo(reply.status() == 201 ? before + 1 : before);
    }

    @Property(tries = 300)
    void aGeneratedChangeIsAcceptedOrRefusedCleanlyAndARefusalWritesNothing(@ForAll("payloads") Object body) throws Exception {
        long before = count("consultation_history");
        Api.Reply reply = body instanceof String raw
                ? world.officer.send(HttpRequest.PATCH("/api/consultations/" + existing, raw).contentType(MediaType.APPLICATION_JSON_TYPE))
                : world.officer.patch("/api/consultations/" + existing, body);
        assertClean(reply);
        if (reply.status() >= 400) {
            assertThat(count("consultation_history")).isEqualTo(before);
        }
    }

    @Property(tries = 300)
    void aGeneratedQueryIsAnsweredWithoutA5xx(@ForAll("queries") String query) {
        assertClean(world.monitor.get("/api/consultations?" + query));
        assertClean(world.monitor.get("/api/organisations?" + query));
    }

    @Property(tries = 150)
    void aGeneratedOrganisationIsAcceptedOrRefusedCleanly(@ForAll("payloads") Object body) throws Exception {
        long before = count("organisation");
        Api.Reply reply = body instanceof String raw
                ? world.officer.send(HttpRequest.POST("/api/organisations", raw).contentType(MediaType.APPLICATION_JSON_TYPE))
                : world.officer.post("/api/organisations", body);
        assertClean(reply);
        assertThat(count("organisation")).isEqualTo(reply.status() == 201 ? before + 1 : before);
    }

    @Property(tries = 200)
    void aNameWithALineBreakControlOrBidiCharacterIsRefusedNamingTheFieldAndWritesNothing(
            @ForAll("spoiledNames") String name, @ForAll("singleLineFields") String field) throws Exception {
        long before = count("consultation");
        Map<String, Object> body = new LinkedHashMap<>(world.consultation(LocalDate.now().plusMonths(2)));
        boolean list = List.of("themes", "areas", "languages", "venues").contains(field);
        body.put(field, list ? List.of("Ordsall", name) : name);
        Api.Reply reply = world.officer.post("/api/consultations", body);
        assertClean(reply);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(fields(reply)).as(reply.toString()).contains(list ? field + "[1]" : field);
        assertThat(count("consultation")).isEqualTo(before);

        long organisations = count("organisation");
        Api.Reply organisation = world.officer.post("/api/organisations", Map.of("name", name, "kind", "COMMUNITY_GROUP",
                "emails", List.of("spoiled@example.org"), "areas", List.of("Ordsall")));
        assertThat(organisation.status()).as(organisation.toString()).isEqualTo(422);
        assertThat(fields(organisation)).contains("name");
        assertThat(count("organisation")).isEqualTo(organisations);
    }

    @Property(tries = 150)
    void aBidiOverrideInTextOfSeveralLinesIsRefusedNamingTheField(@ForAll("spoiledNames") String text) throws Exception {
        String spoiled = text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                || text.chars().anyMatch(c -> c >= 0x7f) ? text : text + "\u202E";
        long before = count("consultation");
        Map<String, Object> body = new LinkedHashMap<>(world.consultation(LocalDate.now().plusMonths(2)));
        body.put("summary", "We plan new homes.\n" + spoiled);
        Api.Reply reply = world.officer.post("/api/consultations", body);
        assertClean(reply);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(fields(reply)).contains("summary");
        assertThat(count("consultation")).isEqualTo(before);
    }

    @Property(tries = 150)
    void aFarDateIsRefusedNamingTheFieldAndWritesNothing(@ForAll("farDates") LocalDate date,
                                                        @ForAll("dateFields") String field) throws Exception {
        long before = count("consultation");
        Map<String, Object> body = new LinkedHashMap<>(world.consultation(LocalDate.now().plusMonths(2)));
        body.put(field, date.toString());
        Api.Reply reply = world.officer.post("/api/consultations", body);
        assertClean(reply);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(fields(reply)).as(reply.toString()).contains(field);
        assertThat(count("consultation")).isEqualTo(before);

        Api.Reply changed = world.officer.patch("/api/consultations/" + existing, Map.of(field, date.toString()));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(422);
        assertThat(world.officer.get("/programme.ics").body()).doesNotContain("+1000");
    }

    /** Letters with one character a name must not hold: a line break, tab, control, or invisible formatting. */
    @Provide
    Arbitrary<String> spoiledNames() {
        Arbitrary<Character> bad = Arbitraries.oneOf(
                Arbitraries.chars().range('\u0000', '\u001f'),
                Arbitraries.chars().range('\u007f', '\u009f'),
                Arbitraries.chars().range('\u202a', '\u202e'),
                Arbitraries.chars().range('\u2066', '\u2069'),
                Arbitraries.of('\u200b', '\u200e', '\u200f'),
                Arbitraries.of('\ufeff', '\u2028', '\u2029', '\u061c'));
        return Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30), bad,
                Arbitraries.integers().between(0, 30)).as((word, c, at) -> {
                    int i = Math.min(at, word.length());
                    return word.substring(0, i) + c + word.substring(i);
                });
    }

    @Provide
    Arbitrary<String> singleLineFields() {
        return Arbitraries.of("title", "leadOfficer", "decisionMaker", "themes", "areas", "languages", "venues");
    }

    /** Dates Java reads but no consultation has: before 1900 or after 2100. */
    @Provide
    Arbitrary<LocalDate> farDates() {
        Arbitrary<Integer> years = Arbitraries.oneOf(Arbitraries.integers().between(1, 1899),
                Arbitraries.integers().between(2101, 9999), Arbitraries.of(9999, 1899, 2101));
        return Combinators.combine(years, Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 28))
                .as(LocalDate::of);
    }

    @Provide
    Arbitrary<String> dateFields() {
        return Arbitraries.of("opensOn", "closesOn", "decisionDate");
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Api.Reply reply) {
        Object errors = reply.json().get("errors");
        return errors == null ? List.of() : ((List<Map<String, Object>>) errors).stream()
                .map(e -> String.valueOf(e.get("field"))).toList();
    }

    private static void assertClean(Api.Reply reply) {
        net.jqwik.api.statistics.Statistics.collect(reply.status());
        assertThat(reply.status()).as(reply.toString()).isLessThan(500);
        if (reply.status() >= 400) {
            assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        }
    }

    @Provide
    Arbitrary<Object> payloads() {
        Arbitrary<Object> objects = Arbitraries.maps(Arbitraries.of(FIELDS).injectDuplicates(0.0), values())
                .ofMaxSize(FIELDS.size()).map(m -> (Object) new LinkedHashMap<>(m));
        Arbitrary<Object> garbage = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.of("{", "[]", "null", "true", "{\"title\":", "{\"title\": \"a\",}", "\u0000",
                        "{\"opensOn\": \"2027-02-30\"}", "{\"targets\": {\"organisationIds\": [\"x\"]}}",
                        "{\"methods\": [\"CARRIER_PIGEON\"]}", "{\"title\": " + "9".repeat(400) + "}"))
                .map(s -> (Object) s);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, objects),
                net.jqwik.api.Tuple.of(2, garbage),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(null).map(x -> (Object) validWithOneBadField())));
    }

    private static Arbitrary<Object> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60).map(s -> (Object) s),
                Arbitraries.strings().ofMinLength(300).ofMaxLength(25_000).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null),
                Arbitraries.of("2027-02-28", "2027-02-30", "28/02/2027", "", "2027-13-01", "9999-12-31", "0000-01-01")
                        .map(s -> (Object) s),
                Arbitraries.strings().ofMaxLength(20).list().ofMaxSize(8).map(l -> (Object) l),
                Arbitraries.of("ONLINE_SURVEY", "BRAILLE", "OLDER_PEOPLE", "nope").list().ofMaxSize(5).map(l -> (Object) l),
                Arbitraries.longs().list().ofMaxSize(4).map(l -> (Object) l),
                Combinators.combine(Arbitraries.longs().list().ofMaxSize(3), Arbitraries.strings().ofMaxLength(30))
                        .as((ids, s) -> (Object) Map.of("organisationIds", ids, "relatedIds", ids, "statement", s, "areas", List.of(s))));
    }

    private static Map<String, Object> validWithOneBadField() {
        Map<String, Object> body = new LinkedHashMap<>(world.consultation(LocalDate.now().plusMonths(2)));
        List<String> keys = new ArrayList<>(body.keySet());
        String key = keys.get((int) (Math.random() * keys.size()));
        body.put(key, Math.random() < 0.5 ? Map.of("nested", List.of(1, 2)) : 12345);
        return body;
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> keys = Arbitraries.of("status", "agency", "from", "to", "page", "size", "area", "interest",
                "community", "x");
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("OPEN", "open", "-1", "0", "501", "99999999999999999999", "2027-02-30", "2027-01-01"));
        return Combinators.combine(keys, values).as((k, v) -> k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))
                .list().ofMaxSize(5).map(parts -> String.join("&", parts));
    }

    // The routes of sign-in and users (issue 15): generated bodies never get a 5xx, and a refusal changes nothing.

    @Property(tries = 150)
    void aGeneratedUserChangeIsAcceptedOrRefusedCleanlyAndARefusalChangesNothing(@ForAll("userBodies") Object body)
            throws Exception {
        long id = newUser();
        String before = userRow(id);
        Api.Reply reply = body instanceof String raw
                ? world.admin.send(HttpRequest.PATCH("/api/users/" + id, raw).contentType(MediaType.APPLICATION_JSON_TYPE))
                : world.admin.patch("/api/users/" + id, body);
        assertClean(reply);
        assertThat(reply.status()).as(reply.toString()).isIn(200, 400, 422);
        if (reply.status() != 200) {
            assertThat(userRow(id)).as("a refused change changes nothing").isEqualTo(before);
        }
    }

    @Property(tries = 100)
    void aGeneratedPasswordChangeIsAcceptedOrRefusedCleanlyAndARefusalChangesNothing(@ForAll("userBodies") Object body)
            throws Exception {
        long id = newUser();
        Api user = Api.login(client, NAMES.get(id), PASSWORD);
        String before = userRow(id);
        Api.Reply reply = body instanceof String raw
                ? user.send(HttpRequest.POST("/api/users/me/password", raw).contentType(MediaType.APPLICATION_JSON_TYPE))
                : user.post("/api/users/me/password", body);
        assertClean(reply);
        assertThat(reply.status()).as(reply.toString()).isIn(204, 400, 422);
        if (reply.status() != 204) {
            assertThat(userRow(id)).as("a refused change changes nothing").isEqualTo(before);
            assertThat(user.get("/api/users").status()).as("and ends no session").isEqualTo(200);
        }
    }

    @Property(tries = 200)
    void aGeneratedSignInIsAnsweredWithoutA5xxAndSignsNobodyIn(@ForAll("userBodies") Object body,
                                                               @ForAll boolean form) {
        Api.Reply reply;
        if (form) {
            String encoded = body instanceof Map<?, ?> map ? map.entrySet().stream()
                    .map(e -> URLEncoder.encode(String.valueOf(e.getKey()), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                    .reduce((a, b) -> a + "&" + b).orElse("") : String.valueOf(body);
            reply = Api.anonymous(client).send(HttpRequest.POST("/login", encoded)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        } else {
            reply = body instanceof String raw
                    ? Api.anonymous(client).send(HttpRequest.POST("/login", raw).contentType(MediaType.APPLICATION_JSON_TYPE))
                    : Api.anonymous(client).send(HttpRequest.POST("/login", body));
        }
        assertThat(reply.status()).as(reply.toString()).isLessThan(500).isNotEqualTo(200);
        assertThat(reply.body() == null ? "" : reply.body()).doesNotContain("access_token");
    }

    @Property(tries = 150)
    void aGeneratedContactLinkTokenIsRefusedWithoutA5xx(@ForAll("tokens") String token, @ForAll boolean confirm,
                                                        @ForAll boolean post) throws Exception {
        String path = "/o/contacts/" + (confirm ? "confirm" : "undo");
        long before = count("organisation_change");
        Api.Reply reply = post
                ? Api.anonymous(client).send(HttpRequest.POST(path, "t=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE))
                : Api.anonymous(client).get(path + "?t=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(reply.status()).as(reply.toString()).isBetween(400, 499);
        assertThat(count("organisation_change")).isEqualTo(before);
    }

    @Provide
    Arbitrary<Object> userBodies() {
        Arbitrary<Object> values = Arbitraries.oneOf(values(),
                Arbitraries.of(PASSWORD, "qwerty123456", "short", "x".repeat(201), "a new long campaign password",
                        "line\nbreak password", "OFFICER", "ADMIN", "MONITOR", "nope@", "a@example.org").map(v -> (Object) v),
                Arbitraries.of("OFFICER", "ADMIN", "MONITOR", "nope", "").list().ofMaxSize(4).map(l -> (Object) l));
        Arbitrary<Object> objects = Arbitraries.maps(Arbitraries.of(USER_FIELDS), values).ofMaxSize(5)
                .map(m -> (Object) new LinkedHashMap<>(m));
        Arbitrary<Object> garbage = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(100),
                Arbitraries.of("{", "[]", "null", "{\"enabled\": \"maybe\"}", "{\"roles\": \"ADMIN\"}",
                        "{\"agencyId\": 99999999999999999999}", "{\"password\": null}", "\u0000",
                        "{\"username\":\"admin\",\"username\":\"x\",\"password\":\"y\"}")).map(s -> (Object) s);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(7, objects), net.jqwik.api.Tuple.of(3, garbage));
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withCharRange('A', 'z').ofMaxLength(60).map(s -> s + "." + s),
                Arbitraries.of("", ".", "..", "a.b", "eyJ.eyJ", "%zz", "x".repeat(2500)));
    }

    /** A new officer, signed in as {@code "campaign-" + id} cannot be known before: the names are kept by id. */
    private static final Map<Long, String> NAMES = new java.util.concurrent.ConcurrentHashMap<>();

    private static long newUser() {
        String name = "campaign-" + System.nanoTime();
        Api.Reply created = world.admin.post("/api/users", Map.of("username", name, "password", PASSWORD,
                "email", name + "@example.org", "agencyId", world.agencyId, "roles", List.of("OFFICER")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        NAMES.put(created.id(), name);
        return created.id();
    }

    /** Everything stored of a user, as one string. */
    private static String userRow(long id) throws Exception {
        DataSource ds = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT username, password_hash, email, agency_id, roles, enabled, "
                     + "session_version FROM app_user WHERE id = " + id)) {
            assertThat(rs.next()).isTrue();
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= 7; i++) {
                row.append(rs.getString(i)).append('|');
            }
            return row.toString();
        }
    }

    private static long count(String table) throws Exception {
        DataSource ds = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
