package org.compact.tracker.web;

import org.compact.tracker.compliance.ComplianceReport.AgencyRates;
import org.compact.tracker.compliance.ComplianceReport.Rate;
import org.compact.tracker.compliance.GoldStandards;
import org.compact.tracker.compliance.PublicCompliance;
import org.compact.tracker.compliance.PublicCompliance.AwaitingFeedback;
import org.compact.tracker.notice.Html;
import org.compact.tracker.programme.Pages;
import org.compact.tracker.support.Wording;

import java.util.Map;

/**
 * The public summary of compliance as a page ({@code /compliance/public}), in the public pages' frame: per agency,
 * the share of consultations that kept each Gold Standard, in words; and the consultations whose feedback is late
 * ("awaiting feedback"). The same figures as {@code /api/compliance/public}; no names of people, no reasons.
 */
final class PublicCompliancePage {
    static final String TITLE = "How the Compact's promises were kept";

    private PublicCompliancePage() {
    }

    static String render(PublicCompliance summary) {
        StringBuilder b = new StringBuilder(8_000);
        b.append("<div class=\"public-compliance\"><h1>").append(esc(TITLE)).append("</h1><p class=\"lead\">Consultations planned to open from ")
                .append(esc(Wording.day(summary.period().from()))).append(" to ")
                .append(esc(Wording.day(summary.period().to()))).append(", as they stood on ")
                .append(esc(Wording.day(summary.asOf()))).append(". A consultation counts once its notice has gone "
                        + "out, unless it was withdrawn.</p><p><a href=\"#awaiting-feedback\">Consultations awaiting "
                        + "feedback</a></p>");
        boolean any = summary.agencies().stream().anyMatch(a -> a.consultations() > 0);
        if (!any) {
            b.append("<p id=\"nothing-counted\">No consultation in this period has been counted yet.</p>");
        }
        for (AgencyRates agency : summary.agencies()) {
            if (any && agency.consultations() == 0) {
                continue;
            }
            b.append("<section class=\"public-agency\" id=\"agency-").append(agency.agencyId()).append("\"><h2>")
                    .append(esc(agency.agencyName())).append("</h2><p>")
                    .append(agency.consultations() == 1 ? "1 consultation counted"
                            : agency.consultations() + " consultations counted")
                    .append(agency.jointConsultations() == 0 ? "" : ", of which " + agency.jointConsultations()
                            + " joint (run with other agencies, and counted for each of them)").append(".</p>");
            if (agency.consultations() > 0) {
                b.append("<table class=\"table\"><caption>").append(esc(agency.agencyName()))
                        .append(": how each Gold Standard was kept</caption><thead><tr><th scope=\"col\">Gold ")
                        .append("Standard</th><th scope=\"col\">Kept</th><th scope=\"col\">Counted as</th></tr>")
                        .append("</thead><tbody>");
                for (Map.Entry<String, Rate> e : agency.rates().entrySet()) {
                    b.append("<tr><th scope=\"row\">").append(esc(GoldStandards.words(e.getKey()))).append("</th><td>")
                            .append(esc(rate(e.getValue()))).append("</td><td>")
                            .append(esc(summary.definitions().getOrDefault(e.getKey(), ""))).append("</td></tr>");
                }
                b.append("</tbody></table>");
            }
            b.append("</section>");
        }
        awaiting(b, summary);
        b.append("<p>The same figures as data: <a href=\"/api/compliance/public\">JSON</a>.</p></div>");
        return Pages.page(TITLE, "", b.toString());
    }

    private static void awaiting(StringBuilder b, PublicCompliance summary) {
        b.append("<section id=\"awaiting-feedback\"><h2>Consultations awaiting feedback</h2><p>Consultations that "
                + "have closed and whose feedback (what was heard and what was done about it) was due and has not "
                + "been given, whenever they ran, longest late first.</p>");
        if (summary.awaitingFeedback().isEmpty()) {
            b.append("<p>No consultation is awaiting late feedback.</p></section>");
            return;
        }
        b.append("<table class=\"table\"><caption>Feedback is late for ")
                .append(summary.awaitingFeedback().size() == 1 ? "1 consultation"
                        : summary.awaitingFeedback().size() + " consultations")
                .append("</caption><thead><tr><th scope=\"col\">Consultation</th><th scope=\"col\">Run by</th>")
                .append("<th scope=\"col\">Closed</th><th scope=\"col\">Feedback was due</th>")
                .append("<th scope=\"col\">Days late</th></tr></thead><tbody>");
        for (AwaitingFeedback a : summary.awaitingFeedback()) {
            b.append("<tr data-consultation=\"").append(a.consultationId()).append("\"><td>").append(esc(a.title()))
                    .append("</td><td>").append(esc(a.agencyName())).append("</td><td>")
                    .append(esc(Wording.day(a.closedOn()))).append("</td><td>")
                    .append(esc(Wording.day(a.feedbackDue()))).append("</td><td>").append(a.daysLate())
                    .append("</td></tr>");
        }
        b.append("</tbody></table></section>");
    }

    /** "7 of 9 (78%)", or "nothing to count yet". */
    static String rate(Rate rate) {
        if (rate == null || rate.rate() == null) {
            return "Nothing to count yet";
        }
        return rate.met() + " of " + rate.of() + " (" + Math.round(rate.rate() * 100) + "%)";
    }

    private static String esc(String text) {
        return Html.escape(text);
    }
}
