package org.compact.tracker.compliance;

import org.compact.tracker.compliance.ComplianceReport.AgencyRates;
import org.compact.tracker.compliance.ComplianceReport.AgencyRef;
import org.compact.tracker.compliance.ComplianceReport.Rate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headline rate of each rule, per agency: the figure of the rule's section that says how far the rule was met
 * (NOTICE's fullNoticeRate, FEEDBACK's onTimeRate, …), as met of counted. The report's table and chart, the CSV and
 * the public summary all show these, in this order.
 */
final class RatesByAgency {

    /** A rule's headline: the figure of its section that the rate repeats, and what the rate measures. */
    record Headline(String rule, String figure, String definition) {
    }

    static final List<Headline> HEADLINES = List.of(
            new Headline("NOTICE", "fullNoticeRate", "organisations whose first accepted notice came at least the "
                    + "notice period (one calendar month) before the open date, of organisations whose notice the mail "
                    + "server accepted"),
            new Headline("PRIOR_WORK", "rate", "consultations with earlier work linked or a statement that none is "
                    + "relevant, of counted consultations"),
            new Headline("INFLUENCE", "rate", "consultations whose decision date is after the close date plus the "
                    + "analysis period, of counted consultations"),
            new Headline("DURATION", "rate", "consultations open at least the minimum duration (twelve weeks), of "
                    + "counted consultations"),
            new Headline("METHODS", "rate", "consultations with at least one method and one audience, of counted "
                    + "consultations"),
            new Headline("INCLUSION", "rate", "consultations naming at least one of the 16 socially excluded groups, "
                    + "of counted consultations"),
            new Headline("FEEDBACK", "onTimeRate", "feedback given by the due day (close date plus twelve weeks), of "
                    + "feedback given or overdue"),
            new Headline("ACTION", "onTrackRate", "promised actions done or not yet due, of promised actions"),
            new Headline("SHARE", "rate", "feedback that links a published report, of feedback given"),
            new Headline("MONITOR", "answeredRate", "concerns answered, of concerns raised"));

    /** What each rate measures, by rule id, as the public summary and the CSV state it. */
    static final Map<String, String> DEFINITIONS = definitions();

    private RatesByAgency() {
    }

    /** The headline rate of each rule, in {@link #HEADLINES}' order, from one agency's (or a quarter's) counts. */
    static Map<String, Rate> rates(ConsultationCounts c, LeadTimes l, ActionCounts a, ConcernCounts.Tally k) {
        long counted = c.counted();
        Map<String, Rate> rates = new LinkedHashMap<>();
        rates.put("NOTICE", Rate.of(l.withFullNotice(), l.reached()));
        rates.put("PRIOR_WORK", Rate.of(c.priorWorkMet(), counted));
        rates.put("INFLUENCE", Rate.of(c.influenceMet(), counted));
        rates.put("DURATION", Rate.of(c.durationMet(), counted));
        rates.put("METHODS", Rate.of(c.methodsMet(), counted));
        rates.put("INCLUSION", Rate.of(c.namingAnyGroup(), counted));
        rates.put("FEEDBACK", Rate.of(c.feedbackOnTime(), c.feedbackDueOrGiven()));
        rates.put("ACTION", Rate.of(a.onTrack(), a.promised()));
        rates.put("SHARE", Rate.of(c.feedbackPublished(), c.feedbackGiven()));
        rates.put("MONITOR", Rate.of(k.answered(), k.raised()));
        return rates;
    }

    private static Map<String, String> definitions() {
        Map<String, String> d = new LinkedHashMap<>();
        for (Headline h : HEADLINES) {
            d.put(h.rule(), h.definition());
        }
        return Collections.unmodifiableMap(d);
    }

    /**
     * One row per agency, in the order given, with every headline rate; an agency with nothing to count has zeros.
     * The counts are read {@link ReportConnection#perParty per agency}, so a joint consultation is in each of its
     * agencies' rows.
     */
    static List<AgencyRates> of(List<AgencyRef> agencies, CountQueries.Consultations consultations, LeadTimes leads,
                                Map<Long, ActionCounts> actions, ConcernCounts concerns) {
        List<AgencyRates> out = new ArrayList<>();
        for (AgencyRef agency : agencies) {
            ConsultationCounts c = consultations.ofAgency(agency.id());
            ActionCounts a = actions.getOrDefault(agency.id(), ActionCounts.NONE);
            ConcernCounts.Tally k = concerns.ofAgency(agency.id());
            LeadTimes l = leads.ofAgency(agency.id());
            long counted = c.counted();
            Map<String, Rate> rates = rates(c, l, a, k);
            out.add(new AgencyRates(agency.id(), agency.name(), counted, consultations.jointOfAgency(agency.id()), rates));
        }
        return out;
    }
}
