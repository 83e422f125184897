package org.compact.tracker.compliance;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.compliance.ComplianceReport.AgencyRates;
import org.compact.tracker.compliance.ComplianceReport.AgencyRef;
import org.compact.tracker.compliance.ComplianceReport.Figure;
import org.compact.tracker.compliance.ComplianceReport.Listing;
import org.compact.tracker.compliance.ComplianceReport.Rate;
import org.compact.tracker.compliance.ComplianceReport.ReportPeriod;
import org.compact.tracker.compliance.ComplianceReport.Section;
import org.compact.tracker.rules.RuleId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds one report on one connection. Every figure comes from an SQL aggregate (COUNT, SUM of CASE, MIN,
 * COUNT(DISTINCT), PERCENTILE_CONT, grouped by agency); Java only adds up the per-agency rows and divides. Two
 * medians are read off counts the database returns, exactly as PERCENTILE_CONT(0.5) would give them, so that the
 * scan behind them runs once: the notice lead times (one GROUP BY counts organisations per agency, lead days and
 * full month or not; the heaviest query of the report, every NOTICE delivery joined with its outbox row, then serves
 * the per-agency rates, the totals, the median, the worst and the chart) and the days feedback took (the scan of
 * the period's consultations is grouped by agency and by those days). Lists are capped at {@value #LIST_LIMIT} rows,
 * with the full count beside them.
 */
final class ReportBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(ReportBuilder.class);
    static final int LIST_LIMIT = 500;
    static final int TOP_ORGANISATIONS = 10;

    /** The 16 socially excluded groups of seed 000, in the catalogue's order (RuleSettings.SOCIALLY_EXCLUDED_GROUPS). */
    static final List<String> GROUPS = List.of("LEARNING_DIFFICULTIES", "PHYSICAL_DISABILITIES", "SENSORY_IMPAIRMENTS",
            "MINORITY_ETHNIC", "MENTAL_HEALTH", "PHYSICAL_HEALTH", "REFUGEES_ASYLUM_SEEKERS", "YOUNG_PEOPLE",
            "OLDER_PEOPLE", "LGBT", "WOMEN", "LOW_SKILLS", "LONE_PARENTS", "CARERS", "DEPRIVED_NEIGHBOURHOODS",
            "FAITH_GROUPS");

    /** The rules an exemption can be recorded for. */
    static final List<RuleId> EXEMPTABLE = List.of(RuleId.NOTICE, RuleId.PRIOR_WORK, RuleId.INFLUENCE,
            RuleId.DURATION, RuleId.METHODS, RuleId.INCLUSION, RuleId.OVERLOAD, RuleId.CLEAR_LANGUAGE,
            RuleId.FEEDBACK, RuleId.ACTION);

    private static final List<String> STATUSES = List.of("PLANNED", "NOTIFIED", "OPEN", "CLOSED", "FEEDBACK_GIVEN",
            "WITHDRAWN");

    static final String PERIOD_RULE = "A consultation is in the period when its planned open date (opensOn) falls "
            + "in [from, to], both days included; its deliveries, feedback, actions, concerns and exemptions go with "
            + "it. Counted consultations are those in the period whose notice has gone out (notifiedOn is set) and "
            + "that were not withdrawn.";

    /** The rule settings the figures use. */
    record Settings(Period notice, Period minimumDuration, Period analysis, Period feedbackDue) {
    }

    private final Connection connection;
    private final ReportScope scope;
    private final Settings settings;
    private final Sql sql;
    private final Instant generatedAt;

    ReportBuilder(Connection connection, ReportScope scope, Settings settings, Sql sql, Instant generatedAt) {
        this.connection = connection;
        this.scope = scope;
        this.settings = settings;
        this.sql = sql;
        this.generatedAt = generatedAt;
    }

    // ------------------------------------------------------------------------------------------------ the report

    ComplianceReport report() throws SQLException {
        TreeMap<Integer, Long> feedbackDays = new TreeMap<>();
        Map<Long, Map<String, Long>> perAgency = consultationCounts(feedbackDays);
        Map<String, Long> c = sum(perAgency.values());
        Map<String, long[]> exemptions = exemptionCounts();
        for (RuleId rule : EXEMPTABLE) {
            c.put("exc_" + rule.name().toLowerCase(Locale.ROOT), exemptions.getOrDefault(rule.name(), new long[4])[2]);
        }
        c.put("opened_short_exempted", exemptions.getOrDefault("NOTICE", new long[4])[3]);
        c.put("duration_short_exempted", exemptions.getOrDefault("DURATION", new long[4])[3]);
        Map<Long, List<LeadBucket>> leadsPerAgency = leadBuckets();
        List<LeadBucket> leads = leadsPerAgency.values().stream().flatMap(List::stream).toList();
        Map<Long, Map<String, Long>> actionsPerAgency = actionCounts();
        Map<String, Long> actions = sum(actionsPerAgency.values());
        Map<Long, Map<String, Long>> concernsPerAgency = new HashMap<>();
        Map<String, Long> concernKinds = new LinkedHashMap<>();
        LocalDate oldestOpenConcern = concernCounts(concernsPerAgency, concernKinds);
        Map<String, Long> concerns = sum(concernsPerAgency.values());

        Map<String, Section> sections = new LinkedHashMap<>();
        sections.put("SCOPE", scopeSection(c));
        sections.put(RuleId.NOTICE.name(), noticeSection(c, leads));
        sections.put(RuleId.PRIOR_WORK.name(), priorWorkSection(c));
        sections.put(RuleId.INFLUENCE.name(), influenceSection(c));
        sections.put(RuleId.DURATION.name(), durationSection(c));
        sections.put(RuleId.METHODS.name(), methodsSection(c));
        sections.put(RuleId.INCLUSION.name(), inclusionSection(c));
        sections.put(RuleId.OVERLOAD.name(), overloadSection(c));
        sections.put(RuleId.OPT_OUT.name(), optOutSection());
        sections.put(RuleId.FEEDBACK.name(), feedbackSection(c, feedbackDays));
        sections.put(RuleId.ACTION.name(), actionSection(c, actions));
        sections.put(RuleId.SHARE.name(), shareSection(c));
        sections.put(RuleId.CLEAR_LANGUAGE.name(), clearLanguageSection(c));
        sections.put(RuleId.MONITOR.name(), monitorSection(concerns, concernKinds, oldestOpenConcern));
        sections.put("EXEMPTIONS", exemptionsSection(exemptions));

        List<AgencyRates> byAgency = byAgency(perAgency, leadsPerAgency, actionsPerAgency, concernsPerAgency);
        return new ComplianceReport(period(), scope.agencyId() == null ? null
                : new AgencyRef(scope.agencyId(), scope.agencyName()), scope.today(), generatedAt, sql.zone(),
                new ComplianceReport.Settings(iso(settings.notice()), iso(settings.minimumDuration()),
                        iso(settings.analysis()), iso(settings.feedbackDue())),
                sections, byAgency);
    }

    PublicCompliance publicSummary() throws SQLException {
        Map<Long, Map<String, Long>> perAgency = consultationCounts(new TreeMap<>());
        Map<Long, List<LeadBucket>> leads = leadBuckets();
        Map<Long, Map<String, Long>> actions = actionCounts();
        Map<Long, Map<String, Long>> concerns = new HashMap<>();
        concernCounts(concerns, new LinkedHashMap<>());
        return new PublicCompliance(period(), scope.today(), generatedAt, RATE_DEFINITIONS,
                byAgency(perAgency, leads, actions, concerns));
    }

    private ReportPeriod period() {
        return new ReportPeriod(scope.from(), scope.to(), PERIOD_RULE);
    }

    // ------------------------------------------------------------------------------------------------ sections

    private Section scopeSection(Map<String, Long> c) {
        Figures f = new Figures();
        f.count("consultations", c.get("total"), "Consultations in the period (any status).");
        for (String status : STATUSES) {
            f.count(camel(status), c.get("st_" + status.toLowerCase(Locale.ROOT)),
                    "Consultations in the period whose status is " + status + " on the report day.");
        }
        f.count("counted", c.get("counted"), "Counted consultations: in the period, notice sent (notifiedOn set), "
                + "not withdrawn. The rule rates below are shares of these unless a figure says otherwise.");
        return section("SCOPE", "Scope", "SCOPE", f, Map.of());
    }

    private Section noticeSection(Map<String, Long> c, List<LeadBucket> leads) throws SQLException {
        long pairs = 0;
        long sent = 0;
        long full = 0;
        Integer worst = null;
        TreeMap<Integer, Long> histogram = new TreeMap<>();
        for (LeadBucket b : leads) {
            pairs += b.organisations();
            if (b.lead() != null) {
                sent += b.organisations();
                histogram.merge(b.lead(), b.organisations(), Long::sum);
                worst = worst == null ? b.lead() : Math.min(worst, b.lead());
                if (Boolean.TRUE.equals(b.fullNotice())) {
                    full += b.organisations();
                }
            }
        }
        String month = describe(settings.notice());
        Figures f = new Figures();
        f.count("organisationsNotified", pairs, "Organisations sent a NOTICE delivery about a counted consultation, "
                + "counted once per consultation and organisation (an organisation with several contacts counts once).");
        f.count("organisationsReached", sent, "Of those, organisations at least one of whose notices the mail server "
                + "accepted (outbox sent_at set).");
        f.count("organisationsNotYetReached", pairs - sent, "Of those, organisations none of whose notices has been "
                + "accepted yet (queued or failed).");
        f.count("withFullNotice", full, "Organisations reached whose first accepted notice came at least " + month
                + " before the open date: day(sent_at in " + sql.zone() + ") + " + iso(settings.notice()) + " <= opensOn.");
        f.share("fullNoticeRate", rate(full, sent), "withFullNotice / organisationsReached; absent when none was reached.");
        f.days("medianLeadDays", median(histogram), "Median over organisations reached of the lead time: opensOn minus "
                + "the day (in " + sql.zone() + ") the mail server accepted the organisation's first notice. With an "
                + "even count, the mean of the two middle values (as PERCENTILE_CONT(0.5)).");
        f.days("worstLeadDays", worst, "The shortest lead time of any organisation reached (negative: the notice was "
                + "accepted after the open date).");
        f.count("consultationsOpened", c.get("opened"), "Counted consultations that have opened (openedOn set).");
        f.count("openedWithoutFullNotice", c.get("opened_short"), "Counted consultations that opened before notifiedOn + "
                + iso(settings.notice()) + ": they could open only with a NOTICE exemption (listed below).");
        f.count("openedWithoutFullNoticeExempted", c.get("opened_short_exempted"), "Of those, consultations with a NOTICE "
                + "exemption recorded.");
        f.count("plannedPastNoticeDeadline", c.get("past_deadline"), "Consultations in the period still PLANNED whose "
                + "open date is before the report day + " + iso(settings.notice()) + ": notice can no longer give " + month
                + ". Not part of counted consultations.");
        Map<String, Listing> lists = new LinkedHashMap<>();
        lists.put("leadTimeBands", leadBands(histogram, leads));
        lists.put("openedWithoutFullNotice", openedWithoutFullNotice(c.get("opened_short")));
        return section(RuleId.NOTICE.name(), "One calendar month of notice", f, lists);
    }

    private Section priorWorkSection(Map<String, Long> c) {
        long counted = c.get("counted");
        long met = c.get("pw_related") + c.get("pw_statement");
        Figures f = new Figures();
        f.count("consultations", counted, "Counted consultations.");
        f.count("withRelated", c.get("pw_related"), "Counted consultations linked to at least one earlier consultation.");
        f.count("withStatementOnly", c.get("pw_statement"), "Counted consultations with no link but a statement (not "
                + "blank) that no earlier consultation is relevant.");
        f.count("met", met, "withRelated + withStatementOnly.");
        f.share("rate", rate(met, counted), "met / consultations; absent when there are none.");
        exempted(f, c, RuleId.PRIOR_WORK);
        return section(RuleId.PRIOR_WORK.name(), "Earlier work checked before notice", f, Map.of());
    }

    private Section influenceSection(Map<String, Long> c) {
        long counted = c.get("counted");
        Figures f = new Figures();
        f.count("consultations", counted, "Counted consultations.");
        f.count("decisionAfterAnalysis", c.get("influence_met"), "Counted consultations whose decision date is after "
                + "closesOn + " + iso(settings.analysis()) + " (strictly: a decision on that day is too soon).");
        f.share("rate", rate(c.get("influence_met"), counted), "decisionAfterAnalysis / consultations; absent when there are none.");
        f.count("opennessStated", c.get("influence_stated"), "Counted consultations that state what is open to "
                + "change, what is fixed, and who decides (none blank).");
        exempted(f, c, RuleId.INFLUENCE);
        return section(RuleId.INFLUENCE.name(), "Consultation before the decision", f, Map.of());
    }

    private Section durationSection(Map<String, Long> c) throws SQLException {
        long counted = c.get("counted");
        long met = c.get("duration_met");
        Figures f = new Figures();
        f.count("consultations", counted, "Counted consultations.");
        f.count("openAtLeastMinimum", met, "Counted consultations open at least " + describe(settings.minimumDuration())
                + ": closesOn >= opensOn + " + iso(settings.minimumDuration()) + " - 1 day (both days are open days; "
                + "planned dates).");
        f.share("rate", rate(met, counted), "openAtLeastMinimum / consultations; absent when there are none.");
        f.count("shorter", counted - met, "Counted consultations open for less (or without both dates).");
        f.count("shorterExempted", c.get("duration_short_exempted"), "Of the shorter ones, those with a DURATION "
                + "exemption (the written rationale for a shorter period).");
        exempted(f, c, RuleId.DURATION);
        return section(RuleId.DURATION.name(), "Twelve weeks to respond", f,
                Map.of("shorter", shorterThanMinimum(counted - met)));
    }

    private Section methodsSection(Map<String, Long> c) {
        long counted = c.get("counted");
        Figures f = new Figures();
        f.count("consultations", counted, "Counted consultations.");
        f.count("withMethodAndAudience", c.get("methods_met"), "Counted consultations with at least one method and at "
                + "least one audience. Whether the methods suit the audience is judged on each consultation's checklist, "
                + "not here.");
        f.share("rate", rate(c.get("methods_met"), counted), "withMethodAndAudience / consultations.");
        exempted(f, c, RuleId.METHODS);
        return section(RuleId.METHODS.name(), "Methods that suit the audience", f, Map.of());
    }

    private Section inclusionSection(Map<String, Long> c) {
        long counted = c.get("counted");
        Figures f = new Figures();
        f.count("consultations", counted, "Counted consultations.");
        f.count("namingAnyGroup", c.get("inclusion_any"), "Counted consultations naming at least one of the 16 "
                + "socially excluded groups as an audience (names matched ignoring case, spaces and hyphens: "
                + "'older people' is OLDER_PEOPLE).");
        f.share("rate", rate(c.get("inclusion_any"), counted), "namingAnyGroup / consultations.");
        long covered = GROUPS.stream().filter(g -> c.get("g_" + g.toLowerCase(Locale.ROOT)) > 0).count();
        f.count("groupsNamed", covered, "How many of the 16 groups at least one counted consultation named.");
        for (String group : GROUPS) {
            f.count(group, c.get("g_" + group.toLowerCase(Locale.ROOT)), "Counted consultations naming " + group
                    + " as an audience.");
        }
        exempted(f, c, RuleId.INCLUSION);
        return section(RuleId.INCLUSION.name(), "The socially excluded groups named", f, Map.of());
    }

    /**
     * The most-consulted organisations: NOTICE deliveries of counted consultations per organisation (one GROUP BY
     * over the organisation alone, the top ten kept), then, for those ten only, how many consultations that was.
     */
    private Section overloadSection(Map<String, Long> c) throws SQLException {
        Q q = new Q().add("SELECT t.organisation_id, o.name, t.notices, t.organisations FROM (SELECT d.organisation_id, "
                + "COUNT(*) AS notices, COUNT(*) OVER () AS organisations FROM consultation c "
                + "JOIN delivery d ON d.consultation_id = c.id AND d.kind = 'NOTICE' WHERE ");
        where(q, "c", true);
        q.add(" GROUP BY d.organisation_id ORDER BY notices DESC, d.organisation_id LIMIT " + TOP_ORGANISATIONS
                + ") t JOIN organisation o ON o.id = t.organisation_id ORDER BY t.notices DESC, t.organisation_id");
        List<Map<String, Object>> rows = new ArrayList<>();
        long organisations = 0;
        try (PreparedStatement s = q.prepare(connection); ResultSet rs = run(s, q)) {
            while (rs.next()) {
                organisations = rs.getLong(4);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("organisationId", rs.getLong(1));
                row.put("name", rs.getString(2));
                row.put("notices", rs.getLong(3));
                rows.add(row);
            }
        }
        if (!rows.isEmpty()) {
            Q each = new Q().add("SELECT d.organisation_id, COUNT(DISTINCT d.consultation_id) FROM delivery d "
                    + "JOIN consultation c ON c.id = d.consultation_id WHERE d.kind = 'NOTICE' AND d.organisation_id IN (");
            for (int i = 0; i < rows.size(); i++) {
                each.add(i == 0 ? "" : ", ").p(rows.get(i).get("organisationId"));
            }
            each.add(") AND ");
            where(each, "c", true);
            each.add(" GROUP BY d.organisation_id");
            Map<Long, Long> consultations = new HashMap<>();
            try (PreparedStatement s = each.prepare(connection); ResultSet rs = run(s, each)) {
                while (rs.next()) {
                    consultations.put(rs.getLong(1), rs.getLong(2));
                }
            }
            for (Map<String, Object> row : rows) {
                row.put("consultations", consultations.getOrDefault((Long) row.get("organisationId"), 0L));
            }
        }
        Figures f = new Figures();
        f.count("organisationsAsked", organisations, "Organisations sent notice of at least one counted consultation.");
        f.count("mostNotices", rows.isEmpty() ? null : (Number) rows.get(0).get("notices"),
                "The most NOTICE deliveries (one per contact) about counted consultations that any one organisation "
                        + "was sent: the first of the list.");
        exempted(f, c, RuleId.OVERLOAD);
        Listing busiest = new Listing("Most-consulted organisations", "The " + TOP_ORGANISATIONS + " organisations sent "
                + "the most NOTICE deliveries about counted consultations (one per contact), then by id, with how many "
                + "consultations that was.", List.of("organisationId", "name", "notices", "consultations"),
                organisations, TOP_ORGANISATIONS, rows);
        return section(RuleId.OVERLOAD.name(), "Not over-consulting", f, Map.of("mostConsulted", busiest));
    }

    private Section optOutSection() throws SQLException {
        Map<String, Long> d = single(new Q().add("SELECT COUNT(*) AS organisations, "
                + "SUM(CASE WHEN opt_out_all THEN 1 ELSE 0 END) AS opted_out_all, "
                + "SUM(CASE WHEN NOT opt_out_all AND opt_out_themes <> '[]' THEN 1 ELSE 0 END) AS opted_out_themes, "
                + "(SELECT COUNT(*) FROM contact_opt_out) AS unsubscribed FROM organisation"));
        Figures f = new Figures();
        String now = " The shared directory as it is on the report day, all agencies (not limited to the period).";
        f.count("organisations", d.get("organisations"), "Organisations in the directory." + now);
        f.count("optedOutOfAll", d.get("opted_out_all"), "Organisations that want no notices at all." + now);
        f.count("optedOutOfSomeThemes", d.get("opted_out_themes"), "Other organisations that opted out of at least one "
                + "theme." + now);
        f.count("contactsUnsubscribed", d.get("unsubscribed"), "Contacts that unsubscribed by the link in a mail." + now);
        return section(RuleId.OPT_OUT.name(), "Opt-outs honoured", f, Map.of());
    }

    private Section feedbackSection(Map<String, Long> c, TreeMap<Integer, Long> feedbackDays) throws SQLException {
        long given = c.get("fb_given");
        long overdue = c.get("fb_overdue");
        Double median = median(feedbackDays);
        Figures f = new Figures();
        String due = "closesOn + " + iso(settings.feedbackDue());
        f.count("closed", c.get("fb_closed"), "Counted consultations that have closed (CLOSED or FEEDBACK_GIVEN).");
        f.count("given", given, "Of those, with feedback given (FEEDBACK_GIVEN).");
        f.count("givenOnTime", c.get("fb_on_time"), "Feedback given whose day of recording (recorded_at in " + sql.zone()
                + ") is on or before the due day, " + due + ".");
        f.count("givenLate", given - c.get("fb_on_time"), "Feedback given after the due day.");
        f.count("overdue", overdue, "CLOSED, no feedback, and the report day is after the due day (listed below).");
        f.count("notYetDue", c.get("fb_not_yet_due"), "CLOSED, no feedback, due day not passed.");
        f.share("onTimeRate", rate(c.get("fb_on_time"), given + overdue), "givenOnTime / (given + overdue): "
                + "consultations whose feedback is not yet due are left out; absent when nothing is due or given.");
        f.days("medianDaysAfterClose", median, "Median over feedback given of the days from closesOn to the day of "
                + "recording; with an even count, the mean of the two middle values (as PERCENTILE_CONT(0.5)).");
        exempted(f, c, RuleId.FEEDBACK);
        return section(RuleId.FEEDBACK.name(), "Feedback within twelve weeks", f,
                Map.of("overdue", overdueFeedback(overdue)));
    }

    private Section actionSection(Map<String, Long> c, Map<String, Long> a) throws SQLException {
        long promised = a.get("promised");
        long overdue = a.get("overdue");
        Figures f = new Figures();
        f.count("promised", promised, "Actions promised in the feedback of counted consultations.");
        f.count("done", a.get("done"), "Actions marked done.");
        f.count("doneOnTime", a.get("done_on_time"), "Actions marked done on or before their due day.");
        f.count("open", a.get("open"), "Actions not done.");
        f.count("overdue", overdue, "Actions not done whose due day is before the report day (listed below).");
        f.share("onTrackRate", rate(promised - overdue, promised), "(promised - overdue) / promised: actions done or "
                + "not yet due; absent when none was promised.");
        exempted(f, c, RuleId.ACTION);
        return section(RuleId.ACTION.name(), "Consultation turned into action", f,
                Map.of("overdue", overdueActions(overdue)));
    }

    private Section shareSection(Map<String, Long> c) {
        Figures f = new Figures();
        f.count("feedbackGiven", c.get("fb_given"), "Counted consultations with feedback given.");
        f.count("withPublishedReport", c.get("fb_published"), "Of those, feedback that links a published report "
                + "(reportUrl).");
        f.share("rate", rate(c.get("fb_published"), c.get("fb_given")), "withPublishedReport / feedbackGiven.");
        return section(RuleId.SHARE.name(), "Results shared", f, Map.of());
    }

    private Section clearLanguageSection(Map<String, Long> c) {
        Figures f = new Figures();
        f.count("consultations", c.get("counted"), "Counted consultations. Reading ease and jargon are judged on each "
                + "consultation's checklist when it is shown; they are not stored, so reports count only exemptions.");
        exempted(f, c, RuleId.CLEAR_LANGUAGE);
        return section(RuleId.CLEAR_LANGUAGE.name(), "Clear language", f, Map.of());
    }

    private Section monitorSection(Map<String, Long> k, Map<String, Long> kinds, @Nullable LocalDate oldestOpen)
            throws SQLException {
        long raised = k.get("raised");
        long open = k.get("open");
        Figures f = new Figures();
        f.count("concernsRaised", raised, "Concerns organisations raised about consultations in the period (any status).");
        f.count("open", open, "Concerns not answered on the report day.");
        f.count("answered", raised - open, "Concerns answered.");
        f.share("answeredRate", rate(raised - open, raised), "answered / concernsRaised.");
        f.days("medianDaysToAnswer", scalar(medianDaysToAnswer()), "Median over answered concerns of the days from the "
                + "day raised to the day answered (both in " + sql.zone() + ").");
        f.days("oldestOpenDays", oldestOpen == null ? null : ChronoUnit.DAYS.between(oldestOpen, scope.today()),
                "Days from the day the oldest open concern was raised to the report day.");
        for (Map.Entry<String, Long> kind : kinds.entrySet()) {
            f.count("raised" + Character.toUpperCase(camel(kind.getKey()).charAt(0)) + camel(kind.getKey()).substring(1),
                    kind.getValue(), "Concerns of kind " + kind.getKey() + ".");
        }
        return section(RuleId.MONITOR.name(), "Monitoring: concerns tracked to an answer", f, Map.of());
    }

    private Section exemptionsSection(Map<String, long[]> byRule) throws SQLException {
        long total = byRule.values().stream().mapToLong(v -> v[0]).sum();
        Figures f = new Figures();
        f.count("exemptions", total, "Exemptions recorded for consultations in the period, any status (withdrawn ones "
                + "included): every exemption shows in the report.");
        for (RuleId rule : EXEMPTABLE) {
            long[] v = byRule.getOrDefault(rule.name(), new long[2]);
            f.count(rule.name(), v[0], "Exemptions of " + rule.name() + " (on " + v[1] + " consultation"
                    + (v[1] == 1 ? "" : "s") + ").");
        }
        Q list = new Q().add("SELECT e.rule_id, c.id, c.title, c.agency_id, e.reason, e.recorded_by, e.recorded_at "
                + "FROM consultation c JOIN consultation_exemption e ON e.consultation_id = c.id WHERE ");
        where(list, "c", false);
        list.add(" ORDER BY e.recorded_at, e.id LIMIT " + LIST_LIMIT);
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement s = list.prepare(connection); ResultSet rs = run(s, list)) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("ruleId", rs.getString(1));
                row.put("consultationId", rs.getLong(2));
                row.put("title", rs.getString(3));
                row.put("agencyId", rs.getLong(4));
                row.put("reason", rs.getString(5));
                row.put("recordedBy", rs.getString(6));
                row.put("recordedAt", instant(rs, 7).toString());
                rows.add(row);
            }
        }
        Listing listing = new Listing("Exemptions", "Every exemption of a consultation in the period, oldest first: the "
                + "rule, the consultation, the written reason, who recorded it and when.",
                List.of("ruleId", "consultationId", "title", "agencyId", "reason", "recordedBy", "recordedAt"),
                total, LIST_LIMIT, rows);
        return section("EXEMPTIONS", "Exemptions and their reasons", "EXEMPTIONS", f, Map.of("exemptions", listing));
    }

    // ------------------------------------------------------------------------------------------------ per agency

    static final Map<String, String> RATE_DEFINITIONS = rateDefinitions();

    private static Map<String, String> rateDefinitions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("NOTICE", "organisations whose first accepted notice came at least the notice period (one calendar month) "
                + "before the open date, of organisations whose notice the mail server accepted");
        d.put("PRIOR_WORK", "consultations with earlier work linked or a statement that none is relevant, of counted "
                + "consultations");
        d.put("INFLUENCE", "consultations whose decision date is after the close date plus the analysis period, of "
                + "counted consultations");
        d.put("DURATION", "consultations open at least the minimum duration (twelve weeks), of counted consultations");
        d.put("METHODS", "consultations with at least one method and one audience, of counted consultations");
        d.put("INCLUSION", "consultations naming at least one of the 16 socially excluded groups, of counted "
                + "consultations");
        d.put("FEEDBACK", "feedback given by the due day (close date plus twelve weeks), of feedback given or overdue");
        d.put("ACTION", "promised actions done or not yet due, of promised actions");
        d.put("SHARE", "feedback that links a published report, of feedback given");
        d.put("MONITOR", "concerns answered, of concerns raised");
        return java.util.Collections.unmodifiableMap(d);
    }

    private List<AgencyRates> byAgency(Map<Long, Map<String, Long>> consultations, Map<Long, List<LeadBucket>> leads,
                                       Map<Long, Map<String, Long>> actions, Map<Long, Map<String, Long>> concerns)
            throws SQLException {
        List<AgencyRef> agencies = new ArrayList<>();
        if (scope.agencyId() != null) {
            agencies.add(new AgencyRef(scope.agencyId(), scope.agencyName()));
        } else {
            try (PreparedStatement s = connection.prepareStatement("SELECT id, name FROM agency ORDER BY name, id");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    agencies.add(new AgencyRef(rs.getLong(1), rs.getString(2)));
                }
            }
        }
        List<AgencyRates> out = new ArrayList<>();
        for (AgencyRef agency : agencies) {
            Map<String, Long> c = orZero(consultations.get(agency.id()));
            Map<String, Long> a = orZero(actions.get(agency.id()));
            Map<String, Long> k = orZero(concerns.get(agency.id()));
            long sent = 0;
            long full = 0;
            for (LeadBucket b : leads.getOrDefault(agency.id(), List.of())) {
                if (b.lead() != null) {
                    sent += b.organisations();
                    full += Boolean.TRUE.equals(b.fullNotice()) ? b.organisations() : 0;
                }
            }
            long counted = c.get("counted");
            Map<String, Rate> rates = new LinkedHashMap<>();
            rates.put("NOTICE", Rate.of(full, sent));
            rates.put("PRIOR_WORK", Rate.of(c.get("pw_related") + c.get("pw_statement"), counted));
            rates.put("INFLUENCE", Rate.of(c.get("influence_met"), counted));
            rates.put("DURATION", Rate.of(c.get("duration_met"), counted));
            rates.put("METHODS", Rate.of(c.get("methods_met"), counted));
            rates.put("INCLUSION", Rate.of(c.get("inclusion_any"), counted));
            rates.put("FEEDBACK", Rate.of(c.get("fb_on_time"), c.get("fb_given") + c.get("fb_overdue")));
            rates.put("ACTION", Rate.of(a.get("promised") - a.get("overdue"), a.get("promised")));
            rates.put("SHARE", Rate.of(c.get("fb_published"), c.get("fb_given")));
            rates.put("MONITOR", Rate.of(k.get("raised") - k.get("open"), k.get("raised")));
            out.add(new AgencyRates(agency.id(), agency.name(), counted, rates));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ queries

    /**
     * The consultations of the period, one scan, grouped by agency: statuses, and for counted consultations every
     * per-consultation rule test, with feedback joined in (exemptions are counted by {@link #exemptionCounts}).
     */
    private Map<Long, Map<String, Long>> consultationCounts(TreeMap<Integer, Long> feedbackDays) throws SQLException {
        // Grouped by agency and by the days feedback took (null without feedback), so that the one scan also gives
        // the distribution of feedback days, from which the median is read.
        String days = "CASE WHEN c.k = 1 AND c.status = 'FEEDBACK_GIVEN' AND f.consultation_id IS NOT NULL THEN "
                + Sql.days(sql.localDate("f.recorded_at"), "c.closes_on") + " END";
        Criteria is = criteria();
        Q q = new Q().add("SELECT c.agency_id, " + days + " AS fb_days, COUNT(*) AS total");
        for (String status : STATUSES) {
            sum(q, "st_" + status.toLowerCase(Locale.ROOT), is.status(status));
        }
        q.add(", SUM(c.k) AS counted");
        sum(q, "opened", is.opened());
        sum(q, "opened_short", is.openedShort());
        sum(q, "past_deadline", is.plannedPastNoticeDeadline());
        sum(q, "pw_related", is.priorWorkRelated());
        sum(q, "pw_statement", is.priorWorkStatementOnly());
        sum(q, "influence_met", is.influenceMet());
        sum(q, "influence_stated", is.influenceStated());
        sum(q, "duration_met", is.durationMet());
        sum(q, "methods_met", is.methodsMet());
        for (String group : GROUPS) {
            sum(q, "g_" + group.toLowerCase(Locale.ROOT), is.counted().and(is.names(group)));
        }
        sum(q, "inclusion_any", is.namesAnyGroup());
        sum(q, "fb_closed", is.feedbackClosed());
        sum(q, "fb_given", is.feedbackGiven());
        sum(q, "fb_on_time", is.feedbackOnTime());
        sum(q, "fb_overdue", is.feedbackOverdue());
        sum(q, "fb_not_yet_due", is.feedbackNotYetDue());
        sum(q, "fb_published", is.feedbackPublished());
        scan(q);
        q.add(" GROUP BY c.agency_id, " + days);
        Map<Long, Map<String, Long>> out = new HashMap<>();
        try (PreparedStatement st = q.prepare(connection); ResultSet rs = run(st, q)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Long> agency = out.computeIfAbsent(rs.getLong(1), a -> new HashMap<>());
                int day = rs.getInt(2);
                boolean given = !rs.wasNull();
                for (int i = 3; i <= meta.getColumnCount(); i++) {
                    agency.merge(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getLong(i), Long::sum);
                }
                if (given) {
                    feedbackDays.merge(day, rs.getLong(3), Long::sum);
                }
            }
        }
        return out;
    }

    /**
     * The period's consultations as {@link Criteria} reads them: {@code FROM} the consultations of the scope, as
     * {@code c} with {@code k} (1 when counted) and {@code aud} (audiences as codes), left-joined with their
     * {@code feedback f}.
     */
    Q scan(Q q) {
        q.add(" FROM (SELECT id, title, agency_id, status, opens_on, closes_on, notified_on, opened_on, decision_date, "
                + "decision_maker, open_to_change, fixed, prior_work_ids, prior_work_statement, methods, audiences, "
                + "UPPER(REPLACE(REPLACE(audiences, ' ', '_'), '-', '_')) AS aud, "
                + "CASE WHEN notified_on IS NOT NULL AND status <> 'WITHDRAWN' THEN 1 ELSE 0 END AS k "
                + "FROM consultation c WHERE ");
        where(q, "c", false);
        return q.add(") c LEFT JOIN feedback f ON f.consultation_id = c.id");
    }

    /**
     * Exemptions per rule, over the exemption rows of consultations in the period: {exemptions, consultations (any
     * status), counted consultations, counted consultations the exemption covers a shortfall of (NOTICE: opened
     * without a full notice period; DURATION: shorter than the minimum; 0 for other rules)}.
     */
    private Map<String, long[]> exemptionCounts() throws SQLException {
        String counted = "c.notified_on IS NOT NULL AND c.status <> 'WITHDRAWN'";
        String openedShort = "c.opened_on IS NOT NULL AND c.opened_on < " + Sql.plus("c.notified_on", settings.notice());
        String durationMet = "c.opens_on IS NOT NULL AND c.closes_on IS NOT NULL AND "
                + Sql.plus("c.opens_on", settings.minimumDuration()) + " <= " + Sql.plus("c.closes_on", Period.ofDays(1));
        Q q = new Q().add("SELECT e.rule_id, COUNT(*) AS exemptions, COUNT(DISTINCT e.consultation_id) AS consultations, "
                + "COUNT(DISTINCT CASE WHEN " + counted + " THEN c.id END) AS counted, "
                + "COUNT(DISTINCT CASE WHEN " + counted + " AND ((e.rule_id = 'NOTICE' AND " + openedShort + ") OR "
                + "(e.rule_id = 'DURATION' AND NOT (" + durationMet + "))) THEN c.id END) AS short "
                + "FROM consultation c JOIN consultation_exemption e ON e.consultation_id = c.id WHERE ");
        where(q, "c", false);
        q.add(" GROUP BY e.rule_id");
        Map<String, long[]> byRule = new HashMap<>();
        try (PreparedStatement s = q.prepare(connection); ResultSet rs = run(s, q)) {
            while (rs.next()) {
                byRule.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
            }
        }
        return byRule;
    }

    /** A count of organisations per (agency, lead days, full notice or not); lead null when none was accepted. */
    record LeadBucket(long agencyId, @Nullable Integer lead, @Nullable Boolean fullNotice, long organisations) {
    }

    /**
     * The notice lead times: every NOTICE delivery of a counted consultation joined with its outbox row, first
     * grouped per (consultation, organisation) to the earliest acceptance, then counted per (agency, lead days,
     * full month or not). This is the report's heaviest query, and it runs once.
     */
    private Map<Long, List<LeadBucket>> leadBuckets() throws SQLException {
        Q q = new Q().add("SELECT q.agency_id, q.lead, q.full_notice, COUNT(*) AS organisations FROM (SELECT p.agency_id, "
                + Sql.days("p.opens_on", "p.sent_on") + " AS lead, CASE WHEN p.sent_on IS NULL THEN NULL WHEN "
                + Sql.plus("p.sent_on", settings.notice()) + " <= p.opens_on THEN 1 ELSE 0 END AS full_notice "
                + "FROM (SELECT c.agency_id, c.opens_on, " + sql.localDate("MIN(o.sent_at)") + " AS sent_on "
                + "FROM consultation c JOIN delivery d ON d.consultation_id = c.id AND d.kind = 'NOTICE' "
                + "LEFT JOIN outbox_message o ON o.message_id = d.message_id WHERE ");
        where(q, "c", true);
        q.add(" GROUP BY c.agency_id, c.opens_on, d.consultation_id, d.organisation_id) p) q "
                + "GROUP BY q.agency_id, q.lead, q.full_notice");
        Map<Long, List<LeadBucket>> out = new HashMap<>();
        try (PreparedStatement s = q.prepare(connection); ResultSet rs = run(s, q)) {
            while (rs.next()) {
                long agency = rs.getLong(1);
                int lead = rs.getInt(2);
                Integer leadOrNull = rs.wasNull() ? null : lead;
                int full = rs.getInt(3);
                Boolean fullOrNull = rs.wasNull() ? null : full == 1;
                out.computeIfAbsent(agency, a -> new ArrayList<>())
                        .add(new LeadBucket(agency, leadOrNull, fullOrNull, rs.getLong(4)));
            }
        }
        return out;
    }

    private Map<Long, Map<String, Long>> actionCounts() throws SQLException {
        Q q = new Q().add("SELECT c.agency_id, COUNT(*) AS promised");
        sum(q, "done", "a.done_on IS NOT NULL");
        sum(q, "done_on_time", "a.done_on IS NOT NULL AND a.done_on <= a.due");
        sum(q, "open", "a.done_on IS NULL");
        q.add(", SUM(CASE WHEN a.done_on IS NULL AND a.due < ").p(scope.today()).add(" THEN 1 ELSE 0 END) AS overdue");
        q.add(" FROM consultation c JOIN feedback_action a ON a.consultation_id = c.id WHERE ");
        where(q, "c", true);
        q.add(" GROUP BY c.agency_id");
        return grouped(q);
    }

    /** Concern counts per agency (raised, open) into {@code perAgency}, per kind into {@code kinds}; the oldest open day. */
    @Nullable
    private LocalDate concernCounts(Map<Long, Map<String, Long>> perAgency, Map<String, Long> kinds) throws SQLException {
        Q q = new Q().add("SELECT c.agency_id, k.kind, COUNT(*) AS raised, "
                + "SUM(CASE WHEN k.answered_at IS NULL THEN 1 ELSE 0 END) AS open, "
                + "MIN(CASE WHEN k.answered_at IS NULL THEN " + sql.localDate("k.raised_at") + " END) AS oldest_open "
                + "FROM consultation c JOIN concern k ON k.consultation_id = c.id WHERE ");
        where(q, "c", false);
        q.add(" GROUP BY c.agency_id, k.kind ORDER BY k.kind");
        LocalDate oldest = null;
        try (PreparedStatement s = q.prepare(connection); ResultSet rs = run(s, q)) {
            while (rs.next()) {
                Map<String, Long> agency = perAgency.computeIfAbsent(rs.getLong(1), a -> new HashMap<>());
                agency.merge("raised", rs.getLong(3), Long::sum);
                agency.merge("open", rs.getLong(4), Long::sum);
                kinds.merge(rs.getString(2), rs.getLong(3), Long::sum);
                LocalDate day = rs.getObject(5, LocalDate.class);
                if (day != null && (oldest == null || day.isBefore(oldest))) {
                    oldest = day;
                }
            }
        }
        return oldest;
    }

    private Q medianDaysToAnswer() {
        Q q = new Q().add("SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY "
                + Sql.days(sql.localDate("k.answered_at"), sql.localDate("k.raised_at")) + ") FROM consultation c "
                + "JOIN concern k ON k.consultation_id = c.id WHERE k.answered_at IS NOT NULL AND ");
        return where(q, "c", false);
    }

    // ------------------------------------------------------------------------------------------------ lists

    private Listing openedWithoutFullNotice(long total) throws SQLException {
        Q q = new Q().add("SELECT c.id, c.title, c.agency_id, c.notified_on, c.opened_on, c.opens_on FROM consultation c "
                + "WHERE c.opened_on IS NOT NULL AND c.opened_on < " + Sql.plus("c.notified_on", settings.notice())
                + " AND ");
        where(q, "c", true);
        q.add(" ORDER BY c.opened_on, c.id LIMIT " + LIST_LIMIT);
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement s = q.prepare(connection); ResultSet rs = run(s, q)) {
            while (rs.next()) {
                Map<String, Object> row = consultationRow(rs);
                LocalDate notified = rs.getObject(4, LocalDate.class);
                row.put("notifiedOn", notified.toString());
                row.put("openedOn", rs.getObject(5, LocalDate.class).toString());
                row.put("fullNoticeFrom", notified.plus(settings.notice()).toString());
                rows.add(row);
            }
        }
        addExemptions(rows, RuleId.NOTICE);
        return new Listing("Opened without a full notice period", "Counted consultations that opened before notifiedOn + "
                + iso(settings.notice()) + ", by day opened, with their NOTICE exemptions.",
                List.of("consultationId", "title", "agencyId", "notifiedOn", "openedOn", "fullNoticeFrom", "exempted",
                        "exemptions"), total, LIST_LIMIT, rows);
    }

    private Listing shorterThanMinimum(long total) throws SQLException {
        String met = "c.opens_on IS NOT NULL AND c.closes_on IS NOT NULL AND "
                + Sql.plus("c.opens_on", settings.minimumDuration()) + " <= " + Sql.plus("c.closes_on", Period.ofDays(1));
        Q q = new Q().add("SELECT c.id, c.title, c.agency_id, c.opens_on, c.closes_on FROM consultation c WHERE NOT ("
                + met + ") AND ");
        where(q, "c", true);
        q.add(" ORDER BY c.opens_on, c.id LIMIT " + LIST_LIMIT);
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement s = q.prepare(connection); ResultSet rs = run(s, q)) {
            while (rs.next()) {
                Map<String, Object> row = consultationRow(rs);
                LocalDate opens = rs.getObject(4, LocalDate.class);
                LocalDate closes = rs.getObject(5, LocalDate.class);
                row.put("opensOn", opens == null ? null : opens.toString());
                row.put("closesOn", closes == null ? null : closes.toString());
                row.put("daysOpen", opens == null || closes == null ? null : ChronoUnit.DAYS.between(opens, closes) + 1);
                rows.add(row);
            }
        }
        addExemptions(rows, RuleId.DURATION);
        return new Listing("Open for less than the minimum", "Counted consultations open for less than "
                + iso(settings.minimumDuration()) + " (planned dates, both days open), by open date, with their DURATION "
                + "exemptions (the written rationale).", List.of("consultationId", "title", "agencyId", "opensOn",
                "closesOn", "daysOpen", "exempted", "exemptions"), total, LIST_LIMIT, rows);
    }

    private Listing overdueFeedback(long total) throws SQLException {
        Q q = new Q().add("SELECT c.id, c.title, c.agency_id, c.closes_on FROM consultation c WHERE c.status = 'CLOSED' "
                + "AND c.closes_on IS NOT NULL AND " + Sql.plus("c.closes_on", settings.feedbackDue()) + " < ")
                .p(scope.today()).add(" AND ");
        where(q, "c", true);
        q.add(" ORDER BY c.closes_on, c.id LIMIT " + LIST_LIMIT);
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement s = q.prepare(connection); ResultSet rs = run(s, q)) {
            while (rs.next()) {
                Map<String, Object> row = consultationRow(rs);
                LocalDate closes = rs.getObject(4, LocalDate.class);
                LocalDate due = closes.plus(settings.feedbackDue());
                row.put("closesOn", closes.toString());
                row.put("dueOn", due.toString());
                row.put("daysOverdue", ChronoUnit.DAYS.between(due, scope.today()));
                rows.add(row);
            }
        }
        addExemptions(rows, RuleId.FEEDBACK);
        return new Listing("Feedback overdue", "Counted consultations CLOSED without feedback after their due day ("
                + "closesOn + " + iso(settings.feedbackDue()) + "), oldest due first, with their FEEDBACK exemptions.",
                List.of("consultationId", "title", "agencyId", "closesOn", "dueOn", "daysOverdue", "exempted",
                        "exemptions"), total, LIST_LIMIT, rows);
    }

    private Listing overdueActions(long total) throws SQLException {
        Q q = new Q().add("SELECT c.id, c.title, c.agency_id, a.id, a.what, a.owner, a.due FROM consultation c "
                + "JOIN feedback_action a ON a.consultation_id = c.id WHERE a.done_on IS NULL AND a.due < ")
                .p(scope.today()).add(" AND ");
        where(q, "c", true);
        q.add(" ORDER BY a.due, a.id LIMIT " + LIST_LIMIT);
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement s = q.prepare(connection); ResultSet rs = run(s, q)) {
            while (rs.next()) {
                Map<String, Object> row = consultationRow(rs);
                LocalDate due = rs.getObject(7, LocalDate.class);
                row.put("actionId", rs.getLong(4));
                row.put("what", rs.getString(5));
                row.put("owner", rs.getString(6));
                row.put("due", due.toString());
                row.put("daysOverdue", ChronoUnit.DAYS.between(due, scope.today()));
                rows.add(row);
            }
        }
        return new Listing("Actions overdue", "Promised actions not done whose due day is before the report day, oldest "
                + "due first.", List.of("consultationId", "title", "agencyId", "actionId", "what", "owner", "due",
                "daysOverdue"), total, LIST_LIMIT, rows);
    }

    /** Adds "exempted" and "exemptions" (the written reasons of {@code rule}, oldest first) to each row. */
    private void addExemptions(List<Map<String, Object>> rows, RuleId rule) throws SQLException {
        Map<Long, List<String>> reasons = new HashMap<>();
        if (!rows.isEmpty()) {
            Q q = new Q().add("SELECT e.consultation_id, e.reason, e.recorded_by, e.recorded_at FROM consultation_exemption e "
                    + "WHERE e.rule_id = ").p(rule.name()).add(" AND e.consultation_id IN (");
            for (int i = 0; i < rows.size(); i++) {
                q.add(i == 0 ? "" : ", ").p(rows.get(i).get("consultationId"));
            }
            q.add(") ORDER BY e.recorded_at, e.id");
            try (PreparedStatement s = q.prepare(connection); ResultSet rs = run(s, q)) {
                while (rs.next()) {
                    reasons.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2) + " ("
                            + rs.getString(3) + ", " + instant(rs, 4).atZone(java.time.ZoneId.of(sql.zone()))
                            .toLocalDate() + ")");
                }
            }
        }
        for (Map<String, Object> row : rows) {
            List<String> found = reasons.getOrDefault((Long) row.get("consultationId"), List.of());
            row.put("exempted", found.isEmpty() ? "no" : "yes");
            row.put("exemptions", String.join(" | ", found));
        }
    }

    /** The lead times in bands, for the chart: how many organisations had how much notice. */
    private Listing leadBands(TreeMap<Integer, Long> histogram, List<LeadBucket> leads) {
        long[] counts = new long[6];
        for (LeadBucket b : leads) {
            if (b.lead() == null) {
                continue;
            }
            int lead = b.lead();
            int band;
            if (Boolean.TRUE.equals(b.fullNotice())) {
                band = lead > 56 ? 5 : 4;
            } else {
                band = lead < 0 ? 0 : lead < 14 ? 1 : lead < 28 ? 2 : 3;
            }
            counts[band] += b.organisations();
        }
        String[] names = {"after the open date", "0 to 13 days", "14 to 27 days", "28 days or more, short of "
                + describe(settings.notice()), describe(settings.notice()) + " to 8 weeks", "more than 8 weeks"};
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("band", names[i]);
            row.put("full", i >= 4 ? "yes" : "no");
            row.put("organisations", counts[i]);
            rows.add(row);
        }
        long total = histogram.values().stream().mapToLong(Long::longValue).sum();
        return new Listing("Notice lead time", "Organisations reached, by lead time band (full: at least the notice "
                + "period).", List.of("band", "full", "organisations"), total, names.length, rows);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Runs a query, logging its time at DEBUG (org.compact.tracker.compliance). */
    static ResultSet run(PreparedStatement statement, Q q) throws SQLException {
        long start = System.nanoTime();
        ResultSet rs = statement.executeQuery();
        if (LOG.isDebugEnabled()) {
            String text = q.sql();
            LOG.debug("{} ms: {}", (System.nanoTime() - start) / 1_000_000, text.length() > 160 ? text.substring(0, 160) : text);
        }
        return rs;
    }

    /** Adds the scope of the period (and agency, and counted consultations) on {@code alias}. */
    private Q where(Q q, String alias, boolean counted) {
        q.add(alias + ".opens_on >= ").p(scope.from()).add(" AND " + alias + ".opens_on <= ").p(scope.to());
        if (scope.agencyId() != null) {
            q.add(" AND " + alias + ".agency_id = ").p(scope.agencyId());
        }
        if (counted) {
            q.add(" AND " + alias + ".notified_on IS NOT NULL AND " + alias + ".status <> 'WITHDRAWN'");
        }
        return q;
    }

    private static void sum(Q q, String name, String condition) {
        q.add(", SUM(CASE WHEN " + condition + " THEN 1 ELSE 0 END) AS " + name);
    }

    private static void sum(Q q, String name, Criteria.Cond condition) {
        q.add(", SUM(CASE WHEN ").cond(condition).add(" THEN 1 ELSE 0 END) AS " + name);
    }

    Criteria criteria() {
        return new Criteria(settings, sql, scope.today());
    }

    /** Rows keyed by their first column (an agency id), each other column read as a count. */
    private Map<Long, Map<String, Long>> grouped(Q q) throws SQLException {
        Map<Long, Map<String, Long>> out = new HashMap<>();
        try (PreparedStatement s = q.prepare(connection); ResultSet rs = run(s, q)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Long> row = new HashMap<>();
                for (int i = 2; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getLong(i));
                }
                out.put(rs.getLong(1), row);
            }
        } catch (SQLException e) {
            throw new SQLException(e.getMessage() + " in " + q.sql(), e.getSQLState(), e);
        }
        return out;
    }

    private Map<String, Long> single(Q q) throws SQLException {
        try (PreparedStatement s = q.prepare(connection); ResultSet rs = run(s, q)) {
            ResultSetMetaData meta = rs.getMetaData();
            Map<String, Long> row = new HashMap<>();
            rs.next();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getLong(i));
            }
            return new Zeroes(row);
        }
    }

    @Nullable
    private Double scalar(Q q) throws SQLException {
        try (PreparedStatement s = q.prepare(connection); ResultSet rs = run(s, q)) {
            if (!rs.next()) {
                return null;
            }
            double v = rs.getDouble(1);
            return rs.wasNull() ? null : v;
        }
    }

    private static Map<String, Long> sum(Iterable<Map<String, Long>> rows) {
        Map<String, Long> total = new HashMap<>();
        for (Map<String, Long> row : rows) {
            row.forEach((k, v) -> total.merge(k, v, Long::sum));
        }
        return new Zeroes(total);
    }

    private static Map<String, Long> orZero(@Nullable Map<String, Long> row) {
        return new Zeroes(row == null ? Map.of() : row);
    }

    /** A row of counts in which a column that no row had is 0 (an empty period has no rows at all). */
    private static final class Zeroes extends HashMap<String, Long> {
        Zeroes(Map<String, Long> values) {
            super(values);
        }

        @Override
        public Long get(Object key) {
            Long v = super.get(key);
            return v == null ? 0L : v;
        }
    }

    private static Map<String, Object> consultationRow(ResultSet rs) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("consultationId", rs.getLong(1));
        row.put("title", rs.getString(2));
        row.put("agencyId", rs.getLong(3));
        return row;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at.toInstant();
    }

    @Nullable
    static Double median(TreeMap<Integer, Long> histogram) {
        long n = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        long lowIndex = (n - 1) / 2;
        long highIndex = n / 2;
        Integer low = null;
        Integer high = null;
        long seen = 0;
        for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
            long next = seen + e.getValue();
            if (low == null && lowIndex < next) {
                low = e.getKey();
            }
            if (highIndex < next) {
                high = e.getKey();
                break;
            }
            seen = next;
        }
        return (low + high) / 2.0;
    }

    @Nullable
    private static Double rate(long met, long of) {
        return of == 0 ? null : (double) met / of;
    }

    private void exempted(Figures f, Map<String, Long> c, RuleId rule) {
        f.count("exempted", c.get("exc_" + rule.name().toLowerCase(Locale.ROOT)), "Counted consultations with at "
                + "least one " + rule.name() + " exemption. Exempted consultations still count as not met in the "
                + "rate: an exemption explains a shortfall, it does not hide it.");
    }

    private Section section(String id, String title, Figures f, Map<String, Listing> lists) {
        return section(id, title, RuleId.valueOf(id).kind().name(), f, lists);
    }

    private static Section section(String id, String title, String kind, Figures f, Map<String, Listing> lists) {
        return new Section(id, title, kind, f.figures, lists);
    }

    private static String camel(String code) {
        String[] parts = code.toLowerCase(Locale.ROOT).split("_");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            out.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return out.toString();
    }

    /** A period as configuration writes it: P12W rather than Period's P84D. */
    static String iso(Period p) {
        if (p.getYears() == 0 && p.getMonths() == 0 && p.getDays() > 0 && p.getDays() % 7 == 0) {
            return "P" + (p.getDays() / 7) + "W";
        }
        return p.toString();
    }

    /** A period in words: P1M is "one calendar month", P12W "12 weeks". */
    static String describe(Period p) {
        if (p.getYears() == 0 && p.getDays() == 0 && p.getMonths() == 1) {
            return "one calendar month";
        }
        if (p.getYears() == 0 && p.getMonths() == 0 && p.getDays() % 7 == 0) {
            return (p.getDays() / 7) + " weeks";
        }
        return p.toString();
    }

    /** The figures of a section, in the order added. */
    private static final class Figures {
        private final Map<String, Figure> figures = new LinkedHashMap<>();

        void count(String name, @Nullable Number value, String definition) {
            figures.put(name, new Figure(value, "count", definition));
        }

        void share(String name, @Nullable Double value, String definition) {
            figures.put(name, new Figure(value, "share", definition));
        }

        void days(String name, @Nullable Number value, String definition) {
            figures.put(name, new Figure(value, "days", definition));
        }
    }
}
