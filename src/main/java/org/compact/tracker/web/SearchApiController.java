package org.compact.tracker.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.compact.tracker.programme.EarlierWork;
import org.compact.tracker.programme.EarlierWorkService;
import org.compact.tracker.security.Role;

/**
 * The search for earlier work (PRIOR_WORK) across every agency's consultations, for everyone signed in: a text
 * search, and the earlier consultations most like one, each with its score and why.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
@Tag(name = "Earlier work")
@ApiContract.SignedIn
class SearchApiController {
    private final EarlierWorkService earlierWork;

    SearchApiController(EarlierWorkService earlierWork) {
        this.earlierWork = earlierWork;
    }

    @Get("/search")
    @Operation(operationId = "searchConsultations",
            summary = "Search every agency's consultations: all words of q must match (title, summary, themes, areas)")
    @ApiContract.Invalid
    EarlierWork.Search search(@Nullable @QueryValue String q, @Nullable @QueryValue String theme,
                              @Nullable @QueryValue String area, @Nullable @QueryValue String from,
                              @Nullable @QueryValue String to, @Nullable @QueryValue Integer limit) {
        return earlierWork.search(q, theme, area, from, to, limit);
    }

    @Get("/consultations/{id}/similar")
    @Operation(operationId = "listSimilarConsultations",
            summary = "Earlier consultations (any agency, within the PRIOR_WORK look-back) like this one: score and why")
    @ApiContract.NotFound
    EarlierWork.SimilarList similar(@PathVariable Long id) {
        return earlierWork.similar(id);
    }
}
