package org.compact.tracker.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.compact.tracker.programme.Pages;
import org.compact.tracker.programme.Programme;
import org.compact.tracker.programme.ProgrammeAtom;
import org.compact.tracker.programme.ProgrammeCalendar;
import org.compact.tracker.programme.ProgrammeCsv;
import org.compact.tracker.programme.ProgrammeFilter;
import org.compact.tracker.programme.ProgrammePage;
import org.compact.tracker.programme.ProgrammeService;
import org.compact.tracker.programme.PublicLinks;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The public programme of consultations (SHARE), anonymous and read-only, at fixed addresses that partners' scripts
 * and calendar apps hold: the page, JSON, an iCalendar feed, an Atom feed and CSV. Each takes the filters
 * {@code agency}, {@code area}, {@code theme}, {@code status} and {@code year}; a bad one is refused with 422 (an
 * HTML page for the page, problem+json for the rest). Each answer is tagged and may be kept five minutes
 * ({@link PublicCache}): a feed polled again unchanged costs a 304, and the built bytes of each answer are kept per
 * tag and filter, so a 200 under an unchanged register is not built again.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Programme (public)")
class ProgrammeController {
    static final MediaType CALENDAR = MediaType.of("text/calendar;charset=utf-8");
    static final MediaType ATOM = MediaType.of("application/atom+xml;charset=utf-8");
    static final MediaType CSV = MediaType.of("text/csv;charset=utf-8");
    static final MediaType HTML = MediaType.of("text/html;charset=utf-8");

    private final ProgrammeService programme;
    private final ProgrammeCalendar calendar;
    private final ProgrammeAtom atom;
    private final PublicLinks links;
    private final PublicCache cache;
    private final JsonMapper json;

    ProgrammeController(ProgrammeService programme, ProgrammeCalendar calendar, ProgrammeAtom atom, PublicLinks links,
                        PublicCache cache, JsonMapper json) {
        this.programme = programme;
        this.calendar = calendar;
        this.atom = atom;
        this.links = links;
        this.cache = cache;
        this.json = json;
    }

    @Get(value = "/programme", produces = MediaType.TEXT_HTML)
    @Operation(summary = "The programme as a web page, with the filter form and the subscribe links")
    @Hidden
    HttpResponse<?> page(HttpRequest<?> request, @Nullable @QueryValue String agency, @Nullable @QueryValue String area,
                              @Nullable @QueryValue String theme, @Nullable @QueryValue String status,
                              @Nullable @QueryValue String year) {
        ProgrammeFilter filter = programme.filter(agency, area, theme, status, year);
        return cache.kept(request, filter.query(), () -> html(HttpResponse.ok(
                ProgrammePage.render(programme.programme(filter), programme.choices(), links))));
    }

    @Get(value = "/api/programme", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "The programme as JSON: every planned, notified, open and recently closed consultation of every agency")
    @Hidden
    HttpResponse<?> json(HttpRequest<?> request, @Nullable @QueryValue String agency,
                                 @Nullable @QueryValue String area, @Nullable @QueryValue String theme,
                                 @Nullable @QueryValue String status, @Nullable @QueryValue String year) {
        ProgrammeFilter filter = programme.filter(agency, area, theme, status, year);
        return cache.kept(request, filter.query(), () -> HttpResponse.ok(bytes(programme.programme(filter)))
                .contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    @Get(value = "/programme.ics", produces = "text/calendar")
    @Operation(summary = "The programme as an iCalendar feed (RFC 5545) to subscribe to: one all-day event per consultation period")
    @Hidden
    HttpResponse<?> ics(HttpRequest<?> request, @Nullable @QueryValue String agency,
                             @Nullable @QueryValue String area, @Nullable @QueryValue String theme,
                             @Nullable @QueryValue String status, @Nullable @QueryValue String year) {
        ProgrammeFilter filter = programme.filter(agency, area, theme, status, year);
        return cache.kept(request, filter.query(), () -> HttpResponse.ok(calendar.write(programme.programme(filter)))
                .contentType(CALENDAR).header("X-Content-Type-Options", "nosniff"));
    }

    @Get(value = "/programme.atom", produces = "application/atom+xml")
    @Operation(summary = "The programme as an Atom feed (RFC 4287): new and changed consultations and published feedback")
    @Hidden
    HttpResponse<?> atom(HttpRequest<?> request, @Nullable @QueryValue String agency,
                              @Nullable @QueryValue String area, @Nullable @QueryValue String theme,
                              @Nullable @QueryValue String status, @Nullable @QueryValue String year) {
        ProgrammeFilter filter = programme.filter(agency, area, theme, status, year);
        return cache.kept(request, filter.query(), () -> HttpResponse.ok(atom.write(programme.programme(filter))
                .getBytes(StandardCharsets.UTF_8)).contentType(ATOM).header("X-Content-Type-Options", "nosniff"));
    }

    @Get(value = "/programme.csv", produces = "text/csv")
    @Operation(summary = "The programme as CSV (RFC 4180): a header row and one row per consultation")
    @Hidden
    HttpResponse<?> csv(HttpRequest<?> request, @Nullable @QueryValue String agency,
                             @Nullable @QueryValue String area, @Nullable @QueryValue String theme,
                             @Nullable @QueryValue String status, @Nullable @QueryValue String year) {
        ProgrammeFilter filter = programme.filter(agency, area, theme, status, year);
        return cache.kept(request, filter.query(), () -> HttpResponse.ok(ProgrammeCsv.write(programme.programme(filter))
                        .getBytes(StandardCharsets.UTF_8)).contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"programme.csv\"")
                .header("X-Content-Type-Options", "nosniff"));
    }

    /** A bad filter: an HTML page for the web page, problem+json for the feeds and the API. */
    @Error(exception = Refusal.class)
    HttpResponse<?> refused(HttpRequest<?> request, Refusal refusal) {
        if ("/programme".equals(request.getPath())) {
            return html(HttpResponse.status(HttpStatus.valueOf(refusal.status())).body(Pages.problem(
                    "The programme cannot be shown", refusal.getMessage(),
                    refusal.errors().stream().map(ProgrammeController::describe).toList())));
        }
        return HttpResponse.status(HttpStatus.valueOf(refusal.status()))
                .body(new Problem(ProblemResponses.type(refusal.status()), refusal.title(), refusal.status(),
                        refusal.getMessage(), request.getPath(), refusal.errors()))
                .contentType(MediaType.of(Problem.MEDIA_TYPE));
    }

    /** The programme as JSON, written by the same mapper that would write it as a body. */
    private byte[] bytes(Programme p) {
        try {
            return json.writeValueAsBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(FieldError e) {
        return e.field() == null ? e.reason() : e.field() + ": " + e.reason();
    }

    /** The headers of every public page: the strict content security policy and no sniffing or referrer. */
    static MutableHttpResponse<String> html(MutableHttpResponse<String> response) {
        return response.contentType(HTML)
                .header("Content-Security-Policy", Pages.CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }
}
