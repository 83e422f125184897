package org.compact.tracker.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.compact.tracker.security.Agency;
import org.compact.tracker.security.AgencyService;
import org.compact.tracker.security.NewAgency;
import org.compact.tracker.security.Role;

import java.net.URI;
import java.util.List;

/** The public bodies bound by the Compact. Admins register them; every signed-in user can read them. */
@Controller("/api/agencies")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Agencies")
@ApiContract.SignedIn
class AgencyApiController {
    private final AgencyService agencies;

    AgencyApiController(AgencyService agencies) {
        this.agencies = agencies;
    }

    @Post
    @Secured(Role.ADMIN_NAME)
    @Operation(operationId = "registerAgency")
    @Status(HttpStatus.CREATED)
    @ApiContract.Invalid
    HttpResponse<Agency> register(
            @RequestBody(required = true,
                    content = @Content(examples = @ExampleObject(name = "new-agency", value = ApiExamples.NEW_AGENCY)))
            @Valid @Body NewAgency request) {
        Agency agency = agencies.register(request);
        return HttpResponse.created(agency, URI.create("/api/agencies/" + agency.id()));
    }

    @Get
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    @Operation(operationId = "listAgencies")
    List<Agency> list() {
        return agencies.list();
    }

    @Get("/{id}")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    @Operation(operationId = "getAgency")
    @ApiContract.NotFound
    Agency get(@PathVariable Long id) {
        return agencies.get(id);
    }
}
