package org.compact.tracker.backup;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.compact.tracker.startup.RestoreCommand;
import org.compact.tracker.support.Api;
import org.compact.tracker.support.World;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A backup taken through {@code POST /api/admin/backup} while officers keep registering consultations restores, with
 * the restore command, into a fresh folder that a second service starts on and finds every consultation, delivery
 * and queued mail the manifest counted. The restore refuses a newer schema and a folder that is not empty. On the
 * PostgreSQL run the route answers 409 naming pg_dump.
 */
class BackupRestoreIT {
    private static final boolean POSTGRES = "true".equals(System.getProperty("tracker.test.postgres"));
    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    private static Map<String, Object> onH2File(Path folder) {
        Map<String, Object> props = new HashMap<>();
        props.put("datasources.default.url", "jdbc:h2:async:" + folder.toAbsolutePath().resolve("tracker")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        props.put("tracker.test.keep-url", "true");
        // No relay: the notices stay QUEUED, as they would during a mail server outage.
        props.put("tracker.jobs.enabled", "false");
        props.put("micronaut.server.port", -1);
        return props;
    }

    private static ApplicationContext service(Map<String, Object> props) {
        return ApplicationContext.run(EmbeddedServer.class, props, "test").getApplicationContext();
    }

    private static HttpClient client(ApplicationContext service) {
        return service.createBean(HttpClient.class, service.getBean(EmbeddedServer.class).getURL());
    }

    private static URI url(ApplicationContext service, String path) {
        return URI.create(service.getBean(EmbeddedServer.class).getURL() + path);
    }

    private static String token(HttpClient client, String username, String password) {
        return (String) client.toBlocking().retrieve(HttpRequest.POST("/login",
                Map.of("username", username, "password", password)), MAP).get("access_token");
    }

    /** The restore command run in-process, as {@code java -jar … restore} runs it: its exit code and output. */
    record Run(int exit, String out, String err) {
    }

    private static Run restore(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RestoreCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path freshFolder(String name) {
        return Path.of("target", "test-db", "backup-" + UUID.randomUUID(), name).toAbsolutePath();
    }

    @Test
    void aBackupTakenUnderLoadRestoresEveryConsultationDeliveryAndQueuedMail() throws Exception {
        assumeFalse(POSTGRES, "the embedded H2 database only; PostgreSQL is backed up with pg_dump");
        Path live = freshFolder("live");
        Path zip = live.getParent().resolve("backup.zip");
        List<Long> before = new ArrayList<>();
        Map<Long, Object> deliveries = new TreeMap<>();
        List<Long> registeredBeforeTheBackup = new ArrayList<>();
        List<Long> registeredDuringLoad = Collections.synchronizedList(new ArrayList<>());
        String officerName;
        String officerPassword;
        Map<String, Object> mailBefore;
        String disposition;
        String contentType;

        try (ApplicationContext first = service(onH2File(live))) {
            HttpClient client = client(first);
            World world = World.create(client);
            officerName = world.officerName;
            officerPassword = "officer-password-" + officerName.substring("olivia".length());
            LocalDate opensOn = LocalDate.now(World.LONDON).plusMonths(2);
            for (int i = 0; i < 4; i++) {
                long id = world.register(world.consultation(opensOn));
                before.add(id);
                if (i % 2 == 0) {
                    Api.Reply notified = world.officer.post("/api/consultations/" + id + "/notify");
                    assertEquals(200, notified.status(), notified::toString);
                    Object sent = world.officer.get("/api/consultations/" + id + "/deliveries").at("deliveries");
                    assertFalse(((List<?>) sent).isEmpty(), "notice went to the targeted organisations");
                    deliveries.put(id, sent);
                }
            }
            mailBefore = world.admin.get("/api/mail").json();
            assertTrue(((Number) mailBefore.get("queued")).longValue() > 0, "notices wait in the outbox");

            // An officer keeps registering consultations while the backup is taken.
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService writer = Executors.newSingleThreadExecutor();
            Future<Integer> writes = writer.submit(() -> {
                int n = 0;
                while (!stop.get()) {
                    registeredDuringLoad.add(world.register(world.consultation(opensOn)));
                    n++;
                }
                return n;
            });
            while (registeredDuringLoad.size() < 3) {
                Thread.sleep(20);
            }
            registeredBeforeTheBackup.addAll(before);
            registeredBeforeTheBackup.addAll(List.copyOf(registeredDuringLoad));
            java.net.http.HttpResponse<Path> backup;
            // Streamed to a file, as an operator's curl would, not gathered in memory.
            backup = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(url(first, "/api/admin/backup"))
                            .header("Authorization", "Bearer " + token(client, "admin", Api.ADMIN_PASSWORD))
                            .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), BodyHandlers.ofFile(zip));
            int duringBackup = registeredDuringLoad.size();
            while (registeredDuringLoad.size() < duringBackup + 2) {
                Thread.sleep(20);
            }
            stop.set(true);
            assertTrue(writes.get(60, TimeUnit.SECONDS) >= 5);
            writer.shutdown();
            assertEquals(200, backup.statusCode(), () -> read(zip));
            contentType = backup.headers().firstValue("Content-Type").orElse("");
            disposition = backup.headers().firstValue("Content-Disposition").orElse("");
        }
        assertEquals("application/zip", contentType);
        assertTrue(disposition.matches("attachment; filename=tracker-backup-\\d{8}T\\d{6}Z\\.zip"), disposition);

        BackupManifest manifest;
        try (ZipFile file = new ZipFile(zip.toFile()); InputStream in = file.getInputStream(file.getEntry("manifest.json"))) {
            manifest = BackupManifest.read(in);
            assertTrue(file.getEntry("database/tracker.mv.db") != null, "the database file is in the zip");
        }
        long total = before.size() + registeredDuringLoad.size();
        assertTrue(manifest.counts().consultations() >= registeredBeforeTheBackup.size()
                && manifest.counts().consultations() <= total, manifest::toString);
        assertEquals(deliveries.values().stream().mapToLong(d -> ((List<?>) d).size()).sum(),
                manifest.counts().deliveries());
        assertEquals(((Number) mailBefore.get("queued")).longValue(), manifest.counts().outbox("QUEUED"));
        assertTrue(manifest.counts().users() >= 4, manifest::toString);
        assertTrue(manifest.counts().organisations() >= 3, manifest::toString);
        assertTrue(manifest.schemaVersion().matches("\\d+"), manifest::toString);
        assertNotEquals(null, manifest.takenAt());

        Path restored = freshFolder("restored");
        Run run = restore(zip.toString(), "--data", restored.toString());
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains(manifest.counts().consultations() + " consultations"), run.out());
        assertTrue(Files.exists(restored.resolve("tracker.mv.db")));

        try (ApplicationContext second = service(onH2File(restored))) {
            HttpClient client = client(second);
            Api admin = Api.admin(client);
            Api officer = Api.login(client, officerName, officerPassword);
            List<Map<String, Object>> all = admin.get("/api/consultations?size=500").list();
            assertEquals(manifest.counts().consultations(), all.size());
            List<Long> ids = all.stream().map(c -> ((Number) c.get("id")).longValue()).toList();
            assertTrue(ids.containsAll(registeredBeforeTheBackup), "every consultation registered before the backup");
            for (Map.Entry<Long, Object> notified : deliveries.entrySet()) {
                Api.Reply reply = officer.get("/api/consultations/" + notified.getKey() + "/deliveries");
                assertEquals(200, reply.status(), reply::toString);
                assertEquals(notified.getValue(), reply.at("deliveries"), "the deliveries of " + notified.getKey());
            }
            Map<String, Object> mail = admin.get("/api/mail").json();
            assertEquals(mailBefore, mail, "every queued mail is in the restored outbox, still queued");
            assertEquals(manifest.counts().users(), admin.get("/api/users").list().size());
        }
    }

    @Test
    void aBackupOfANewerSchemaIsRefusedNamingBothVersions() throws IOException {
        Path zip = craftedBackup("999");
        Path folder = freshFolder("restored");
        Run run = restore(zip.toString(), "--data", folder.toString());
        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.err().contains("999"), run.err());
        assertTrue(run.err().matches("(?s).*end at version \\d+.*"), run.err());
        assertFalse(Files.exists(folder.resolve("tracker.mv.db")), "nothing restored");
    }

    @Test
    void aFolderThatIsNotEmptyIsRefusedAndLeftAsItWas() throws IOException {
        Path zip = craftedBackup("1");
        Path folder = freshFolder("data");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("tracker.mv.db"), "the database in use");
        Run run = restore(zip.toString(), "--data", folder.toString());
        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.err().contains("is not empty"), run.err());
        assertEquals("the database in use", Files.readString(folder.resolve("tracker.mv.db")));
    }

    @Test
    void aZipWithoutAManifestIsRefused() throws IOException {
        Path zip = freshFolder("not-a-backup.zip");
        Files.createDirectories(zip.getParent());
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("tracker.mv.db"));
            out.write(new byte[] {1, 2, 3});
        }
        Run run = restore(zip.toString(), "--data", freshFolder("restored").toString());
        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.err().contains("no manifest.json"), run.err());
    }

    @Test
    void onlyAnAdminTakesABackupAndOnPostgresqlTheRouteNamesPgDump() {
        Map<String, Object> props = new HashMap<>();
        props.put("tracker.jobs.enabled", "false");
        try (ApplicationContext service = service(props)) {
            World world = World.create(client(service));
            assertEquals(403, world.officer.post("/api/admin/backup").status());
            assertEquals(403, world.monitor.post("/api/admin/backup").status());
            assertEquals(401, Api.anonymous(client(service)).post("/api/admin/backup").status());
            if (POSTGRES) {
                Api.Reply reply = world.admin.post("/api/admin/backup");
                assertEquals(409, reply.status(), reply::toString);
                assertEquals("application/problem+json", reply.contentType());
                assertTrue(reply.body().contains("pg_dump"), reply.body());
            }
        }
    }

    /** A zip that looks like a backup of schema {@code version}: a manifest and a database entry. */
    private static Path craftedBackup(String version) throws IOException {
        Path zip = freshFolder("crafted.zip");
        Files.createDirectories(zip.getParent());
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, "H2", "tracker.mv.db", version,
                Instant.parse("2026-12-01T10:00:00Z"), "9.9.9", new DatabaseCounts(1, 1, 0, 1, Map.of()));
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("manifest.json"));
            out.write(manifest.toJson());
            out.putNextEntry(new ZipEntry("database/tracker.mv.db"));
            out.write(new byte[] {1, 2, 3});
        }
        return zip;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
