package org.compact.tracker.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.compact.tracker.scheduling.QuartzScheduler;
import org.compact.tracker.security.Role;

import java.util.List;

/** The scheduled jobs, for operators: schedule, next and previous firing, recent runs and their results. */
@Controller("/api/jobs")
@Requires(bean = QuartzScheduler.class)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Jobs")
@ApiContract.SignedIn
class JobsApiController {
    private final QuartzScheduler scheduler;

    JobsApiController(QuartzScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Get
    @Secured({Role.ADMIN_NAME, Role.MONITOR_NAME})
    @Operation(operationId = "listJobs", summary = "The scheduled jobs and their recent runs")
    List<QuartzScheduler.JobStatus> jobs() {
        return scheduler.status();
    }
}
