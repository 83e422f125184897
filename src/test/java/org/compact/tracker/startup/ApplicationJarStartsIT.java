package org.compact.tracker.startup;

import org.compact.tracker.support.Ports;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The README's way to run the service: the jar that {@code package} built, started with {@code java -jar} in an empty
 * folder on its embedded defaults, answers /health, signs the admin in and serves the API. Every other test runs on
 * the test classpath, where a dependency the jar lacks is still there: a change to the build that left Jackson's
 * databind out of the jar (so that it could not start) passed all of them.
 */
class ApplicationJarStartsIT {
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void theBuiltJarStartsOnItsEmbeddedDefaultsAndSignsTheAdminIn() throws Exception {
        assumeFalse("true".equals(System.getProperty("tracker.test.postgres")), "the jar runs on its embedded H2; once is enough");
        Path jar = Path.of("target", "consultation-tracker.jar").toAbsolutePath();
        assertThat(jar).as("package builds the jar before the integration tests").exists();
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "jar-start-");
        int port = Ports.free();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx320m", "-XX:+UseSerialGC",
                "-jar", jar.toString()))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("TRACKER_") || k.startsWith("MICRONAUT_"));
        builder.environment().put("TRACKER_PORT", String.valueOf(port));
        builder.environment().put("TRACKER_ADMIN_PASSWORD", "a password for the jar test");
        Process service = builder.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI base = URI.create("http://127.0.0.1:" + port);
            Instant until = Instant.now().plus(Duration.ofSeconds(120));
            int health = 0;
            while (health != 200 && Instant.now().isBefore(until) && service.isAlive()) {
                try {
                    health = http.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (java.io.IOException notYet) {
                    Thread.sleep(250);
                }
            }
            assertEquals(200, health, () -> "the jar did not start: " + log(dir));

            HttpResponse<String> login = http.send(HttpRequest.newBuilder(base.resolve("/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"admin\",\"password\":\"a password for the jar test\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login::body);
            Matcher token = TOKEN.matcher(login.body());
            assertThat(token.find()).isTrue();
            HttpResponse<String> users = http.send(HttpRequest.newBuilder(base.resolve("/api/users"))
                    .header("Authorization", "Bearer " + token.group(1)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, users.statusCode(), users::body);
            assertThat(users.body()).contains("\"admin\"");
            assertThat(dir.resolve("data")).as("the H2 database under ./data, as the README says").isDirectory();
        } finally {
            service.destroy();
            service.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            service.destroyForcibly();
        }
    }

    private static String log(Path dir) {
        try {
            String log = Files.readString(dir.resolve("service.log"));
            return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
