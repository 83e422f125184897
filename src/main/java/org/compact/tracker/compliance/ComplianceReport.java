package org.compact.tracker.compliance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A compliance report: the period and agency it covers, the day it was judged on, the rule settings used, one
 * section per rule (in the order of the rule catalogue, after the scope and before the exemptions), and the rates
 * per agency. A figure without a value (a rate with nothing to divide, a median of nothing) leaves {@code value}
 * out of the JSON, as the API leaves out every null.
 *
 * @param period      the period and the rule that places a consultation in it
 * @param agency      the agency reported on, or absent for all agencies
 * @param asOf        "today" in the service's zone: overdue and deadline figures are judged on this day
 * @param generatedAt when the report was made (service clock)
 * @param zone        the zone in which instants become days (tracker.zone)
 * @param settings    the rule settings the figures use
 * @param sections    by id: SCOPE, the rule ids in catalogue order, EXEMPTIONS
 * @param byAgency    the headline rate of each rule, per agency (one row when an agency is asked for)
 */
@Serdeable
public record ComplianceReport(ReportPeriod period, @Schema(nullable = false) @Nullable AgencyRef agency, LocalDate asOf, Instant generatedAt,
                               String zone, Settings settings, Map<String, Section> sections,
                               List<AgencyRates> byAgency) {

    /** The period [from, to], both days included, and how a consultation is placed in it. */
    @Serdeable
    public record ReportPeriod(LocalDate from, LocalDate to, String rule) {
    }

    /** An agency by id and name. */
    @Serdeable
    public record AgencyRef(long id, String name) {
    }

    /** The configured periods behind the figures, ISO-8601. */
    @Serdeable
    public record Settings(String noticePeriod, String minimumDuration, String analysisPeriod, String feedbackDue) {
    }

    /**
     * One section: a rule (or the scope, or the exemptions), its kind in the catalogue, its figures by name and its
     * lists by name.
     */
    @Serdeable
    public record Section(String id, String title, String kind, Map<String, Figure> figures,
                          Map<String, Listing> lists) {
    }

    /**
     * One figure: a count, a share (0 to 1) or a number of days; absent when there is nothing to compute it from.
     */
    @Serdeable
    public record Figure(@Nullable Number value, String unit, String definition) {
    }

    /**
     * A list of items (consultations, actions, exemptions, organisations): at most {@code limit} rows of
     * {@code total}, in the order stated in the definition; each row maps a column name to a text or a number.
     */
    @Serdeable
    public record Listing(String title, String definition, List<String> columns, long total, int limit,
                          List<Map<String, Object>> rows) {
    }

    /**
     * The headline rate of each rule for one agency: over the consultations it leads and the joint ones it is a
     * partner of, so that a joint consultation is in the row of each of its agencies (and once in the totals).
     *
     * @param consultations      counted consultations of the agency, joint ones included
     * @param jointConsultations of those, the joint ones (led by it with partners, or led by another with it)
     */
    @Serdeable
    public record AgencyRates(long agencyId, String agencyName, long consultations, long jointConsultations,
                              Map<String, Rate> rates) {
    }

    /** {@code met} of {@code of}, and the share (absent when {@code of} is 0). */
    @Serdeable
    public record Rate(long met, long of, @Nullable Double rate) {
        static Rate of(long met, long of) {
            return new Rate(met, of, of == 0 ? null : (double) met / of);
        }
    }
}
