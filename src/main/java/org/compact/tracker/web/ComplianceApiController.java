package org.compact.tracker.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.compact.tracker.compliance.ComplianceCsv;
import org.compact.tracker.compliance.ComplianceReport;
import org.compact.tracker.compliance.ComplianceDrill;
import org.compact.tracker.compliance.ComplianceService;
import org.compact.tracker.compliance.PublicCompliance;
import org.compact.tracker.security.Actors;
import org.compact.tracker.security.Role;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Compliance reports (MONITOR). Admins and monitors see every agency; an officer sees their own agency (another is
 * 403). Anyone may read the public summary: rates per agency and rule, no names, no reasons. {@code from} and
 * {@code to} are days yyyy-mm-dd (a bad one, {@code to} before {@code from} or more than ten years is 422, naming
 * the field). Definitions of every figure: docs/compliance.md.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Compliance")
@ApiContract.SignedIn
class ComplianceApiController {
    private static final String CSV = "text/csv";

    private final ComplianceService compliance;
    private final PublicCache cache;

    ComplianceApiController(ComplianceService compliance, PublicCache cache) {
        this.compliance = compliance;
        this.cache = cache;
    }

    @Get(value = "/compliance", produces = {MediaType.APPLICATION_JSON, CSV})
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    @Operation(operationId = "getComplianceReport",
            summary = "The compliance report of consultations opening in [from, to]: JSON, or CSV with Accept: text/csv")
    @ApiResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplianceReport.class)),
            @Content(mediaType = CSV, schema = @Schema(type = "string"))})
    @ApiContract.Invalid
    HttpResponse<?> report(Authentication auth, HttpRequest<?> request, @Nullable @QueryValue String from,
                           @Nullable @QueryValue String to, @Nullable @QueryValue String agency) {
        ComplianceReport report = compliance.report(compliance.scope(Actors.of(auth), from, to, agency));
        return prefersCsv(request.accept()) ? csv(report, false) : HttpResponse.ok(report)
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get(value = "/compliance.csv", produces = CSV)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    @Operation(operationId = "downloadComplianceReportCsv",
            summary = "The compliance report as CSV: one row per figure (section, figure, value, unit, definition)")
    @ApiResponse(responseCode = "200", description = "The report as a CSV file",
            content = @Content(mediaType = CSV, schema = @Schema(type = "string")))
    @ApiContract.Invalid
    HttpResponse<byte[]> reportCsv(Authentication auth, @Nullable @QueryValue String from,
                                   @Nullable @QueryValue String to, @Nullable @QueryValue String agency) {
        return csv(compliance.report(compliance.scope(Actors.of(auth), from, to, agency)), true);
    }

    @Get(value = "/compliance/consultations", produces = MediaType.APPLICATION_JSON)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    @Operation(operationId = "listConsultationsBehindComplianceFigure",
            summary = "The consultations behind one figure of the report (section and figure as the report names "
            + "them): those it counts, or for a rate those it divides by, each marked met or not")
    @ApiContract.Invalid
    ComplianceDrill drillDown(Authentication auth, @Nullable @QueryValue String section, @Nullable @QueryValue String figure,
                              @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                              @Nullable @QueryValue String agency) {
        return compliance.drillDown(compliance.scope(Actors.of(auth), from, to, agency), section, figure);
    }

    @Get(value = "/compliance/public", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "The published summary: per agency and rule, the rate met; no personal data, no reasons")
    @Hidden
    HttpResponse<PublicCompliance> publicSummary(HttpRequest<?> request, @Nullable @QueryValue String from,
                                                 @Nullable @QueryValue String to) {
        var scope = compliance.publicScope(from, to);
        return cache.answer(request, () -> HttpResponse.ok(compliance.publicSummary(scope))
                .contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    private static HttpResponse<byte[]> csv(ComplianceReport report, boolean download) {
        MutableHttpResponse<byte[]> response = HttpResponse.ok(ComplianceCsv.write(report).getBytes(StandardCharsets.UTF_8))
                .contentType(ComplianceCsv.MEDIA_TYPE).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (download) {
            String name = "compliance-" + report.period().from() + "-" + report.period().to()
                    + (report.agency() == null ? "" : "-agency-" + report.agency().id()) + ".csv";
            response.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
        }
        return response;
    }

    /** CSV when the first of the Accept types that names CSV or JSON names CSV; JSON otherwise (and for *&#47;*). */
    static boolean prefersCsv(Collection<MediaType> accept) {
        for (MediaType type : accept) {
            String name = type.getName();
            if (name.equalsIgnoreCase(CSV)) {
                return true;
            }
            if (name.equalsIgnoreCase(MediaType.APPLICATION_JSON) || name.equals(MediaType.ALL)) {
                return false;
            }
        }
        return false;
    }
}
