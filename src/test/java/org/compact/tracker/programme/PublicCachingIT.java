package org.compact.tracker.programme;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.compact.tracker.support.RegisterStamp;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The public answers (the programme's page and feeds, results pages, the public compliance summary) are tagged from
 * the register stamp and the day, may be kept five minutes, and a client whose copy is current gets 304: calendar
 * programs and feed readers that poll them do not make the service build the whole answer again.
 */
@MicronautTest(environments = "sim", transactional = false)
@Property(name = "tracker.jobs.enabled", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicCachingIT {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    RegisterStamp stamp;

    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;

    World world;
    Timeline timeline;
    long library;

    @BeforeAll
    void aConsultationWithPublishedResults() {
        world = World.create(client);
        timeline = new Timeline(world);
        timeline.moveTo(LocalDate.of(2027, 1, 4));
        library = timeline.register(world.officer, LocalDate.of(2027, 2, 8), "Library hours",
                "When should Kersal library open?", List.of("libraries"), List.of("Kersal"));
        timeline.notify(world.officer, library);
        timeline.moveTo(LocalDate.of(2027, 2, 8));
        timeline.moveTo(LocalDate.of(2027, 5, 4));
        timeline.feedback(world.officer, library, "You told us the library should open on Sundays.",
                "We will open on Sundays from June.", "PARTLY_CHANGED", "Later hours cost too much.",
                Map.of("ONLINE_SURVEY", 180), List.of(Timeline.action("Open on Sundays", world.officerName,
                        LocalDate.of(2027, 6, 1))));
    }

    List<String> routes() {
        return List.of("/programme", "/programme?status=OPEN&theme=libraries", "/programme.ics",
                "/programme.ics?year=2027", "/programme.atom", "/programme.csv", "/api/programme",
                "/api/programme?agency=" + world.agencyId, "/results/" + library, "/api/compliance/public");
    }

    @Test
    void eachPublicAnswerHasAStrongTagAndMayBeKeptFiveMinutesKeepingItsSecurityHeaders() {
        for (String route : routes()) {
            HttpResponse<String> r = exchange(HttpRequest.GET(route));
            assertEquals(200, r.code(), route);
            assertThat(r.header("ETag")).as(route).matches("\"[A-Za-z0-9_-]+\"");
            assertThat(r.header("Cache-Control")).as(route).isEqualTo("public, max-age=300");
            assertThat(r.header("Content-Security-Policy")).as(route).isNotBlank();
            assertThat(r.header("X-Content-Type-Options")).as(route).isEqualTo("nosniff");
        }
        assertNotEquals(exchange(HttpRequest.GET("/programme.ics")).header("ETag"),
                exchange(HttpRequest.GET("/programme.ics?year=2027")).header("ETag"), "each query has its own tag");
        assertNotEquals(exchange(HttpRequest.GET("/programme.ics")).header("ETag"),
                exchange(HttpRequest.GET("/programme.csv")).header("ETag"), "each format has its own tag");
    }

    @Test
    void aClientWithTheCurrentCopyGets304WithoutABody() {
        for (String route : routes()) {
            String etag = exchange(HttpRequest.GET(route)).header("ETag");
            for (String ifNoneMatch : List.of(etag, "W/" + etag, "\"old\", " + etag, "*")) {
                HttpResponse<String> r = exchange(HttpRequest.GET(route).header("If-None-Match", ifNoneMatch));
                assertEquals(304, r.code(), route + " If-None-Match: " + ifNoneMatch);
                assertThat(r.getBody(String.class).orElse("")).as(route).isEmpty();
                assertEquals(etag, r.header("ETag"), route);
                assertEquals("public, max-age=300", r.header("Cache-Control"), route);
            }
            HttpResponse<String> other = exchange(HttpRequest.GET(route).header("If-None-Match", "\"old\""));
            assertEquals(200, other.code(), route);
            assertThat(other.body()).as(route).isNotEmpty();
        }
    }

    @Test
    void aTagDoesNotStandForAnAnswerThatIsNotThere() {
        HttpResponse<String> missing = exchange(HttpRequest.GET("/results/999999").header("If-None-Match", "*"));
        assertEquals(404, missing.code());
        assertThat(missing.header("ETag")).isNull();
        HttpResponse<String> bad = exchange(HttpRequest.GET("/programme.ics?year=nineteen").header("If-None-Match", "*"));
        assertEquals(422, bad.code());
    }

    @Test
    void aChangeToTheRegisterGivesTheNextConditionalRequestTheNewAnswer() {
        Map<String, String> before = tags();
        long play = timeline.register(world.officer, LocalDate.of(2027, 9, 6), "Kersal play areas",
                "New play equipment for Kersal's parks.", List.of("parks"), List.of("Kersal"));
        timeline.notify(world.officer, play);
        for (String route : List.of("/programme", "/programme.ics", "/programme.atom", "/programme.csv",
                "/api/programme")) {
            HttpResponse<String> r = exchange(HttpRequest.GET(route).header("If-None-Match", before.get(route)));
            assertEquals(200, r.code(), route);
            assertNotEquals(before.get(route), r.header("ETag"), route);
            assertThat(r.body()).as(route).contains("Kersal play areas");
        }
        for (String route : List.of("/results/" + library, "/api/compliance/public")) {
            HttpResponse<String> r = exchange(HttpRequest.GET(route).header("If-None-Match", before.get(route)));
            assertEquals(200, r.code(), route);
            assertNotEquals(before.get(route), r.header("ETag"), route);
        }

        Map<String, String> afterRegistering = tags();
        timeline.withdraw(world.officer, play, "The parks budget moved to next year.");
        HttpResponse<String> ics = exchange(HttpRequest.GET("/programme.ics")
                .header("If-None-Match", afterRegistering.get("/programme.ics")));
        assertEquals(200, ics.code());
        assertThat(ics.body()).contains("STATUS:CANCELLED");
    }

    @Test
    void aNewDayGivesNewTagsThoughTheRegisterDidNotChange() {
        LocalDate today = world.today();
        Map<String, String> before = tags();
        long stampBefore = stamp.current();

        setClock(today, LocalTime.of(17, 0));
        assertEquals(before, tags(), "later the same day, the same answers");

        setClock(today.plusDays(1), LocalTime.of(0, 30));
        assertEquals(stampBefore, stamp.current(), "nothing in the register moved");
        Map<String, String> after = tags();
        for (String route : before.keySet()) {
            assertNotEquals(before.get(route), after.get(route), route);
            HttpResponse<String> r = exchange(HttpRequest.GET(route).header("If-None-Match", before.get(route)));
            assertEquals(200, r.code(), route);
        }
    }

    @Test
    void headAnswersTheSameHeadersWithoutABody() {
        for (String route : routes()) {
            HttpResponse<String> get = exchange(HttpRequest.GET(route));
            HttpResponse<String> head = exchange(HttpRequest.HEAD(route));
            assertEquals(200, head.code(), route);
            assertThat(head.getBody(String.class).orElse("")).as(route).isEmpty();
            for (String name : List.of("ETag", "Cache-Control", "Content-Type", "Content-Security-Policy",
                    "X-Content-Type-Options")) {
                assertEquals(get.header(name), head.header(name), route + " " + name);
            }
            HttpResponse<String> conditional = exchange(HttpRequest.HEAD(route)
                    .header("If-None-Match", get.header("ETag")));
            assertEquals(304, conditional.code(), route);
        }
    }

    @Test
    void aSecondRequestUnderTheSameTagIsSentTheKeptBytesNotABuildOfThem() {
        LocalDate today = world.today();
        setClock(today, LocalTime.of(9, 0));
        List<String> routes = routes().stream().filter(r -> !r.equals("/api/compliance/public")).toList();
        Map<String, byte[]> first = new java.util.LinkedHashMap<>();
        for (String route : routes) {
            first.put(route, bytes(HttpRequest.GET(route)));
        }
        // Later the same day: a calendar built now would carry a later DTSTAMP, and the compliance summary a later
        // generatedAt; the tag is the same, so the kept bytes are what is sent.
        setClock(today, LocalTime.of(16, 45));
        for (String route : routes) {
            assertThat(bytes(HttpRequest.GET(route))).as(route).isEqualTo(first.get(route));
        }
        String nine = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .format(today.atTime(9, 0).atZone(World.LONDON).toInstant().atZone(java.time.ZoneOffset.UTC));
        assertThat(new String(bytes(HttpRequest.GET("/programme.ics")), java.nio.charset.StandardCharsets.UTF_8))
                .as("built at 09:00, sent at 16:45").contains("DTSTAMP:" + nine);
    }

    @Test
    void aChangeMadeThroughTheApiIsInTheNextPlainRequestOfEveryProgrammeAnswer() {
        long pool = timeline.register(world.officer, LocalDate.of(2027, 10, 4), "Ordsall pool hours",
                "When should Ordsall pool open?", List.of("leisure"), List.of("Ordsall"));
        List<String> routes = List.of("/programme", "/programme.ics", "/programme.atom", "/programme.csv",
                "/api/programme", "/api/programme?agency=" + world.agencyId);
        for (String route : routes) {
            String body = exchange(HttpRequest.GET(route)).body();
            assertThat(body).as(route).contains("Ordsall pool hours").doesNotContain("Ordsall swimming pool");
            assertThat(exchange(HttpRequest.GET(route)).body()).as(route + ", kept").isEqualTo(body);
        }

        var changed = world.officer.patch("/api/consultations/" + pool, Map.of("title", "Ordsall swimming pool hours"));
        assertEquals(200, changed.status(), changed::toString);

        for (String route : routes) {
            HttpResponse<String> r = exchange(HttpRequest.GET(route));
            assertEquals(200, r.code(), route);
            assertThat(r.body()).as(route).contains("Ordsall swimming pool hours").doesNotContain("Ordsall pool hours");
            HttpResponse<String> head = exchange(HttpRequest.HEAD(route));
            assertEquals(r.header("ETag"), head.header("ETag"), route + " HEAD");
        }
    }

    @Test
    void eachFilterHasItsOwnBodyAndOneFilterSpelledTwoWaysShares() {
        String libraries = exchange(HttpRequest.GET("/programme.ics?theme=libraries")).body();
        String parks = exchange(HttpRequest.GET("/programme.ics?theme=parks&year=2027")).body();
        String all = exchange(HttpRequest.GET("/programme.ics")).body();
        assertThat(libraries).contains("Library hours").doesNotContain("Kersal play areas");
        assertThat(parks).doesNotContain("Library hours");
        assertThat(all).contains("Library hours");
        assertNotEquals(libraries, parks);
        assertNotEquals(libraries, all);

        HttpResponse<String> oneWay = exchange(HttpRequest.GET("/api/programme?status=FEEDBACK_GIVEN&theme=libraries"));
        HttpResponse<String> otherWay = exchange(HttpRequest.GET("/api/programme?theme=libraries&status=FEEDBACK_GIVEN"));
        assertEquals(oneWay.body(), otherWay.body());
        assertThat(oneWay.body()).contains("Library hours");
        assertNotEquals(oneWay.header("ETag"), otherWay.header("ETag"), "the tag is of the address as sent");
    }

    @Test
    void aHeadForAnAnswerNotYetKeptAnswersItsHeadersAndTheGetAfterItTheBody() {
        String route = "/programme.csv?theme=libraries&year=2027";
        HttpResponse<String> head = exchange(HttpRequest.HEAD(route));
        assertEquals(200, head.code());
        assertThat(head.getBody(String.class).orElse("")).isEmpty();
        HttpResponse<String> get = exchange(HttpRequest.GET(route));
        assertEquals(200, get.code());
        assertEquals(head.header("ETag"), get.header("ETag"));
        assertEquals(head.header("Content-Type"), get.header("Content-Type"));
        assertEquals(head.header("Content-Disposition"), get.header("Content-Disposition"));
        assertThat(get.body()).contains("Library hours");
    }

    @Test
    void aClientThatAcceptsGzipIsSentTheBodyGzippedOnceUnderATagOfItsOwn() throws Exception {
        java.net.http.HttpClient jdk = java.net.http.HttpClient.newHttpClient();
        for (String route : List.of("/programme", "/programme.ics", "/programme.atom?theme=libraries",
                "/programme.csv", "/api/programme", "/results/" + library)) {
            var plain = jdk.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve(route)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            var zipped = jdk.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve(route))
                    .header("Accept-Encoding", "br;q=1.0, gzip;q=0.8").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, zipped.statusCode(), route);
            assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(null), route);
            assertThat(zipped.headers().allValues("Vary")).as(route).contains("Accept-Encoding");
            assertThat(plain.headers().firstValue("Content-Encoding")).as(route).isEmpty();
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
                assertThat(in.readAllBytes()).as(route + ", gzipped once").isEqualTo(plain.body());
            }
            String plainTag = plain.headers().firstValue("ETag").orElseThrow();
            String zippedTag = zipped.headers().firstValue("ETag").orElseThrow();
            assertEquals(plainTag.substring(0, plainTag.length() - 1) + "-gzip\"", zippedTag, route);
            var again = jdk.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve(route))
                    .header("Accept-Encoding", "gzip").header("If-None-Match", zippedTag).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(304, again.statusCode(), route);
            assertThat(again.headers().allValues("Vary")).as(route + ", 304 as its 200").contains("Accept-Encoding");
            var refused = jdk.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve(route))
                    .header("Accept-Encoding", "gzip;q=0").build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(refused.headers().firstValue("Content-Encoding")).as(route).isEmpty();
            assertThat(refused.body()).as(route).isEqualTo(plain.body());
        }
    }

    private byte[] bytes(MutableHttpRequest<?> request) {
        HttpResponse<byte[]> r = client.toBlocking().exchange(request, byte[].class);
        assertEquals(200, r.code(), request.getPath());
        return r.body();
    }

    private Map<String, String> tags() {
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        for (String route : List.of("/programme", "/programme.ics", "/programme.atom", "/programme.csv",
                "/api/programme", "/results/" + library, "/api/compliance/public")) {
            HttpResponse<String> r = exchange(HttpRequest.GET(route));
            assertEquals(200, r.code(), route);
            tags.put(route, r.header("ETag"));
        }
        return tags;
    }

    private void setClock(LocalDate day, LocalTime time) {
        var reply = world.admin.put("/api/sim/clock",
                Map.of("now", day.atTime(time).atZone(World.LONDON).toInstant().toString()));
        assertEquals(200, reply.status(), reply::toString);
    }

    private HttpResponse<String> exchange(MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> response = (HttpResponse<String>) e.getResponse();
            return response;
        }
    }
}
