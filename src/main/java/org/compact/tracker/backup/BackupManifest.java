package org.compact.tracker.backup;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/**
 * What a backup holds, written beside the database in the zip as {@code manifest.json}: the schema version (Flyway's
 * latest applied migration), when it was taken, by which release, and how many rows of each kind the copy holds. The
 * counts are read from the copy itself, not from the running database, so a restore can check that it got all of it.
 *
 * @param format         the manifest's own format (1)
 * @param database       the database the copy is of ({@code H2})
 * @param databaseFile   the name of the database file in the zip, under {@code database/}
 * @param schemaVersion  Flyway's latest applied migration in the copy, as in {@code V<version>__…sql}
 * @param takenAt        when the backup was taken, on the service's clock
 * @param serviceVersion the release that took it
 * @param counts         the rows the copy holds
 */
@Serdeable
public record BackupManifest(int format, String database, String databaseFile, String schemaVersion, Instant takenAt,
                             String serviceVersion, DatabaseCounts counts) {
    public static final String NAME = "manifest.json";
    public static final String DATABASE_FOLDER = "database/";
    public static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = ObjectMapper.getDefault();

    public byte[] toJson() {
        try {
            return MAPPER.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("could not write the manifest", e);
        }
    }

    public static BackupManifest read(InputStream json) throws IOException {
        BackupManifest manifest = MAPPER.readValue(json, Argument.of(BackupManifest.class));
        if (manifest == null || manifest.schemaVersion() == null || manifest.counts() == null
                || manifest.databaseFile() == null) {
            throw new IOException("the manifest lacks its schema version, database file or counts");
        }
        return manifest;
    }
}
