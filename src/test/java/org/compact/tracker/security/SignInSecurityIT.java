package org.compact.tracker.security;

import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Only the documented sign-ins (a bearer token from {@code POST /login}, the pages' cookie), and one throttle for
 * every way a password is presented, counting the name that was checked. Each test plays an outsider who found a way
 * around the throttle on the service as it was: HTTP Basic on every route, a form-encoded {@code POST /login}
 * counted under "", a username sent twice, a guesser locking the owner out. The default limits (5 per username and
 * address in 15 minutes, 20 per username in an hour, 20 per address in 15 minutes); as behind a proxy that appends
 * the client's address to X-Forwarded-For, so each test speaks from addresses of its own.
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInSecurityIT implements TestPropertyProvider {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String PASSWORD = "the-owners-own-password";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    World world;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("tracker.client-address-header", "X-Forwarded-For");
    }

    @BeforeAll
    void setUp() {
        world = World.create(client);
    }

    @Test
    void basicCredentialsNeverSignInAndNoAnswerAsksForThem() {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/api/users")).GET());
        assertEquals(401, anonymous.statusCode());
        assertThat(anonymous.headers().allValues("WWW-Authenticate")).noneMatch(c -> c.toLowerCase().startsWith("basic"));

        HttpResponse<String> basic = send(HttpRequest.newBuilder(uri("/api/users")).GET()
                .header("Authorization", basic("admin", Api.ADMIN_PASSWORD)));
        assertEquals(401, basic.statusCode(), "the admin's right password, sent as Basic, is not a sign-in");
        assertThat(basic.headers().allValues("WWW-Authenticate")).noneMatch(c -> c.toLowerCase().startsWith("basic"));
    }

    @Test
    void twentyWrongBasicGuessesThenTheRightOneAreAllRefused() {
        String owner = newUser();
        for (int i = 0; i < 20; i++) {
            assertEquals(401, send(HttpRequest.newBuilder(uri("/api/users")).GET().header("X-Forwarded-For", "192.0.2.1")
                    .header("Authorization", basic(owner, "guess " + i))).statusCode());
        }
        HttpResponse<String> right = send(HttpRequest.newBuilder(uri("/api/users")).GET().header("X-Forwarded-For", "192.0.2.1")
                .header("Authorization", basic(owner, PASSWORD)));
        assertEquals(401, right.statusCode(), "Basic goes round the throttle no more: it is not a sign-in at all");
    }

    @Test
    void aPageFormSentWithBasicCredentialsStillNeedsItsCsrfEcho() {
        long id = world.register(world.consultation(LocalDate.now().plusMonths(3)));
        String officer = world.officerName;
        String password = "officer-password-" + officer.replace("olivia", "");
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        String csrf = csrfOf(send(browser, HttpRequest.newBuilder(uri("/sign-in")).header("Accept", "text/html").GET()).body());
        HttpResponse<String> signedIn = send(browser, form(uri("/sign-in"),
                Map.of("username", officer, "password", password, "_csrf", csrf)));
        assertEquals(303, signedIn.statusCode(), signedIn::body);

        HttpResponse<String> forged = send(browser, form(uri("/consultations/" + id + "/withdraw"),
                Map.of("reason", "Forged by another site")).header("Authorization", basic(officer, password)));

        assertEquals(403, forged.statusCode(), () -> "a Basic header does not excuse a form from its CSRF echo: "
                + forged.headers().map() + forged.body());
        assertEquals("PLANNED", world.officer.get("/api/consultations/" + id).at("status"));
    }

    @Test
    void formEncodedGuessesCountUnderTheUsernameTheyCheck() {
        String owner = newUser();
        for (int i = 0; i < 20; i++) {
            assertEquals(401, formLogin(address(), owner, "guess " + i).status());
        }
        assertEquals(401, login(address(), owner, PASSWORD).status(),
                "twenty form-encoded guesses from twenty addresses lock the username, as twenty JSON ones do");
    }

    @Test
    void fiveFormEncodedGuessesFromOneAddressStopThatGuesserOnly() {
        String owner = newUser();
        String guesser = address();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, formLogin(guesser, owner, "guess " + i).status());
        }
        assertEquals(401, login(guesser, owner, PASSWORD).status(), "the right password from the guesser's address");
        assertEquals(200, login(guesser, newUser(), PASSWORD).status(),
                "another user behind the same address: five failures lock the pair, not the address");
        assertEquals(200, login(address(), owner, PASSWORD).status(), "the owner, from elsewhere");
    }

    @Test
    void aUsernameSentTwiceIsCountedAsTheOneThatWasChecked() {
        String owner = newUser();
        Api.Reply which = twice(address(), owner, "decoy-" + SEQ.incrementAndGet(), PASSWORD);
        assertEquals(200, which.status(), "the first username is the one checked: " + which);
        for (int i = 0; i < 20; i++) {
            assertEquals(401, twice(address(), owner, "decoy-" + SEQ.incrementAndGet(), "guess " + i).status());
        }
        assertEquals(401, login(address(), owner, PASSWORD).status(),
                "the twenty guesses checked against the owner were counted against the owner");
    }

    @Test
    void aGuesserAtOneAddressDoesNotLockTheOwnerOutAtAnother() {
        String owner = newUser();
        String guesser = address();
        Api.Reply wrong = login(guesser, owner, "guess");
        for (int i = 0; i < 4; i++) {
            assertEquals(401, login(guesser, owner, "guess " + i).status());
        }
        Api.Reply locked = login(guesser, owner, PASSWORD);
        assertEquals(401, locked.status(), "the guesser is stopped, even with the right password");
        assertEquals(wrong.body(), locked.body(), "a locked attempt answers as a wrong password does");

        assertEquals(200, login(address(), owner, PASSWORD).status(), "the owner signs in from another address");
    }

    @Test
    void twentyFailuresFromManyAddressesLockTheUsername() {
        String owner = newUser();
        for (int i = 0; i < 19; i++) {
            assertEquals(401, login(address(), owner, "guess " + i).status());
        }
        assertEquals(200, login(address(), owner, PASSWORD).status(), "nineteen failures, one per address, lock nothing");
        assertEquals(401, login(address(), owner, "guess 19").status());
        assertEquals(401, login(address(), owner, PASSWORD).status(),
                "the twentieth failure locks the username from every address, for an hour by default");
    }

    @Test
    void aUsernameIsCountedWhateverItsCaseOrCompatibilityForm() {
        String owner = newUser();
        String guesser = address();
        List<String> spellings = List.of(owner, owner.toUpperCase(), " " + owner + " ", fullWidth(owner), owner);
        for (String spelling : spellings) {
            assertEquals(401, login(guesser, spelling, "guess").status());
        }
        assertEquals(401, login(guesser, owner, PASSWORD).status(), "five spellings, one username, one count");
        assertEquals(200, login(guesser, newUser(), PASSWORD).status(),
                "what locked is the username at this address, not the address");
    }

    private String newUser() {
        String name = "owner" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        Api.Reply created = world.admin.post("/api/users", Map.of("username", name, "password", PASSWORD,
                "email", name + "@example.org", "agencyId", world.agencyId, "roles", List.of("OFFICER")));
        assertEquals(201, created.status(), created::toString);
        return name;
    }

    /** A fresh client address (TEST-NET-3), as the proxy would write it. */
    private static String address() {
        int n = SEQ.incrementAndGet();
        return "203.0." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    @Test
    void aUsernameNoUserCanHaveIsAWrongSignInNotAFault() {
        // PostgreSQL refuses a NUL in a query outright: the sign-in answered 500 (found by BadInputCampaignIT)
        for (String name : new String[] {"ad\u0000min", "admin\n", "x".repeat(5000)}) {
            assertEquals(401, formLogin(address(), name, "a guess").status(), name);
            assertEquals(401, login(address(), name, "a guess").status(), name);
        }
    }

    private Api.Reply login(String from, String username, String password) {
        return Api.anonymous(client).send(io.micronaut.http.HttpRequest.POST("/login",
                Map.of("username", username, "password", password)).header("X-Forwarded-For", from));
    }

    private Api.Reply formLogin(String from, String username, String password) {
        return Api.anonymous(client).send(io.micronaut.http.HttpRequest.POST("/login",
                        "username=" + enc(username) + "&password=" + enc(password))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).header("X-Forwarded-For", from));
    }

    /** A JSON body naming two usernames: {@code first} then {@code second}. */
    private Api.Reply twice(String from, String first, String second, String password) {
        String body = "{\"username\":\"" + first + "\",\"password\":\"" + password + "\",\"username\":\"" + second + "\"}";
        return Api.anonymous(client).send(io.micronaut.http.HttpRequest.POST("/login", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("X-Forwarded-For", from));
    }

    private static String fullWidth(String name) {
        StringBuilder out = new StringBuilder();
        name.chars().forEach(c -> out.append(Character.isLetterOrDigit(c) && c < 0x7f ? (char) (c - 0x20 + 0xFF00) : (char) c));
        return out.toString();
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return server.getURI().resolve(path);
    }

    private static HttpRequest.Builder form(URI uri, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return HttpRequest.newBuilder(uri).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF field in the sign-in page").isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(java.net.http.HttpClient.newHttpClient(), request);
    }

    private static HttpResponse<String> send(java.net.http.HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
