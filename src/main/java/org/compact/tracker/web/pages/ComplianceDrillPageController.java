package org.compact.tracker.web.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.compact.tracker.compliance.ComplianceDrill;
import org.compact.tracker.compliance.ComplianceService;
import org.compact.tracker.compliance.ReportWords;
import org.compact.tracker.security.Actor;
import org.compact.tracker.security.Actors;
import org.compact.tracker.security.Role;
import org.compact.tracker.support.Refusal;
import org.compact.tracker.support.Wording;

import java.util.Map;

/**
 * The drill-down from a figure of the compliance report ({@code /compliance}) to the consultations behind it, each
 * linked to its page: the same query and access rules as {@code GET /api/compliance/consultations} (admins and
 * monitors any agency, an officer their own).
 */
@Controller("/compliance/consultations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class ComplianceDrillPageController {
    private final ComplianceService compliance;
    private final PageModel pages;

    ComplianceDrillPageController(ComplianceService compliance, PageModel pages) {
        this.compliance = compliance;
        this.pages = pages;
    }

    /** A consultation behind the figure, as the page lists it. */
    public record Row(long id, String title, String agency, String status, String opens, String closes,
                      @Nullable String met, @Nullable String href) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request, Authentication auth,
                                           @Nullable @QueryValue String section, @Nullable @QueryValue String figure,
                                           @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                           @Nullable @QueryValue String agency) {
        Actor actor = Actors.of(auth);
        ComplianceDrill d = compliance.drillDown(compliance.scope(actor, from, to, agency), section, figure);
        boolean reads = actor.isAdmin() || actor.roles().contains(Role.MONITOR);
        String figureWords = ReportWords.figure(d.section(), d.figure());
        Map<String, Object> model = pages.of(request, auth, figureWords + ": the consultations behind it");
        model.put("figureWords", figureWords);
        model.put("sectionWords", ReportWords.rule(d.section()));
        model.put("listedWords", ReportWords.prose(d.listed()));
        model.put("metWords", ReportWords.prose(d.met()));
        model.put("periodWords", Wording.day(d.period().from()) + " to " + Wording.day(d.period().to()));
        model.put("d", d);
        model.put("who", d.agency() == null ? "All agencies" : d.agency().name());
        model.put("reportHref", "/compliance?from=" + d.period().from() + "&to=" + d.period().to()
                + (d.agency() == null ? "" : "&agency=" + d.agency().id()) + "#" + d.section());
        // A joint consultation is in an agency's report when the agency leads it or is a partner: partners read it too.
        boolean partnerScope = d.agency() != null && actor.mayActFor(d.agency().id());
        model.put("rows", d.rows().stream().map(r -> new Row(r.consultationId(), r.title(),
                r.joint() ? r.agencyName() + " (leads a joint consultation)" : r.agencyName(),
                Wording.code(r.status()), Wording.day(r.opensOn()), Wording.day(r.closesOn()),
                r.met() == null ? null : r.met() ? "Met" : "Not met",
                reads || actor.mayActFor(r.agencyId()) || r.joint() && partnerScope
                        ? "/consultations/" + r.consultationId() : null)).toList());
        model.put("metCount", d.rows().stream().filter(r -> Boolean.TRUE.equals(r.met())).count());
        return new ModelAndView<>("compliance-drill", model);
    }

    @Error(exception = Refusal.class)
    HttpResponse<?> refused(HttpRequest<?> request, Refusal refusal) {
        return ErrorPage.of(pages, request, refusal);
    }
}
