package org.compact.tracker.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import io.micronaut.security.authentication.Authentication;
import org.compact.tracker.organisation.Organisation;
import org.compact.tracker.organisation.OrganisationChange;
import org.compact.tracker.organisation.OrganisationRequest;
import org.compact.tracker.organisation.OrganisationService;
import org.compact.tracker.security.Role;

import java.net.URI;
import java.util.List;

/**
 * The shared directory of third-sector organisations, kept by every partner: officers and admins add and correct
 * entries, monitors read them.
 */
@Controller("/api/organisations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Organisations")
@ApiContract.SignedIn
class OrganisationApiController {
    private final OrganisationService organisations;

    OrganisationApiController(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @Post
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    @Operation(operationId = "registerOrganisation")
    @Status(HttpStatus.CREATED)
    @ApiContract.Invalid
    HttpResponse<OrganisationView> register(Authentication auth,
            @RequestBody(required = true, content = @Content(schema = @Schema(ref = "#/components/schemas/NewOrganisation"),
                    examples = @ExampleObject(name = "new-organisation", value = ApiExamples.NEW_ORGANISATION)))
            @Valid @Body OrganisationRequest request) {
        Organisation o = organisations.register(request, auth.getName());
        return HttpResponse.created(OrganisationView.of(o), URI.create("/api/organisations/" + o.id()));
    }

    @Get
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    @Operation(operationId = "listOrganisations")
    @ApiContract.Invalid
    List<OrganisationView> search(@Nullable @QueryValue String area, @Nullable @QueryValue String interest,
                                  @Nullable @QueryValue String community) {
        return organisations.search(area, interest, community).stream().map(OrganisationView::of).toList();
    }

    @Get("/{id}")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    @Operation(operationId = "getOrganisation")
    @ApiContract.NotFound
    OrganisationView get(@PathVariable Long id) {
        return OrganisationView.of(organisations.get(id));
    }

    @Patch("/{id}")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    @Operation(operationId = "updateOrganisation")
    @ApiContract.NotFound
    @ApiContract.Invalid
    @ApiContract.Conflict
    OrganisationView update(Authentication auth, @PathVariable Long id,
            @RequestBody(required = true,
                    content = @Content(examples = @ExampleObject(name = "organisation-change",
                            value = ApiExamples.ORGANISATION_CHANGE)))
            @Valid @Body OrganisationRequest request) {
        return OrganisationView.of(organisations.update(id, request, auth.getName(), OrganisationChange.Via.API));
    }

    /**
     * The change log of an entry, newest first: who changed what (each field before and after), when, and whether
     * an officer did it through the API or the organisation through its preferences link.
     */
    @Get("/{id}/history")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    @Operation(operationId = "getOrganisationHistory")
    @ApiContract.NotFound
    List<OrganisationView.Change> history(@PathVariable Long id) {
        return organisations.history(id).stream().map(OrganisationView.Change::of).toList();
    }
}
