package org.compact.tracker.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.compact.tracker.compliance.ComplianceHtml;
import org.compact.tracker.compliance.ComplianceService;
import org.compact.tracker.security.Actor;
import org.compact.tracker.security.Actors;
import org.compact.tracker.security.Role;
import org.compact.tracker.support.PageFrame;
import org.compact.tracker.web.forms.CsrfTokens;

/**
 * The compliance report as a monitor reads it ({@link ComplianceHtml}): the service's layout and stylesheet, charts
 * drawn as inline SVG on the server, no script, printable; the same access rules and queries as
 * {@code GET /api/compliance}.
 */
@Controller("/compliance")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Compliance")
class CompliancePageController {
    private final ComplianceService compliance;
    private final CsrfTokens csrf;
    private final PublicCache cache;

    CompliancePageController(ComplianceService compliance, CsrfTokens csrf, PublicCache cache) {
        this.compliance = compliance;
        this.csrf = csrf;
        this.cache = cache;
    }

    /**
     * The public summary as a page, with the consultations awaiting feedback: anonymous, kept and answered with an
     * ETag like the other public answers ({@link PublicCache}); a bad period is 422 problem+json naming the field.
     */
    @Get(value = "/public", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Hidden
    HttpResponse<?> publicPage(HttpRequest<?> request, @Nullable @QueryValue String from,
                               @Nullable @QueryValue String to) {
        var scope = compliance.publicScope(from, to);
        return cache.kept(request, scope.from() + "/" + scope.to(), () -> ProgrammeController.html(
                HttpResponse.ok(PublicCompliancePage.render(compliance.publicSummary(scope)))));
    }

    @Get(produces = MediaType.TEXT_HTML)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    @Operation(summary = "The compliance report as a page: summary per agency, trends by quarter, the sections")
    @Hidden
    HttpResponse<String> page(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String from,
                              @Nullable @QueryValue String to, @Nullable @QueryValue String agency) {
        Actor actor = Actors.of(auth);
        String html = ComplianceHtml.write(compliance.overview(compliance.scope(actor, from, to, agency)),
                signedIn(actor, request));
        return HttpResponse.ok(html).contentType(MediaType.TEXT_HTML_TYPE + ";charset=utf-8")
                .header("Content-Security-Policy", ComplianceHtml.CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store");
    }

    /** Who the header shows as signed in, with the token of its sign-out form. */
    private PageFrame.SignedIn signedIn(Actor actor, HttpRequest<?> request) {
        boolean officer = actor.roles().contains(Role.OFFICER);
        String role = actor.isAdmin() ? "Administrator" : officer ? "Officer" : "Monitor";
        return new PageFrame.SignedIn(actor.username(), role, actor.isAdmin() || officer, csrf.tokenFor(request));
    }
}
