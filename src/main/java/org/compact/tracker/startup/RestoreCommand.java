package org.compact.tracker.startup;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.compact.tracker.backup.BackupManifest;
import org.compact.tracker.backup.DatabaseBackup;
import org.compact.tracker.backup.DatabaseCounts;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * {@code java -jar consultation-tracker.jar restore <zip> [--data <folder>]}: puts a backup taken by
 * {@code POST /api/admin/backup} back as the embedded H2 database, without starting the service. It only ever writes
 * into an empty (or missing) folder, so it can never overwrite a database; it refuses a backup whose schema is newer
 * than this release's migrations (an older one is fine: Flyway brings it up to date at the next start); and it opens
 * what it restored and checks that it holds exactly what the manifest counted, removing it again if not. Every
 * refusal is one line naming why, and a non-zero exit.
 */
public final class RestoreCommand {
    static final int RESTORED = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;
    private static final String USAGE_TEXT =
            "Usage: java -jar consultation-tracker.jar restore <backup.zip> [--data <empty folder>]";

    private final PrintStream out;

    private RestoreCommand(PrintStream out) {
        this.out = out;
    }

    /** A refusal to restore: its message is what the operator reads. */
    private static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Runs the command with the arguments after {@code restore}; answers the process's exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        String zip = null;
        String data = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if ("--data".equals(arg) && i + 1 < args.size()) {
                data = args.get(++i);
            } else if (arg.startsWith("--data=")) {
                data = arg.substring("--data=".length());
            } else if (!arg.startsWith("--") && zip == null) {
                zip = arg;
            } else {
                err.println(USAGE_TEXT);
                return USAGE;
            }
        }
        if (zip == null) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        try {
            new RestoreCommand(out).restore(Path.of(zip), data == null ? null : Path.of(data), settings());
            return RESTORED;
        } catch (Refused refused) {
            err.println("Not restored: " + refused.getMessage());
            return REFUSED;
        }
    }

    /** Where the service keeps its database and how it signs in to it, as the service itself would read them. */
    record Settings(String url, String username, String password) {
    }

    private static Settings settings() {
        ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).banner(false).build();
        Environment environment = context.getEnvironment();
        environment.start();
        try {
            return new Settings(environment.getProperty("datasources.default.url", String.class).orElse(""),
                    environment.getProperty("datasources.default.username", String.class).orElse("sa"),
                    environment.getProperty("datasources.default.password", String.class).orElse(""));
        } finally {
            environment.stop();
        }
    }

    private void restore(Path zip, Path dataOption, Settings settings) throws Refused {
        Path configured = h2File(settings.url());
        Path folder = dataOption != null ? dataOption : configured.getParent();
        Path target = folder.resolve(configured.getFileName() + ".mv.db");

        BackupManifest manifest;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry(BackupManifest.NAME);
            if (entry == null) {
                throw new Refused(zip + " is not a tracker backup: it has no " + BackupManifest.NAME + ".");
            }
            try (InputStream in = file.getInputStream(entry)) {
                manifest = BackupManifest.read(in);
            }
            if (file.getEntry(BackupManifest.DATABASE_FOLDER + manifest.databaseFile()) == null) {
                throw new Refused(zip + " is not whole: the manifest names " + BackupManifest.DATABASE_FOLDER
                        + manifest.databaseFile() + ", which the zip does not hold.");
            }
        } catch (ZipException e) {
            throw new Refused(zip + " is not a readable zip (" + e.getMessage() + ").");
        } catch (IOException e) {
            throw new Refused("cannot read " + zip + ": " + e.getMessage());
        }

        String latest = releaseSchemaVersion();
        if (DatabaseCounts.compareVersions(manifest.schemaVersion(), latest) > 0) {
            throw new Refused("the backup's schema version is " + manifest.schemaVersion() + " (taken by release "
                    + manifest.serviceVersion() + "), newer than this release's migrations, which end at version "
                    + latest + ". Restore it with the release that took it, or a newer one.");
        }
        refuseUnlessEmpty(folder);

        try {
            Files.createDirectories(folder);
            extract(zip, BackupManifest.DATABASE_FOLDER + manifest.databaseFile(), target);
            check(manifest, target, settings);
        } catch (Refused | IOException | RuntimeException e) {
            removeWhatWasWritten(folder);
            if (e instanceof Refused refused) {
                throw refused;
            }
            throw new Refused("could not restore into " + folder + ": " + e.getMessage()
                    + ". Nothing is left there.");
        }
        DatabaseCounts counts = manifest.counts();
        out.println("Restored the backup of " + manifest.takenAt() + " (release " + manifest.serviceVersion()
                + ", schema version " + manifest.schemaVersion() + ") into " + target.toAbsolutePath().normalize()
                + ":");
        out.println("  " + counts.consultations() + " consultations, " + counts.organisations() + " organisations, "
                + counts.deliveries() + " deliveries, " + counts.users() + " users");
        out.println("  outbox messages: " + (counts.outboxMessages().isEmpty() ? "none" : counts.outboxMessages()));
        out.println("Each count checked against the restored database. Start the service on "
                + folder.toAbsolutePath().normalize() + " to use it.");
    }

    /**
     * The database file an H2 URL points at, without its {@code .mv.db}: {@code jdbc:h2:async:./data/tracker;…} is
     * {@code ./data/tracker}. Anything but an embedded H2 file is refused.
     */
    static Path h2File(String url) throws Refused {
        if (!url.startsWith("jdbc:h2:")) {
            throw new Refused("the service is set to use " + (url.isBlank() ? "no database" : url.replaceAll(
                    "\\?.*", "")) + " (TRACKER_DB_URL), not an embedded H2 file; on PostgreSQL, restore a "
                    + "pg_dump with pg_restore (docs/operations.md).");
        }
        String path = url.substring("jdbc:h2:".length()).split(";", 2)[0];
        for (boolean stripped = true; stripped; ) {
            stripped = false;
            for (String prefix : List.of("async:", "file:", "nio:", "nioMapped:", "split:")) {
                if (path.startsWith(prefix)) {
                    path = path.substring(prefix.length());
                    stripped = true;
                }
            }
        }
        if (path.startsWith("mem:") || path.startsWith("tcp:") || path.startsWith("ssl:") || path.isBlank()) {
            throw new Refused("the service's H2 URL " + url + " is not an embedded file; nothing to restore into.");
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        Path file = Path.of(path);
        return file.getParent() == null ? Path.of(".").resolve(file) : file;
    }

    /** The latest migration this release carries. */
    private static String releaseSchemaVersion() throws Refused {
        Optional<Map<String, Integer>> scripts =
                MigrationScripts.checksums(RestoreCommand.class.getClassLoader(), "db/migration");
        return scripts.flatMap(s -> s.keySet().stream().max(DatabaseCounts::compareVersions))
                .orElseThrow(() -> new Refused("this release's migrations cannot be read."));
    }

    private static void refuseUnlessEmpty(Path folder) throws Refused {
        if (!Files.exists(folder)) {
            return;
        }
        if (!Files.isDirectory(folder)) {
            throw new Refused(folder + " is a file, not a folder.");
        }
        try (Stream<Path> entries = Files.list(folder)) {
            List<String> names = entries.limit(4).map(p -> p.getFileName().toString()).toList();
            if (!names.isEmpty()) {
                throw new Refused(folder.toAbsolutePath().normalize() + " is not empty (it holds "
                        + String.join(", ", names.subList(0, Math.min(3, names.size())))
                        + (names.size() > 3 ? ", …" : "") + "): a restore only writes into an empty folder, so that "
                        + "it never replaces a database. Move that folder aside, or name another with --data.");
            }
        } catch (IOException e) {
            throw new Refused("cannot read " + folder + ": " + e.getMessage());
        }
    }

    /** Copies one entry out of the zip; reading it through ZipInputStream checks its CRC, so a damaged copy fails. */
    private static void extract(Path zip, String name, Path target) throws IOException, Refused {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    Files.copy(in, target);
                    return;
                }
            }
        } catch (ZipException e) {
            throw new Refused("the backup is damaged: " + name + " does not read back whole (" + e.getMessage()
                    + "). Nothing is left in " + target.getParent() + ".");
        }
        throw new Refused("the backup holds no " + name + ".");
    }

    /** Opens what was restored and compares it with the manifest, count by count. */
    private static void check(BackupManifest manifest, Path target, Settings settings) throws Refused {
        DatabaseCounts found;
        String version;
        try (Connection c = DatabaseBackup.openH2(target, settings.username(), settings.password())) {
            found = DatabaseCounts.of(c);
            version = DatabaseCounts.schemaVersion(c).orElse("none");
        } catch (SQLException e) {
            throw new Refused("the restored database does not open (" + e.getMessage() + "): the backup is damaged, "
                    + "or TRACKER_DB_USERNAME / TRACKER_DB_PASSWORD differ from those of the service that took it. "
                    + "Nothing is left in " + target.getParent() + ".");
        }
        List<String> differences = new ArrayList<>();
        if (!version.equals(manifest.schemaVersion())) {
            differences.add("schema version " + version + " (manifest: " + manifest.schemaVersion() + ")");
        }
        if (!found.equals(manifest.counts())) {
            differences.add("counts " + found + " (manifest: " + manifest.counts() + ")");
        }
        if (!differences.isEmpty()) {
            throw new Refused("the backup is not whole: the restored database holds " + String.join(", ", differences)
                    + ". Nothing is left in " + target.getParent() + ".");
        }
    }

    /** Leaves the folder empty again after a failed restore (the database file, H2's lock and trace files). */
    private static void removeWhatWasWritten(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path path : entries.toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // the message already says what went wrong; a leftover file makes the next attempt refuse, visibly
        }
    }
}
