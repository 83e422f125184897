package org.compact.tracker.web.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.compact.tracker.compliance.AnnualHtml;
import org.compact.tracker.compliance.AnnualPdf;
import org.compact.tracker.compliance.AnnualReport;
import org.compact.tracker.compliance.ComplianceService;
import org.compact.tracker.security.Actor;
import org.compact.tracker.security.Actors;
import org.compact.tracker.security.Role;
import org.compact.tracker.support.Refusal;

import java.util.Map;

/**
 * The annual Compact monitoring report ({@code /compliance/annual?year=2027&agency=…}): a page, or a PDF with
 * {@code Accept: application/pdf} or at {@code /compliance/annual.pdf}, or as JSON with
 * {@code Accept: application/json}. The same access rules as the compliance
 * report (admins and monitors every agency or the one named, an officer their own). A refused page is shown as a
 * page; a refused PDF is answered as problem+json, naming the field.
 */
@Controller("/compliance")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class AnnualReportPageController {
    private final ComplianceService compliance;
    private final PageModel pages;

    AnnualReportPageController(ComplianceService compliance, PageModel pages) {
        this.compliance = compliance;
        this.pages = pages;
    }

    @Get(value = "/annual", produces = {MediaType.TEXT_HTML, AnnualPdf.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    HttpResponse<?> page(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String year,
                         @Nullable @QueryValue String agency) {
        Actor actor = Actors.of(auth);
        String wanted = wanted(request);
        if (wanted.equals(AnnualPdf.MEDIA_TYPE)) {
            return pdf(compliance.annual(actor, year, agency)).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        }
        if (wanted.equals(MediaType.APPLICATION_JSON)) {
            return HttpResponse.ok(compliance.annual(actor, year, agency)).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        AnnualReport report;
        try {
            report = compliance.annual(actor, year, agency);
        } catch (Refusal refusal) {
            return ErrorPage.of(pages, request, refusal);
        }
        Map<String, Object> model = pages.of(request, auth, AnnualHtml.title(report));
        model.put("report", report);
        model.put("body", AnnualHtml.body(report));
        String query = "?year=" + report.year() + (report.partners().size() == 1 && agency != null && !agency.isBlank()
                ? "&agency=" + report.partners().get(0).agencyId() : "");
        model.put("pdfHref", "/compliance/annual.pdf" + query);
        model.put("yearValue", String.valueOf(report.year()));
        model.put("agencyValue", agency == null ? "" : agency.strip());
        model.put("seesAll", actor.isAdmin() || actor.roles().contains(Role.MONITOR));
        return HttpResponse.ok(new ModelAndView<>("annual", model)).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get(value = "/annual.pdf", produces = AnnualPdf.MEDIA_TYPE)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    HttpResponse<byte[]> pdfFile(Authentication auth, @Nullable @QueryValue String year,
                                 @Nullable @QueryValue String agency) {
        return pdf(compliance.annual(Actors.of(auth), year, agency));
    }

    private static io.micronaut.http.MutableHttpResponse<byte[]> pdf(AnnualReport report) {
        String name = "compact-monitoring-" + report.year()
                + (report.partners().size() == 1 ? "-agency-" + report.partners().get(0).agencyId() : "") + ".pdf";
        return HttpResponse.ok(AnnualPdf.write(report)).contentType(AnnualPdf.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /**
     * What the request asks for: the first of its Accept types that is PDF, JSON or HTML (or any, which is HTML);
     * HTML when it names none of them.
     */
    static String wanted(HttpRequest<?> request) {
        for (MediaType type : request.accept()) {
            String name = type.getName().toLowerCase(java.util.Locale.ROOT);
            if (name.equals(AnnualPdf.MEDIA_TYPE) || name.equals(MediaType.APPLICATION_JSON)) {
                return name;
            }
            if (name.equals(MediaType.TEXT_HTML) || name.equals(MediaType.ALL)) {
                return MediaType.TEXT_HTML;
            }
        }
        return MediaType.TEXT_HTML;
    }
}
