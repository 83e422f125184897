package org.compact.tracker.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.compact.tracker.support.CalendarDate;
import org.compact.tracker.clock.SimClockService;
import org.compact.tracker.security.Role;

import java.time.Instant;
import java.util.List;

/**
 * The sim clock (only in the {@code sim} environment): an admin sets the time, and the jobs that became due run
 * before the answer comes back, as the scheduler would have run them.
 */
@Controller("/api/sim/clock")
@Requires(env = "sim")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Sim clock")
@ApiContract.SignedIn
class SimClockApiController {
    private final SimClockService sim;

    SimClockApiController(SimClockService sim) {
        this.sim = sim;
    }

    @Put
    @Secured(Role.ADMIN_NAME)
    @Operation(operationId = "setSimClock")
    @ApiContract.Invalid
    SimClockService.Advance set(
            @RequestBody(required = true,
                    content = @Content(examples = @ExampleObject(name = "clock", value = ApiExamples.CLOCK)))
            @Valid @Body ClockRequest request) {
        return sim.advanceTo(request.now());
    }

    @Get
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    @Operation(operationId = "getSimClock")
    SimClockService.Advance get() {
        return sim.now();
    }

    /** The time to set. */
    @Serdeable
    record ClockRequest(@NotNull @CalendarDate Instant now) {
    }
}
