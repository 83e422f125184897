package org.compact.tracker.compliance;

import org.compact.tracker.compliance.ComplianceReport.AgencyRef;
import org.compact.tracker.compliance.ComplianceReport.Section;
import org.compact.tracker.compliance.ListQueries.Reason;
import org.compact.tracker.rules.RuleId;

import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Puts one report together on one connection: runs each aggregate once ({@link CountQueries}) and each list
 * ({@link ListQueries}), hands the records to the section writers in the catalogue's order, after the scope and
 * before the exemptions, and adds the rates per agency. The heaviest scans (the notice lead times, the period's
 * consultations) run once and serve every figure, median and chart drawn from them.
 */
final class ReportBuilder {
    private final ReportConnection db;
    private final Instant generatedAt;
    /** The scan and the concerns of the last {@link #report()}, which {@link #overview()} reads again. */
    private CountQueries.Consultations lastScan;
    private ConcernCounts lastConcerns;

    ReportBuilder(ReportConnection db, Instant generatedAt) {
        this.db = db;
        this.generatedAt = generatedAt;
    }

    /** The report with its summary per agency and its trends by quarter, for the page. */
    ComplianceOverview overview() throws SQLException {
        ComplianceReport report = report();
        CountQueries.Consultations scan = lastScan;
        ConcernCounts concerns = lastConcerns;
        List<ComplianceOverview.AgencySummary> agencies = report.byAgency().stream()
                .map(a -> new ComplianceOverview.AgencySummary(a.agencyId(), a.agencyName(), a.consultations(),
                        a.jointConsultations(), scan.ofAgency(a.agencyId()).feedbackOverdue(), concerns.ofAgency(a.agencyId()).open(), a.rates()))
                .toList();
        return new ComplianceOverview(report, agencies, Trends.of(db));
    }

    ComplianceReport report() throws SQLException {
        CountQueries counts = new CountQueries(db);
        ListQueries lists = new ListQueries(db);
        ReportScope scope = db.scope();
        ReportSettings settings = db.settings();
        String zone = db.sql().zone();

        CountQueries.Consultations scan = counts.consultations();
        ConsultationCounts c = scan.total();
        ExemptionCounts exemptions = counts.exemptions();
        LeadTimes leads = counts.leadTimes();
        Map<Long, ActionCounts> actionsPerAgency = counts.actions();
        ActionCounts actions = actionsPerAgency.values().stream().reduce(ActionCounts.NONE, ActionCounts::plus);
        ConcernCounts concerns = counts.concerns();
        PerAgency perAgency = PerAgency.of(db);
        lastScan = perAgency.scan();
        lastConcerns = perAgency.concerns();

        var early = lists.openedWithoutFullNotice();
        var shorter = lists.shorterThanMinimum();
        var overdueFeedback = lists.overdueFeedback();
        Map<String, Section> sections = new LinkedHashMap<>();
        sections.put("SCOPE", ScopeSection.of(c));
        sections.put(RuleId.NOTICE.name(), NoticeSection.of(c, exemptions, leads, early,
                reasons(lists, RuleId.NOTICE, early, ListQueries.OpenedEarly::consultationId), settings, zone));
        sections.put(RuleId.PRIOR_WORK.name(), PriorWorkSection.of(c, exemptions));
        sections.put(RuleId.INFLUENCE.name(), InfluenceSection.of(c, exemptions, settings));
        sections.put(RuleId.DURATION.name(), DurationSection.of(c, exemptions, shorter,
                reasons(lists, RuleId.DURATION, shorter, ListQueries.OpenTooBriefly::consultationId), settings));
        sections.put(RuleId.METHODS.name(), MethodsSection.of(c, exemptions));
        sections.put(RuleId.INCLUSION.name(), InclusionSection.of(c, exemptions, settings));
        sections.put(RuleId.OVERLOAD.name(), OverloadSection.of(lists.mostConsulted(), exemptions));
        sections.put(RuleId.OPT_OUT.name(), OptOutSection.of(counts.optOuts()));
        sections.put(RuleId.FEEDBACK.name(), FeedbackSection.of(c, scan.feedbackDays(), exemptions, overdueFeedback,
                reasons(lists, RuleId.FEEDBACK, overdueFeedback, ListQueries.FeedbackOverdue::consultationId), settings,
                zone, scope.today()));
        sections.put(RuleId.ACTION.name(), ActionSection.of(actions, exemptions, lists.overdueActions(), scope.today()));
        sections.put(RuleId.SHARE.name(), ShareSection.of(c));
        sections.put(RuleId.CLEAR_LANGUAGE.name(), ClearLanguageSection.of(c, exemptions));
        sections.put(RuleId.MONITOR.name(), MonitorSection.of(concerns, counts.medianDaysToAnswer(), zone, scope.today()));
        sections.put("EXEMPTIONS", ExemptionsSection.of(exemptions, lists.exemptions()));

        return new ComplianceReport(scope.period(), scope.agencyId() == null ? null
                : new AgencyRef(scope.agencyId(), scope.agencyName()), scope.today(), generatedAt, zone,
                settings.asStated(), sections,
                perAgency.rates(counts.agencies()));
    }

    /** The public summary: the rates per agency, from the same aggregates, and nothing else. */
    PublicCompliance publicSummary() throws SQLException {
        List<AgencyRef> agencies = new CountQueries(db).agencies();
        return new PublicCompliance(db.scope().period(), db.scope().today(), generatedAt, RatesByAgency.DEFINITIONS,
                PerAgency.of(db).rates(agencies), awaitingFeedback(agencies));
    }

    /**
     * The aggregates of the rows per agency, read {@link ReportConnection#perParty per agency} (a joint consultation
     * in each of its agencies' rows): four statements whatever the number of agencies.
     */
    record PerAgency(CountQueries.Consultations scan, LeadTimes leads, Map<Long, ActionCounts> actions,
                     ConcernCounts concerns) {
        static PerAgency of(ReportConnection db) throws SQLException {
            CountQueries counts = new CountQueries(db.perParty());
            return new PerAgency(counts.consultations(), counts.leadTimes(), counts.actions(), counts.concerns());
        }

        List<ComplianceReport.AgencyRates> rates(List<AgencyRef> agencies) {
            return RatesByAgency.of(agencies, scan, leads, actions, concerns);
        }
    }

    /**
     * The consultations whose feedback is late, whenever they opened: the report's own overdue-feedback list
     * ({@link ListQueries#overdueFeedback}) over every year a date may name, longest late first.
     */
    private List<PublicCompliance.AwaitingFeedback> awaitingFeedback(List<AgencyRef> agencies) throws SQLException {
        ReportScope scope = db.scope();
        ReportScope always = new ReportScope(ALL_FROM, ALL_TO, scope.agencyId(), scope.agencyName(), scope.today());
        Map<Long, String> names = new java.util.HashMap<>();
        agencies.forEach(a -> names.put(a.id(), a.name()));
        return new ListQueries(db.across(always)).overdueFeedback().stream().map(f -> {
            java.time.LocalDate due = f.closesOn().plus(db.settings().feedbackDue());
            return new PublicCompliance.AwaitingFeedback(f.consultationId(), f.title(), f.agencyId(),
                    names.getOrDefault(f.agencyId(), ""), f.closesOn(), due,
                    java.time.temporal.ChronoUnit.DAYS.between(due, scope.today()));
        }).toList();
    }

    /** The first and last day any date of the register may name (support.CalendarDate). */
    static final java.time.LocalDate ALL_FROM = java.time.LocalDate.of(1900, 1, 1);
    static final java.time.LocalDate ALL_TO = java.time.LocalDate.of(2100, 12, 31);

    private static <T> Map<Long, List<Reason>> reasons(ListQueries lists, RuleId rule, List<T> rows,
                                                       ToLongFunction<T> consultationId) throws SQLException {
        return lists.reasons(rule, rows.stream().map(r -> consultationId.applyAsLong(r)).toList());
    }
}
