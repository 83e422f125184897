package org.compact.tracker.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.compact.tracker.programme.Pages;
import org.compact.tracker.programme.ProgrammeService;
import org.compact.tracker.programme.Results;
import org.compact.tracker.programme.ResultsPage;

import java.util.Optional;

/**
 * The published results of a consultation (SHARE), "you said, we did", anonymous and read-only. A consultation
 * that does not exist, or has no feedback yet, is a plain 404 page. A page is kept as built while the register and
 * the day stay the same ({@link PublicCache}); a 404 is not kept.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Programme (public)")
class ResultsController {
    private final ProgrammeService programme;
    private final PublicCache cache;

    ResultsController(ProgrammeService programme, PublicCache cache) {
        this.programme = programme;
        this.cache = cache;
    }

    @Get(value = "/results/{id}", produces = MediaType.TEXT_HTML)
    @Operation(summary = "A consultation's results: you said, we did, the outcome, responses and the promised actions")
    @Hidden
    HttpResponse<?> results(HttpRequest<?> request, @PathVariable String id) {
        return cache.kept(request, "", () -> page(id));
    }

    private MutableHttpResponse<String> page(String id) {
        Optional<Results> results = Optional.empty();
        if (id.matches("[0-9]{1,18}")) {
            results = programme.results(Long.parseLong(id));
        }
        if (results.isEmpty()) {
            return ProgrammeController.html(HttpResponse.<String>status(HttpStatus.NOT_FOUND).body(Pages.notFound(
                    "There are no published results at this address. Results appear here once the consultation's "
                            + "feedback has been given.")));
        }
        return ProgrammeController.html(HttpResponse.ok(ResultsPage.render(results.get())));
    }
}
