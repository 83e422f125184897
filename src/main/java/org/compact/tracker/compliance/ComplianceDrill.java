package org.compact.tracker.compliance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * The consultations behind one figure of a compliance report: those the figure counts (or, for a rate, those it
 * divides by, each marked met or not; for an organisation, action or concern figure, those that have one).
 *
 * @param period      the report's period and agency, as for the report
 * @param section     the section of the figure (a rule id, SCOPE or EXEMPTIONS)
 * @param figure      the figure's name, as in the report
 * @param listed      which consultations are listed, in words
 * @param met         for a rate, what "met" means for one consultation; absent otherwise
 * @param total       how many consultations there are; {@code rows} holds at most {@code limit} of them
 * @param countsSame  true when the figure's value is the number of these consultations
 */
@Serdeable
public record ComplianceDrill(ComplianceReport.ReportPeriod period, @Schema(nullable = false) @Nullable ComplianceReport.AgencyRef agency,
                              LocalDate asOf, String section, String figure, String listed, @Nullable String met,
                              long total, int limit, boolean countsSame, List<Row> rows) {

    /** One consultation: where to find it, its status and dates, and for a rate whether it met the rule. */
    @Serdeable
    /** One consultation; {@code agencyId} and {@code agencyName} are its lead, {@code joint} true when it has partners. */
    public record Row(long consultationId, String title, long agencyId, String agencyName, String status,
                      @Nullable LocalDate opensOn, @Nullable LocalDate closesOn, @Nullable Boolean met, boolean joint) {
    }
}
