package org.compact.tracker.compliance;

import org.compact.tracker.compliance.AnnualReport.ConcernItem;
import org.compact.tracker.compliance.AnnualReport.Consulted;
import org.compact.tracker.compliance.AnnualReport.Exempted;
import org.compact.tracker.compliance.AnnualReport.Figures;
import org.compact.tracker.compliance.AnnualReport.LateAction;
import org.compact.tracker.compliance.AnnualReport.LateFeedback;
import org.compact.tracker.compliance.AnnualReport.Partner;
import org.compact.tracker.compliance.AnnualReport.Standard;
import org.compact.tracker.compliance.ComplianceReport.AgencyRates;
import org.compact.tracker.compliance.ComplianceReport.AgencyRef;
import org.compact.tracker.consultation.ConsultationStatus;
import org.compact.tracker.rules.RuleId;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the annual report together on one connection (one snapshot): for each agency, the year's and the previous
 * year's aggregates from {@link CountQueries} and {@link RatesByAgency}, exactly as the compliance report counts them
 * for that agency and year, and the year's lists from {@link ListQueries} and {@link AnnualQueries}.
 */
final class AnnualBuilder {
    /** A year's aggregates for one agency. */
    private record Year(AgencyRates rates, ConsultationCounts consultations, ActionCounts actions,
                        ConcernCounts.Tally concerns, ExemptionCounts exemptions) {
    }

    private final Connection connection;
    private final ReportSettings settings;
    private final Sql sql;

    AnnualBuilder(Connection connection, ReportSettings settings, Sql sql) {
        this.connection = connection;
        this.settings = settings;
        this.sql = sql;
    }

    /** The report of {@code year} (its scope: the whole calendar year) for {@code agencies}. */
    AnnualReport build(int year, ReportScope thisYear, ReportScope lastYear, List<AgencyRef> agencies,
                       Instant generatedAt) throws SQLException {
        List<Partner> partners = new ArrayList<>();
        for (AgencyRef agency : agencies) {
            partners.add(partner(agency, of(thisYear, agency), of(lastYear, agency)));
        }
        return new AnnualReport(year, thisYear.from(), thisYear.to(), thisYear.today(), generatedAt, partners);
    }

    /** Every agency, by name, as the report lists them. */
    List<AgencyRef> agencies(ReportScope scope) throws SQLException {
        return new CountQueries(new ReportConnection(connection, scope, settings, sql)).agencies();
    }

    private ReportConnection of(ReportScope scope, AgencyRef agency) {
        return new ReportConnection(connection, new ReportScope(scope.from(), scope.to(), agency.id(), agency.name(),
                scope.today()), settings, sql);
    }

    /**
     * The year's consultations of {@code agency}, those it leads and the joint ones it is a partner of, each joint one
     * with the names of its other agencies.
     */
    private static List<Consulted> consulted(AgencyRef agency, AnnualQueries annual) throws SQLException {
        Map<Long, List<AnnualQueries.PartnerRow>> partners = new HashMap<>();
        for (AnnualQueries.PartnerRow p : annual.partners()) {
            partners.computeIfAbsent(p.consultationId(), k -> new ArrayList<>()).add(p);
        }
        return annual.consultations().stream().map(r -> {
            List<String> with = new ArrayList<>();
            if (r.joint() && r.agencyId() != agency.id()) {
                with.add(r.agencyName());
            }
            for (AnnualQueries.PartnerRow p : r.joint() ? partners.getOrDefault(r.id(), List.of()) : List.<AnnualQueries.PartnerRow>of()) {
                if (p.agencyId() != agency.id()) {
                    with.add(p.agencyName());
                }
            }
            return new Consulted(r.id(), r.title(), r.status(), r.opensOn(), r.closesOn(), r.feedbackOn(), r.joint(),
                    r.agencyId(), r.agencyName(), List.copyOf(with));
        }).toList();
    }

    /** The year's aggregates, read per agency so that the joint consultations the agency is a partner of count. */
    private static Year year(ReportConnection db, AgencyRef agency) throws SQLException {
        CountQueries counts = new CountQueries(db.perParty());
        CountQueries.Consultations scan = counts.consultations();
        var actions = counts.actions();
        ConcernCounts concerns = counts.concerns();
        AgencyRates rates = RatesByAgency.of(List.of(agency), scan, counts.leadTimes(), actions, concerns).get(0);
        return new Year(rates, scan.ofAgency(agency.id()), actions.getOrDefault(agency.id(), ActionCounts.NONE),
                concerns.ofAgency(agency.id()), counts.exemptions());
    }

    private static Figures figures(Year y) {
        ConsultationCounts c = y.consultations();
        return new Figures(c.total(), c.counted(), c.byStatus().getOrDefault(ConsultationStatus.WITHDRAWN, 0L),
                c.feedbackGiven(), c.feedbackOnTime(), c.feedbackOverdue(), y.actions().promised(), y.actions().done(),
                y.actions().overdue(), y.concerns().raised(), y.concerns().raised() - y.concerns().open(),
                y.exemptions().total());
    }

    private Partner partner(AgencyRef agency, ReportConnection now, ReportConnection before) throws SQLException {
        Year y = year(now, agency);
        Year p = year(before, agency);
        List<Standard> standards = new ArrayList<>();
        for (RatesByAgency.Headline h : RatesByAgency.HEADLINES) {
            standards.add(new Standard(h.rule(), GoldStandards.words(h.rule()), h.definition(),
                    y.rates().rates().get(h.rule()), p.rates().rates().get(h.rule()),
                    y.exemptions().of(RuleId.valueOf(h.rule())).exemptions()));
        }
        ListQueries lists = new ListQueries(now);
        AnnualQueries annual = new AnnualQueries(now);
        ZoneId zone = ZoneId.of(sql.zone());
        List<Consulted> consulted = consulted(agency, annual);
        List<Exempted> exemptions = lists.exemptions().stream().map(e -> new Exempted(e.ruleId(),
                GoldStandards.words(e.ruleId()), e.consultationId(), e.title(), e.reason(), e.recordedBy(),
                e.recordedAt().atZone(zone).toLocalDate())).toList();
        List<LateFeedback> late = lists.overdueFeedback().stream().map(f -> new LateFeedback(f.consultationId(),
                f.title(), f.closesOn(), f.closesOn().plus(settings.feedbackDue()))).toList();
        List<LateAction> actions = lists.overdueActions().stream().map(a -> new LateAction(a.consultationId(),
                a.title(), a.what(), a.owner(), a.due())).toList();
        List<ConcernItem> concerns = annual.concerns(null).stream().map(k -> new ConcernItem(k.consultationId(),
                k.title(), k.kind(), k.raisedOn(), k.answeredOn(), k.answer())).toList();
        return new Partner(agency.id(), agency.name(), figures(y), figures(p), standards, consulted,
                y.consultations().total(), exemptions, y.exemptions().total(), late, actions, concerns,
                y.concerns().raised());
    }
}
