package org.compact.tracker.compliance;

import org.compact.tracker.compliance.ComplianceReport.Listing;
import org.compact.tracker.compliance.ComplianceReport.Section;
import org.compact.tracker.compliance.ListQueries.OpenedEarly;
import org.compact.tracker.compliance.ListQueries.Reason;
import org.compact.tracker.rules.RuleId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.compact.tracker.compliance.ReportText.describe;
import static org.compact.tracker.compliance.ReportText.iso;

/**
 * NOTICE: how much notice the organisations had, counted per organisation from the day the mail server accepted
 * its first notice, with the lead times in bands for the chart and the consultations that opened without a full
 * notice period beside their exemptions.
 */
final class NoticeSection {
    private NoticeSection() {
    }

    static Section of(ConsultationCounts c, ExemptionCounts exemptions, LeadTimes leads, List<OpenedEarly> early,
                      Map<Long, List<Reason>> reasons, ReportSettings settings, String zone) {
        long pairs = leads.notified();
        long sent = leads.reached();
        long full = leads.withFullNotice();
        TreeMap<Integer, Long> histogram = leads.histogram();
        String month = describe(settings.notice());
        Figures f = new Figures();
        f.count("organisationsNotified", pairs, "Organisations sent a NOTICE delivery about a counted consultation, "
                + "counted once per consultation and organisation (an organisation with several contacts counts once).");
        f.count("organisationsReached", sent, "Of those, organisations at least one of whose notices the mail server "
                + "accepted (outbox sent_at set).");
        f.count("organisationsNotYetReached", pairs - sent, "Of those, organisations none of whose notices has been "
                + "accepted yet (queued or failed).");
        f.count("withFullNotice", full, "Organisations reached whose first accepted notice came at least " + month
                + " before the open date: day(sent_at in " + zone + ") + " + iso(settings.notice()) + " <= opensOn.");
        f.share("fullNoticeRate", Statistics.rate(full, sent), "withFullNotice / organisationsReached; absent when none was reached.");
        f.days("medianLeadDays", Statistics.median(histogram), "Median over organisations reached of the lead time: opensOn minus "
                + "the day (in " + zone + ") the mail server accepted the organisation's first notice. With an "
                + "even count, the mean of the two middle values (as PERCENTILE_CONT(0.5)).");
        f.days("worstLeadDays", leads.worst(), "The shortest lead time of any organisation reached (negative: the notice was "
                + "accepted after the open date).");
        f.count("consultationsOpened", c.opened(), "Counted consultations that have opened (openedOn set).");
        f.count("openedWithoutFullNotice", c.openedShort(), "Counted consultations that opened (openedOn) before every "
                + "organisation sent a notice had had " + month + " from its receipt: some organisation's receipt (the "
                + "day, in " + zone + ", the mail server accepted the first of its contacts' notices) + "
                + iso(settings.notice()) + " is after openedOn, or it never received the notice. Without any notice "
                + "delivery, from notifiedOn. They could open only with a NOTICE exemption (listed below).");
        f.count("openedWithoutFullNoticeExempted", exemptions.of(RuleId.NOTICE).coveringShortfall(), "Of those, "
                + "consultations with a NOTICE exemption recorded.");
        f.count("plannedPastNoticeDeadline", c.pastDeadline(), "Consultations in the period still PLANNED whose "
                + "open date is before the report day + " + iso(settings.notice()) + ": notice can no longer give " + month
                + ". Not part of counted consultations.");
        Map<String, Listing> lists = new LinkedHashMap<>();
        lists.put("leadTimeBands", bands(leads, settings));
        lists.put("openedWithoutFullNotice", openedWithoutFullNotice(c.openedShort(), early, reasons, settings));
        return f.section(RuleId.NOTICE, "One calendar month of notice", lists);
    }

    /** The lead times in bands, for the chart: how many organisations had how much notice. */
    private static Listing bands(LeadTimes leads, ReportSettings settings) {
        long[] counts = new long[6];
        for (LeadTimes.Bucket b : leads.buckets()) {
            if (!b.reached()) {
                continue;
            }
            int lead = b.lead();
            int band;
            if (b.full()) {
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
        return new Listing("Notice lead time", "Organisations reached, by lead time band (full: at least the notice "
                + "period).", List.of("band", "full", "organisations"), leads.reached(), names.length, rows);
    }

    private static Listing openedWithoutFullNotice(long total, List<OpenedEarly> early, Map<Long, List<Reason>> reasons,
                                                   ReportSettings settings) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OpenedEarly e : early) {
            Map<String, Object> row = ListingRows.consultation(e.consultationId(), e.title(), e.agencyId());
            row.put("notifiedOn", e.notifiedOn().toString());
            row.put("openedOn", e.openedOn().toString());
            if (e.lastReceivedOn() != null) {
                row.put("lastReceivedOn", e.lastReceivedOn().toString());
            }
            if (e.fullNoticeFrom() != null) {
                row.put("fullNoticeFrom", e.fullNoticeFrom().toString());
            }
            row.put("organisationsShort", e.organisationsShort());
            rows.add(row);
        }
        ListingRows.addExemptions(rows, reasons);
        return new Listing("Opened without a full notice period", "Counted consultations that opened before every "
                + "organisation notified had had " + iso(settings.notice()) + " from its receipt (or had not received the "
                + "notice at all), by day opened, with their NOTICE exemptions: lastReceivedOn is the day the last "
                + "organisation received it, fullNoticeFrom the first day every organisation had had the full period "
                + "(both empty while one has not received it; without any notice delivery, notifiedOn + "
                + iso(settings.notice())+ "), organisationsShort how many had not had it on the day it opened.",
                List.of("consultationId", "title", "agencyId", "notifiedOn", "openedOn", "lastReceivedOn",
                        "fullNoticeFrom", "organisationsShort", "exempted", "exemptions"), total, ListQueries.LIMIT, rows);
    }
}
