package org.compact.tracker.programme;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.consultation.ConsultationStatus;
import org.compact.tracker.notice.Html;

import java.util.List;

/**
 * The programme as an accessible HTML page: a filter form with a label on every field, the ways to subscribe, and
 * a table (caption, column and row headers) of the consultations with their key dates.
 */
public final class ProgrammePage {
    private ProgrammePage() {
    }

    public static String render(Programme p, ProgrammeService.Choices choices, PublicLinks links) {
        ProgrammeFilter f = p.filters();
        String ics = links.withFilter("/programme.ics", f);
        String atom = links.withFilter("/programme.atom", f);
        String head = "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Consultation programme (Atom)\" href=\""
                + Html.escape(atom) + "\"><link rel=\"alternate\" type=\"text/calendar\" title=\"Consultation programme (iCalendar)\" href=\""
                + Html.escape(ics) + "\">";
        StringBuilder b = new StringBuilder();
        b.append("<h1>Consultation programme</h1>")
                .append("<p>Every consultation that the partners of the local Compact plan, have given notice of or have open, ")
                .append("and those that closed in the last twelve months, with their key dates: the day by which ")
                .append("third-sector organisations must have notice, when it opens and closes, when feedback is due and ")
                .append("when the decision is taken.</p>")
                .append("<p>As of ").append(Pages.time(p.asOf())).append(". ").append(Html.escape(p.covers())).append(".</p>");

        b.append("<section aria-labelledby=\"filter-heading\"><h2 id=\"filter-heading\">Filter the programme</h2>")
                .append("<form method=\"get\" action=\"/programme\">");
        b.append(select("agency", "Agency", "All agencies", choices.agencies().entrySet().stream()
                .map(e -> new String[]{String.valueOf(e.getKey()), e.getValue()}).toList(),
                f.agency() == null ? null : String.valueOf(f.agency())));
        b.append(select("theme", "Theme", "All themes", choices.themes().stream().map(t -> new String[]{t, t}).toList(), f.theme()));
        b.append(select("area", "Area", "All areas", choices.areas().stream().map(a -> new String[]{a, a}).toList(), f.area()));
        b.append(select("status", "Status", "Every status", List.of(ConsultationStatus.values()).stream()
                        .map(s -> new String[]{s.name(), PublicLabels.status(s)}).toList(),
                f.status() == null || f.status().size() != 1 ? null : f.status().iterator().next().name()));
        b.append("<div class=\"form-group\"><label class=\"label\" for=\"f-year\">Year</label><p class=\"hint\" id=\"f-year-hint\">")
                .append("Leave empty for the current programme; a year shows every consultation open at some time in it.</p>")
                .append("<input class=\"input\" type=\"number\" id=\"f-year\" name=\"year\" min=\"")
                .append(ProgrammeFilter.FIRST_YEAR).append("\" max=\"").append(ProgrammeFilter.LAST_YEAR)
                .append("\" inputmode=\"numeric\" aria-describedby=\"f-year-hint\" value=\"")
                .append(f.year() == null ? "" : f.year()).append("\"></div>")
                .append("<div class=\"button-group\"><button type=\"submit\" class=\"button\">Show consultations</button> ")
                .append("<a href=\"/programme\">Clear the filters</a></div>")
                .append("</form></section>");

        b.append("<section aria-labelledby=\"subscribe-heading\"><h2 id=\"subscribe-heading\">Subscribe</h2><ul>")
                .append("<li><a href=\"").append(Html.escape(ics)).append("\">Calendar (iCalendar)</a>: add it to Outlook, ")
                .append("Google Calendar or Thunderbird as a calendar from the internet with the address <code>")
                .append(Html.escape(ics)).append("</code>. Each consultation is one all-day event for its open period.</li>")
                .append("<li><a href=\"").append(Html.escape(atom)).append("\">News feed (Atom)</a>: new and changed ")
                .append("consultations and published feedback, for a feed reader.</li>")
                .append("<li><a href=\"").append(Html.escape(links.withFilter("/programme.csv", f)))
                .append("\">Spreadsheet (CSV)</a> and <a href=\"").append(Html.escape(links.withFilter("/api/programme", f)))
                .append("\">data (JSON)</a>.</li>")
                .append("</ul><p>The subscriptions keep the filters chosen above.</p></section>");

        b.append("<section aria-labelledby=\"list-heading\"><h2 id=\"list-heading\">Consultations</h2>");
        if (p.consultations().isEmpty()) {
            b.append("<p>No consultation matches these filters.</p>");
        } else {
            b.append("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"programme-caption\" tabindex=\"0\">")
                    .append("<table class=\"table table--compact table--wide\"><caption id=\"programme-caption\">").append(p.count()).append(p.count() == 1 ? " consultation" : " consultations")
                    .append(describe(f, choices)).append("</caption><thead><tr>");
            for (String h : List.of("Consultation", "What it is about", "Agency", "Status", "Themes", "Areas",
                    "Notice due by", "Notice given", "Opens", "Closes", "Feedback due", "Decision")) {
                b.append("<th scope=\"col\">").append(h).append("</th>");
            }
            b.append("</tr></thead><tbody>");
            for (ProgrammeEntry e : p.consultations()) {
                b.append("<tr id=\"c").append(e.id()).append("\"><th scope=\"row\">").append(Html.escape(e.title())).append("</th>")
                        .append("<td>").append(Html.escape(e.summary()))
                        .append(TakingPart.live(e) ? TakingPart.html(e, "How to take part") : "").append("</td>")
                        .append("<td>").append(Html.escape(e.agency())).append("</td>")
                        .append("<td>").append(status(e)).append(voice(e)).append("</td>")
                        .append("<td>").append(Html.escape(PublicLabels.themes(e.themes()))).append("</td>")
                        .append("<td>").append(Html.escape(PublicLabels.areas(e.areas()))).append("</td>")
                        .append("<td>").append(Pages.time(e.noticeDeadline())).append("</td>")
                        .append("<td>").append(noticeGiven(e)).append("</td>")
                        .append("<td>").append(Pages.time(e.opensOn())).append("</td>")
                        .append("<td>").append(Pages.time(e.closesOn())).append("</td>")
                        .append("<td>").append(e.feedbackDue() == null ? "<span class=\"none\">none</span>" : Pages.time(e.feedbackDue())).append("</td>")
                        .append("<td>").append(Pages.time(e.decisionDate())).append("</td></tr>");
            }
            b.append("</tbody></table></div>");
        }
        b.append("</section>");
        return Pages.page("Consultation programme", head, b.toString());
    }

    /**
     * The "Notice given" cell: the day the last targeted organisation received the notice; while some notice is still
     * being delivered, that it is and the day it was sent; when it reached no organisation, the day it was sent.
     */
    private static String noticeGiven(ProgrammeEntry e) {
        if (e.noticeBeingDelivered()) {
            return "Notice being delivered (sent on " + Pages.time(e.notifiedOn()) + ")";
        }
        return Pages.time(e.noticeReceivedOn() != null ? e.noticeReceivedOn() : e.notifiedOn());
    }

    /**
     * The links to the public form ({@code /concerns/new}): for every consultation but a withdrawn one a concern,
     * and for one still planned or notified a comment on the plans (seed 001).
     */
    private static String voice(ProgrammeEntry e) {
        if (e.status() == ConsultationStatus.WITHDRAWN) {
            return "";
        }
        String about = "<span class=\"visually-hidden\"> about " + Html.escape(e.title()) + "</span>";
        StringBuilder v = new StringBuilder("<br>");
        if (e.status() == ConsultationStatus.PLANNED || e.status() == ConsultationStatus.NOTIFIED) {
            v.append("<a href=\"/concerns/new?consultation=").append(e.id()).append("&amp;kind=PLANNING_COMMENT\">")
                    .append("Comment on this plan").append(about).append("</a><br>");
        }
        return v.append("<a href=\"/concerns/new?consultation=").append(e.id()).append("\">Raise a concern")
                .append(about).append("</a>").toString();
    }

    private static String status(ProgrammeEntry e) {
        StringBuilder s = new StringBuilder("<strong>").append(Html.escape(e.statusLabel())).append("</strong>");
        if (e.withdrawnOn() != null) {
            s.append(" on ").append(Pages.time(e.withdrawnOn()));
            if (e.withdrawalReason() != null) {
                s.append(": ").append(Html.escape(e.withdrawalReason()));
            }
        }
        if (e.result() != null) {
            s.append(" on ").append(Pages.time(e.result().givenOn())).append(". <a href=\"/results/").append(e.id())
                    .append("\">Read the results<span class=\"visually-hidden\"> of ").append(Html.escape(e.title()))
                    .append("</span></a>");
        }
        return s.toString();
    }

    private static String describe(ProgrammeFilter f, ProgrammeService.Choices choices) {
        StringBuilder d = new StringBuilder();
        if (f.agency() != null) {
            d.append(" of ").append(Html.escape(choices.agencies().getOrDefault(f.agency(), "agency " + f.agency())));
        }
        if (f.theme() != null) {
            d.append(" on ").append(Html.escape(f.theme()));
        }
        if (f.area() != null) {
            d.append(" in ").append(Html.escape(f.area())).append(" (or city-wide)");
        }
        if (f.status() != null) {
            d.append(", status ").append(Html.escape(String.join(" or ", f.status().stream().map(PublicLabels::status).toList())));
        }
        if (f.year() != null) {
            d.append(", open at some time in ").append(f.year());
        }
        return d.toString();
    }

    private static String select(String name, String label, String all, List<String[]> options, @Nullable String chosen) {
        StringBuilder s = new StringBuilder("<div class=\"form-group\"><label class=\"label\" for=\"f-").append(name).append("\">").append(label)
                .append("</label><select class=\"select\" id=\"f-").append(name).append("\" name=\"").append(name).append("\">")
                .append("<option value=\"\">").append(all).append("</option>");
        List<String[]> all2 = new java.util.ArrayList<>(options);
        if (chosen != null && options.stream().noneMatch(o -> o[0].equalsIgnoreCase(chosen))) {
            all2.add(new String[]{chosen, chosen});
        }
        for (String[] o : all2) {
            s.append("<option value=\"").append(Html.escape(o[0])).append('"')
                    .append(o[0].equalsIgnoreCase(chosen == null ? "" : chosen) ? " selected" : "")
                    .append('>').append(Html.escape(o[1])).append("</option>");
        }
        return s.append("</select></div>").toString();
    }
}
