package org.compact.tracker.compliance;

import org.compact.tracker.compliance.AnnualReport.ConcernItem;
import org.compact.tracker.compliance.AnnualReport.Consulted;
import org.compact.tracker.compliance.AnnualReport.Exempted;
import org.compact.tracker.compliance.AnnualReport.Figures;
import org.compact.tracker.compliance.AnnualReport.LateAction;
import org.compact.tracker.compliance.AnnualReport.LateFeedback;
import org.compact.tracker.compliance.AnnualReport.Partner;
import org.compact.tracker.compliance.AnnualReport.Standard;
import org.compact.tracker.compliance.ComplianceReport.Rate;
import org.compact.tracker.notice.Html;
import org.compact.tracker.support.Wording;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The annual report's content as well-formed XHTML, in words, every text from the database escaped: the page shows
 * it inside the service's layout, and {@link AnnualPdf} makes the PDF from the very same markup, so the two never
 * differ. No script, no inline style; headings from h2 down (the page or the PDF gives the h1).
 */
public final class AnnualHtml {
    private AnnualHtml() {
    }

    /** The report's title: "Annual Compact monitoring report 2027" with the partner when there is one. */
    public static String title(AnnualReport report) {
        String who = report.partners().size() == 1 ? ": " + report.partners().get(0).name() : "";
        return "Annual Compact monitoring report " + report.year() + who;
    }

    /** The report's content. */
    public static String body(AnnualReport r) {
        StringBuilder h = new StringBuilder(16_000);
        int last = r.year() - 1;
        h.append("<p class=\"lead\">Consultations planned to open in ").append(r.year()).append(" (")
                .append(esc(Wording.day(r.from()))).append(" to ").append(esc(Wording.day(r.to())))
                .append("), as they stood on ").append(esc(Wording.day(r.asOf()))).append(", with the figures of ")
                .append(last).append(" beside them. Late feedback, overdue actions and open concerns are judged on ")
                .append("that day.</p>");
        if (r.partners().isEmpty()) {
            h.append("<p>No agency is registered yet.</p>");
        }
        for (Partner p : r.partners()) {
            partner(h, r, p);
        }
        return h.toString();
    }

    private static void partner(StringBuilder h, AnnualReport r, Partner p) {
        String year = String.valueOf(r.year());
        String last = String.valueOf(r.year() - 1);
        h.append("<section class=\"annual-partner\" id=\"agency-").append(p.agencyId()).append("\"><h2>")
                .append(esc(p.name())).append("</h2>");
        h.append("<h3>The year in figures</h3>");
        h.append("<table class=\"table\"><caption>").append(esc(p.name())).append(": ").append(year)
                .append(" against ").append(last).append("</caption><thead><tr><th scope=\"col\">Figure</th>")
                .append("<th scope=\"col\">").append(year).append("</th><th scope=\"col\">").append(last)
                .append("</th></tr></thead><tbody>");
        figure(h, "Consultations planned to open in the year", p, Figures::consultations);
        figure(h, "Consultations counted (notice sent, not withdrawn)", p, Figures::counted);
        figure(h, "Consultations withdrawn", p, Figures::withdrawn);
        figure(h, "Feedback given", p, Figures::feedbackGiven);
        figure(h, "Feedback given on time", p, Figures::feedbackOnTime);
        figure(h, "Feedback late and still not given", p, Figures::feedbackOverdue);
        figure(h, "Actions promised in feedback", p, Figures::actionsPromised);
        figure(h, "Actions done", p, Figures::actionsDone);
        figure(h, "Actions past their due day and not done", p, Figures::actionsOverdue);
        figure(h, "Concerns raised", p, Figures::concernsRaised);
        figure(h, "Concerns answered", p, Figures::concernsAnswered);
        figure(h, "Exemptions recorded", p, Figures::exemptions);
        h.append("</tbody></table>");

        consulted(h, r, p);
        standards(h, year, last, p);
        feedback(h, p);
        concerns(h, p);
        h.append("</section>");
    }

    private static void figure(StringBuilder h, String label, Partner p, ToLongFunction<Figures> value) {
        h.append("<tr><th scope=\"row\">").append(esc(label)).append("</th><td>")
                .append(value.applyAsLong(p.thisYear())).append("</td><td>").append(value.applyAsLong(p.lastYear()))
                .append("</td></tr>");
    }

    private static void consulted(StringBuilder h, AnnualReport r, Partner p) {
        h.append("<h3>What was consulted on</h3>");
        if (p.consulted().isEmpty()) {
            h.append("<p>No consultation was planned to open in ").append(r.year()).append(".</p>");
            return;
        }
        shown(h, p.consulted().size(), p.consultedTotal(), "consultation", "consultations");
        h.append("<table class=\"table\"><caption>Consultations of ").append(esc(p.name())).append(" in ")
                .append(r.year()).append(", by planned open date</caption><thead><tr><th scope=\"col\">Consultation</th>")
                .append("<th scope=\"col\">Opens</th><th scope=\"col\">Closes</th><th scope=\"col\">Stage</th>")
                .append("<th scope=\"col\">Feedback given</th></tr></thead><tbody>");
        for (Consulted c : p.consulted()) {
            h.append("<tr><td>").append(esc(c.title())).append(esc(jointWords(c, p))).append("</td><td>")
                    .append(esc(Wording.day(c.opensOn()))).append("</td><td>").append(esc(Wording.day(c.closesOn())))
                    .append("</td><td>").append(esc(stage(c.status()))).append("</td><td>")
                    .append(c.feedbackOn() == null ? "Not yet" : esc(Wording.day(c.feedbackOn()))).append("</td></tr>");
        }
        h.append("</tbody></table>");
    }

    /** " (joint, led by X)" under a partner, " (joint with Y and Z)" under the lead; nothing when not joint. */
    static String jointWords(Consulted c, Partner p) {
        if (!c.joint()) {
            return "";
        }
        if (c.leadAgencyId() != p.agencyId()) {
            return " (joint, led by " + c.leadAgencyName() + ")";
        }
        return c.jointWith().isEmpty() ? " (joint)" : " (joint with " + and(c.jointWith()) + ")";
    }

    private static String and(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static void standards(StringBuilder h, String year, String last, Partner p) {
        h.append("<h3>How each Gold Standard was kept</h3><table class=\"table\"><caption>").append(esc(p.name()))
                .append(": the share that kept each standard</caption><thead><tr><th scope=\"col\">Gold Standard</th>")
                .append("<th scope=\"col\">").append(year).append("</th><th scope=\"col\">").append(last)
                .append("</th><th scope=\"col\">Exemptions in ").append(year).append("</th></tr></thead><tbody>");
        for (Standard s : p.standards()) {
            h.append("<tr><th scope=\"row\">").append(esc(s.standard())).append("</th><td>").append(rate(s.thisYear()))
                    .append("</td><td>").append(rate(s.lastYear())).append("</td><td>").append(s.exemptions())
                    .append("</td></tr>");
        }
        h.append("</tbody></table><h4>Exemptions and their reasons</h4>");
        if (p.exemptions().isEmpty()) {
            h.append("<p>No exemption was recorded.</p>");
            return;
        }
        shown(h, p.exemptions().size(), p.exemptionsTotal(), "exemption", "exemptions");
        h.append("<ul class=\"list\">");
        for (Exempted e : p.exemptions()) {
            h.append("<li><strong>").append(esc(e.standard())).append("</strong> set aside for “").append(esc(e.title()))
                    .append("”: ").append(esc(e.reason())).append(" (recorded by ").append(esc(e.recordedBy()))
                    .append(" on ").append(esc(Wording.day(e.recordedOn()))).append(")</li>");
        }
        h.append("</ul>");
    }

    private static void feedback(StringBuilder h, Partner p) {
        Figures f = p.thisYear();
        h.append("<h3>Feedback and actions</h3><p>Feedback was given for ").append(count(f.feedbackGiven(),
                "consultation", "consultations")).append(", ").append(f.feedbackOnTime()).append(" of them on time. ")
                .append(count(f.actionsPromised(), "action was", "actions were")).append(" promised and ")
                .append(f.actionsDone()).append(" done.</p>");
        if (p.lateFeedback().isEmpty()) {
            h.append("<p>No feedback is late.</p>");
        } else {
            h.append("<p>Feedback is late for:</p><ul class=\"list\">");
            for (LateFeedback l : p.lateFeedback()) {
                h.append("<li>“").append(esc(l.title())).append("”, closed ").append(esc(Wording.day(l.closesOn())))
                        .append(", feedback due ").append(esc(Wording.day(l.dueOn()))).append("</li>");
            }
            h.append("</ul>");
        }
        if (p.lateActions().isEmpty()) {
            h.append("<p>No promised action is overdue.</p>");
        } else {
            h.append("<p>Promised actions not done by their due day:</p><ul class=\"list\">");
            for (LateAction a : p.lateActions()) {
                h.append("<li>").append(esc(a.what())).append(" (“").append(esc(a.title())).append("”, ")
                        .append(esc(a.owner())).append(", due ").append(esc(Wording.day(a.due()))).append(")</li>");
            }
            h.append("</ul>");
        }
    }

    private static void concerns(StringBuilder h, Partner p) {
        h.append("<h3>Concerns and how they were answered</h3>");
        if (p.concerns().isEmpty()) {
            h.append("<p>No concern was raised.</p>");
            return;
        }
        shown(h, p.concerns().size(), p.concernsTotal(), "concern", "concerns");
        h.append("<table class=\"table\"><caption>Concerns about the consultations of ").append(esc(p.name()))
                .append(", oldest first</caption><thead><tr><th scope=\"col\">Consultation</th><th scope=\"col\">")
                .append("Concern</th><th scope=\"col\">Raised</th><th scope=\"col\">Answer</th></tr></thead><tbody>");
        for (ConcernItem k : p.concerns()) {
            h.append("<tr><td>").append(esc(k.title())).append("</td><td>").append(esc(GoldStandards.concern(k.kind())))
                    .append("</td><td>").append(esc(Wording.day(k.raisedOn()))).append("</td><td>");
            if (k.answeredOn() == null) {
                h.append("Not answered yet");
            } else {
                h.append(esc(k.answer() == null ? "" : k.answer())).append(" (").append(esc(Wording.day(k.answeredOn())))
                        .append(")");
            }
            h.append("</td></tr>");
        }
        h.append("</tbody></table>");
    }

    /** "Showing the first 500 of 1,234 consultations." when a list was cut short. */
    private static void shown(StringBuilder h, int shown, long total, String one, String many) {
        if (total > shown) {
            h.append("<p>Showing the first ").append(shown).append(" of ").append(total).append(' ').append(many)
                    .append(".</p>");
        }
    }

    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** "7 of 9 (78%)", or "nothing to count". */
    static String rate(Rate rate) {
        if (rate == null || rate.rate() == null) {
            return "nothing to count";
        }
        return rate.met() + " of " + rate.of() + " (" + Math.round(rate.rate() * 100) + "%)";
    }

    /** A status in words. */
    static String stage(String status) {
        return switch (status) {
            case "PLANNED" -> "Planned";
            case "NOTIFIED" -> "Notice given";
            case "OPEN" -> "Open";
            case "CLOSED" -> "Closed, awaiting feedback";
            case "FEEDBACK_GIVEN" -> "Feedback given";
            case "WITHDRAWN" -> "Withdrawn";
            default -> Wording.code(status);
        };
    }

    private static String esc(String text) {
        return Html.escape(text);
    }

}
