package org.compact.tracker.backup;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackupManifestTest {

    @Test
    void aManifestReadsBackAsWrittenEvenWithAnEmptyOutbox() throws IOException {
        BackupManifest written = new BackupManifest(1, "H2", "tracker.mv.db", "18",
                Instant.parse("2026-12-07T16:05:32Z"), "0.1.0", new DatabaseCounts(0, 0, 0, 1, Map.of()));
        BackupManifest read = BackupManifest.read(new ByteArrayInputStream(written.toJson()));
        assertEquals(written, read);
        assertEquals(Map.of("QUEUED", 0L, "SENT", 0L, "FAILED", 0L), read.counts().outboxMessages());
    }

    @Test
    void schemaVersionsCompareAsNumbersPartByPart() {
        assertTrue(DatabaseCounts.compareVersions("9", "10") < 0);
        assertTrue(DatabaseCounts.compareVersions("1.10", "1.2") > 0);
        assertEquals(0, DatabaseCounts.compareVersions("18", "18.0"));
    }

    @Test
    void aManifestWithoutASchemaVersionIsRefused() {
        assertThrows(IOException.class, () -> BackupManifest.read(new ByteArrayInputStream(
                "{\"format\":1,\"databaseFile\":\"tracker.mv.db\",\"counts\":{}}".getBytes())));
    }
}
