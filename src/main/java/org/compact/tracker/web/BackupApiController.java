package org.compact.tracker.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.compact.tracker.backup.DatabaseBackup;
import org.compact.tracker.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * A backup of the embedded H2 database, for operators, taken while the service runs: a zip with the database copy and
 * its manifest, restored with {@code java -jar consultation-tracker.jar restore <zip>}. On PostgreSQL it answers 409:
 * pg_dump is the way there.
 */
@Controller("/api/admin/backup")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Backup")
@ApiContract.SignedIn
class BackupApiController {
    private static final Logger LOG = LoggerFactory.getLogger(BackupApiController.class);
    static final MediaType ZIP = MediaType.of("application/zip");

    private final DatabaseBackup backups;

    BackupApiController(DatabaseBackup backups) {
        this.backups = backups;
    }

    @Post(produces = "application/zip")
    @Secured(Role.ADMIN_NAME)
    @ApiContract.Conflict
    @Operation(operationId = "takeBackup", summary = "Take a backup of the embedded H2 database while the service runs (a zip: manifest.json and "
            + "the database file); 409 on PostgreSQL, which pg_dump backs up")
    @ApiResponse(responseCode = "200", description = "The backup zip",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    HttpResponse<StreamedFile> backup(Authentication auth) throws IOException {
        DatabaseBackup.Backup backup = backups.take();
        LOG.info("{} took the backup {}", auth.getName(), backup.fileName());
        StreamedFile file = new StreamedFile(backup.open(), ZIP, backup.manifest().takenAt().toEpochMilli(),
                backup.size());
        return HttpResponse.ok(file).contentType(ZIP)
                .header("Content-Disposition", "attachment; filename=" + backup.fileName())
                .header("Cache-Control", "no-store");
    }
}
