package org.compact.tracker.backup;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Takes a backup of the embedded H2 database while the service keeps running. H2's {@code BACKUP TO} copies the
 * database file as of its last committed state without locking anything (the copy is transactionally consistent: a
 * transaction still open when it ran is rolled back when the copy is opened). The copy is then opened on its own,
 * in a temporary folder, to read its schema version and counts for the manifest: they describe the copy, whatever was
 * written to the live database in the meantime. Everything goes through temporary files (about twice the database's
 * size), never memory; the zip is deleted when its reader is closed.
 *
 * <p>On PostgreSQL the service does not back itself up: {@code pg_dump} does it better, and is refused here with a
 * 409 that says so.
 */
@Singleton
public class DatabaseBackup {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBackup.class);
    private static final String MV_FILE = ".mv.db";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final DataSource pool;
    private final Clock clock;
    private final String username;
    private final String password;

    DatabaseBackup(DataSource dataSource, Clock clock,
                   @Value("${datasources.default.username:sa}") String username,
                   @Value("${datasources.default.password:}") String password) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.clock = clock;
        this.username = username;
        this.password = password;
    }

    /** A backup zip in a temporary folder; {@link #open()} streams it, and closing that stream deletes the folder. */
    public record Backup(Path zip, String fileName, BackupManifest manifest) {
        public long size() {
            try {
                return Files.size(zip);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public InputStream open() throws IOException {
            return new FilterInputStream(Files.newInputStream(zip)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        deleteFolder(zip.getParent());
                    }
                }
            };
        }
    }

    public Backup take() {
        Instant takenAt = clock.instant();
        Path folder = null;
        try {
            folder = Files.createTempDirectory("tracker-backup-");
            Path h2Zip = folder.resolve("h2-backup.zip");
            try (Connection c = pool.getConnection()) {
                String product = c.getMetaData().getDatabaseProductName();
                if (!"H2".equals(product)) {
                    throw new Refusal(409, "Conflict", "The service runs on " + product + ": back it up with pg_dump "
                            + "(and restore with pg_restore), as docs/operations.md shows. This route backs up the "
                            + "embedded H2 database only.",
                            List.of(FieldError.of("database", "is " + product + "; use pg_dump")));
                }
                try (Statement s = c.createStatement()) {
                    s.execute("BACKUP TO '" + h2Zip.toAbsolutePath().toString().replace("'", "''") + "'");
                } catch (SQLException e) {
                    throw new Refusal(409, "Conflict", "H2 could not back this database up (an in-memory database "
                            + "has no file to copy): " + e.getMessage(), List.of());
                }
            }
            String databaseFile;
            try (ZipFile h2 = new ZipFile(h2Zip.toFile())) {
                ZipEntry entry = databaseEntry(h2);
                databaseFile = Path.of(entry.getName()).getFileName().toString();
                Path copy = folder.resolve("copy").resolve(databaseFile);
                Files.createDirectories(copy.getParent());
                try (InputStream in = h2.getInputStream(entry)) {
                    Files.copy(in, copy);
                }
                BackupManifest manifest = describe(copy, databaseFile, takenAt);
                String fileName = "tracker-backup-" + STAMP.format(takenAt) + ".zip";
                Path zip = folder.resolve(fileName);
                try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file);
                     InputStream in = h2.getInputStream(entry)) {
                    out.putNextEntry(new ZipEntry(BackupManifest.NAME));
                    out.write(manifest.toJson());
                    out.closeEntry();
                    out.putNextEntry(new ZipEntry(BackupManifest.DATABASE_FOLDER + databaseFile));
                    in.transferTo(out);
                    out.closeEntry();
                }
                Files.delete(h2Zip);
                deleteFolder(copy.getParent());
                LOG.info("Backup {} taken: schema version {}, {} consultations, {} organisations, {} deliveries, "
                                + "outbox {}, {} users, {} bytes", fileName, manifest.schemaVersion(),
                        manifest.counts().consultations(), manifest.counts().organisations(),
                        manifest.counts().deliveries(), manifest.counts().outboxMessages(), manifest.counts().users(),
                        Files.size(zip));
                return new Backup(zip, fileName, manifest);
            }
        } catch (IOException e) {
            deleteFolder(folder);
            throw new UncheckedIOException("could not write the backup", e);
        } catch (SQLException e) {
            deleteFolder(folder);
            throw new IllegalStateException("could not back the database up", e);
        } catch (RuntimeException e) {
            deleteFolder(folder);
            throw e;
        }
    }

    private static ZipEntry databaseEntry(ZipFile h2) throws IOException {
        List<? extends ZipEntry> files = h2.stream().filter(e -> e.getName().endsWith(MV_FILE)).toList();
        if (files.size() != 1) {
            throw new IOException("H2's backup holds " + files.size() + " database files, not one");
        }
        return files.get(0);
    }

    /** The manifest of the copy at {@code copy}, read by opening the copy on its own. */
    private BackupManifest describe(Path copy, String databaseFile, Instant takenAt) throws SQLException {
        try (Connection c = openH2(copy, username, password)) {
            String version = DatabaseCounts.schemaVersion(c)
                    .orElseThrow(() -> new SQLException("the copy has no schema history"));
            return new BackupManifest(BackupManifest.FORMAT, "H2", databaseFile, version, takenAt, serviceVersion(),
                    DatabaseCounts.of(c));
        }
    }

    /**
     * Opens the H2 database file {@code mvFile} ({@code ….mv.db}) on its own, in the service's PostgreSQL mode, never
     * creating one that is not there.
     */
    public static Connection openH2(Path mvFile, String username, String password) throws SQLException {
        String path = mvFile.toAbsolutePath().toString();
        path = path.substring(0, path.length() - MV_FILE.length());
        Properties credentials = new Properties();
        credentials.put("user", username);
        credentials.put("password", password);
        return DriverManager.getConnection("jdbc:h2:file:" + path + ";IFEXISTS=TRUE;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", credentials);
    }

    /** The release's version (from the jar's Maven properties), or "development" when run from the classes. */
    public static String serviceVersion() {
        try (InputStream in = DatabaseBackup.class.getResourceAsStream(
                "/META-INF/maven/org.compact/consultation-tracker/pom.properties")) {
            if (in != null) {
                Properties pom = new Properties();
                pom.load(in);
                return pom.getProperty("version", "development");
            }
        } catch (IOException e) {
            // fall through: the version is only informative
        }
        return "development";
    }

    static void deleteFolder(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.warn("Could not delete the temporary backup file {}: {}", path, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not delete the temporary backup folder {}: {}", folder, e.getMessage());
        }
    }
}
