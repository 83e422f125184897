package org.compact.tracker.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.compact.tracker.consultation.Translations;
import org.compact.tracker.notice.Translation;
import org.compact.tracker.security.Actors;
import org.compact.tracker.security.Role;

import java.net.URI;
import java.util.List;

/**
 * A consultation's translated summaries: {@code PUT|GET|DELETE /api/consultations/{id}/translations/{language}}, the
 * language a BCP 47 tag ({@code pl}, {@code ur}, {@code ar}). Every signed-in user reads; officers of the consultation's
 * agency and admins save and remove. Each is listed on the consultation's answer as {@code translations[]}.
 */
@Controller("/api/consultations/{id}/translations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Consultations")
@ApiContract.SignedIn
class TranslationApiController {
    private final Translations translations;

    TranslationApiController(Translations translations) {
        this.translations = translations;
    }

    @Get
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    @Operation(operationId = "listTranslations", summary = "The consultation's translated summaries, by language tag")
    @ApiContract.NotFound
    List<Translation> list(@PathVariable Long id) {
        return translations.of(id);
    }

    @Get("/{language}")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    @Operation(operationId = "getTranslation", summary = "The consultation's title, summary, what is open to change and "
            + "what is fixed in one language (a BCP 47 tag such as pl, ur or ar)")
    @ApiContract.NotFound
    @ApiContract.Invalid
    Translation get(@PathVariable Long id, @PathVariable String language) {
        return translations.get(id, language);
    }

    @Put("/{language}")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    @Operation(operationId = "saveTranslation", summary = "Add or replace the translation into one language (a BCP 47 "
            + "tag); organisations that need the language get it at the top of their notice")
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(responseCode = "200", description = "Replaced")
    @ApiContract.NotFound
    @ApiContract.Invalid
    @ApiContract.Conflict
    HttpResponse<Translation> put(Authentication auth, @PathVariable Long id, @PathVariable String language,
            @RequestBody(required = true,
                    content = @Content(examples = @ExampleObject(name = "translation", value = ApiExamples.TRANSLATION)))
            @Nullable @Body Translations.Request request) {
        Translations.Saved saved = translations.put(Actors.of(auth), id, language, request);
        return saved.created()
                ? HttpResponse.created(saved.translation(), URI.create("/api/consultations/" + id + "/translations/"
                + saved.translation().language()))
                : HttpResponse.ok(saved.translation());
    }

    @Delete("/{language}")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    @Operation(operationId = "deleteTranslation", summary = "Remove the translation into one language")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiContract.NotFound
    @ApiContract.Invalid
    HttpResponse<Void> delete(Authentication auth, @PathVariable Long id, @PathVariable String language) {
        translations.delete(Actors.of(auth), id, language);
        return HttpResponse.noContent();
    }
}
