package org.compact.tracker.compliance;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.compliance.ComplianceOverview.AgencySummary;
import org.compact.tracker.compliance.ComplianceOverview.QuarterRates;
import org.compact.tracker.compliance.ComplianceReport.Figure;
import org.compact.tracker.compliance.ComplianceReport.Listing;
import org.compact.tracker.compliance.ComplianceReport.Rate;
import org.compact.tracker.compliance.ComplianceReport.Section;
import org.compact.tracker.compliance.SvgCharts.Bar;
import org.compact.tracker.support.PageFrame;
import org.compact.tracker.support.Wording;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report as a monitor reads it, in the service's one layout ({@link PageFrame}): a summary per agency first (the
 * share of consultations that kept each rule, the late feedback and open concerns, and what to do), then the trends
 * by quarter over two years, then a section per rule, each figure linking to the consultations behind it. Words, not
 * codes (the JSON and CSV keep the codes); an empty period says so once. Charts are inline SVG ({@link SvgCharts});
 * no script; the stylesheet prints it. Every text from the database (titles, names, reasons) is escaped.
 */
public final class ComplianceHtml {
    /** The page's Content-Security-Policy: the one stylesheet, nothing else fetched. */
    public static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'";

    private static final List<RatesByAgency.Headline> HEADLINES = RatesByAgency.HEADLINES;
    /** A rate below this is named under "what to do". */
    private static final double WELL_KEPT = 0.8;

    private ComplianceHtml() {
    }

    /** The page for {@code user} (who is signed in, for the header). */
    public static String write(ComplianceOverview overview, @Nullable PageFrame.SignedIn user) {
        ComplianceReport report = overview.report();
        String who = report.agency() == null ? "All agencies" : report.agency().name();
        String period = Wording.day(report.period().from()) + " to " + Wording.day(report.period().to());
        StringBuilder h = new StringBuilder(48_000);
        h.append("<div class=\"report\"><span class=\"caption\">Compliance report</span><h1>").append(esc(who))
                .append(": how the Compact was kept</h1><p class=\"lede\">Consultations that opened from ")
                .append(esc(period)).append(", judged on ").append(esc(Wording.day(report.asOf()))).append(".</p>")
                .append(periodForm(report));
        boolean anyTrend = overview.quarters().stream().anyMatch(q -> q.counted() > 0);
        h.append(contents(report, counted(report) > 0, anyTrend));
        if (counted(report) == 0) {
            h.append("<div class=\"notice\" id=\"empty\"><h2>Nothing to report for this period</h2><p>No consultation ")
                    .append("that opened in this period has given notice yet, so no rule can be judged. Choose an earlier ")
                    .append("period, or come back once notice of a consultation has gone out.</p></div>");
            if (anyTrend) {
                h.append(trends(overview.quarters()));
            }
        } else {
            h.append(summary(overview)).append(trends(overview.quarters()));
            for (Section s : report.sections().values()) {
                h.append(ComplianceSectionHtml.section(report, s));
            }
        }
        h.append(about(report)).append("</div>");
        return PageFrame.page("Compliance report: " + who + ", " + period, "", h.toString(), user);
    }

    static long counted(ComplianceReport report) {
        Section scope = report.sections().get("SCOPE");
        Figure f = scope == null ? null : scope.figures().get("counted");
        return f == null || f.value() == null ? 0 : f.value().longValue();
    }

    private static String contents(ComplianceReport report, boolean any, boolean anyTrend) {
        StringBuilder c = new StringBuilder("<nav class=\"contents\" aria-label=\"On this page\"><h2 class=\"heading-small\">")
                .append("On this page</h2><ul>");
        if (any) {
            c.append("<li><a href=\"#summary\">Summary</a></li><li><a href=\"#trends\">Trends by quarter</a></li>");
            for (Section s : report.sections().values()) {
                c.append("<li><a href=\"#").append(esc(s.id())).append("\">").append(esc(s.title())).append("</a></li>");
            }
        } else if (anyTrend) {
            c.append("<li><a href=\"#trends\">Trends by quarter</a></li>");
        }
        return c.append("<li><a href=\"#about\">About these figures</a></li></ul></nav>").toString();
    }

    private static String summary(ComplianceOverview overview) {
        ComplianceReport report = overview.report();
        StringBuilder h = new StringBuilder("<section id=\"summary\" aria-labelledby=\"summary-h\"><h2 id=\"summary-h\">")
                .append("Summary</h2><p>For each agency: the share of its counted consultations that kept each rule of the ")
                .append("Compact, the feedback that is late and the concerns still open, and what to do next. Each figure ")
                .append("links to the consultations behind it.</p>");
        List<Bar> all = new ArrayList<>();
        for (RatesByAgency.Headline headline : HEADLINES) {
            Section s = report.sections().get(headline.rule());
            Figure f = s == null ? null : s.figures().get(headline.figure());
            Double v = f == null || f.value() == null ? null : f.value().doubleValue();
            all.add(new Bar(ReportWords.rule(headline.rule()), v, 1.0, v == null || v >= WELL_KEPT));
        }
        h.append(SvgCharts.bars("rates", "Share of consultations that kept each rule, " + (report.agency() == null
                ? "all agencies" : report.agency().name()), all, true));
        for (AgencySummary a : overview.agencies()) {
            h.append(agency(report, a));
        }
        return h.append("</section>").toString();
    }

    private static String agency(ComplianceReport report, AgencySummary a) {
        String id = "agency-" + a.agencyId();
        StringBuilder h = new StringBuilder("<section class=\"agency-summary\" id=\"").append(id)
                .append("\" aria-labelledby=\"").append(id).append("-h\"><h3 id=\"").append(id).append("-h\">")
                .append(esc(a.agencyName())).append("</h3><dl class=\"counts\">")
                .append(count("Consultations counted", a.counted(), null))
                .append(a.jointCounted() == 0 ? "" : "<div class=\"counts__item\"><dt>Of which joint</dt><dd>"
                        + esc(jointWords(a.jointCounted())) + "</dd></div>")
                .append(count("Feedback late", a.feedbackOverdue(), link(report, "FEEDBACK", "overdue", a.agencyId())))
                .append(count("Concerns open", a.concernsOpen(), link(report, "MONITOR", "open", a.agencyId())))
                .append("</dl>");
        if (a.counted() == 0 && a.concernsOpen() == 0) {
            return h.append("<p>No consultation of this agency in the period has given notice yet.</p></section>").toString();
        }
        h.append("<h4>What to do</h4><ul class=\"what-to-do\">");
        int items = 0;
        if (a.feedbackOverdue() > 0) {
            h.append("<li><a href=\"").append(esc(link(report, "FEEDBACK", "overdue", a.agencyId()))).append("\">Give the ")
                    .append("feedback that is late</a> on ").append(Wording.count(a.feedbackOverdue(), "consultation", "consultations"))
                    .append(".</li>");
            items++;
        }
        if (a.concernsOpen() > 0) {
            h.append("<li><a href=\"").append(esc(link(report, "MONITOR", "open", a.agencyId()))).append("\">Answer ")
                    .append(Wording.count(a.concernsOpen(), "open concern", "open concerns")).append("</a>.</li>");
            items++;
        }
        for (RatesByAgency.Headline headline : HEADLINES) {
            Rate r = a.rates().get(headline.rule());
            if (r != null && r.rate() != null && r.rate() < WELL_KEPT && !"MONITOR".equals(headline.rule())) {
                h.append("<li>").append(esc(ReportWords.rule(headline.rule()))).append(": ").append(r.of() - r.met())
                        .append(" of ").append(Wording.count(r.of(), ReportWords.unit(headline.rule(), false),
                                ReportWords.unit(headline.rule(), true))).append(" fell short. <a href=\"")
                        .append(esc(link(report, headline.rule(), headline.figure(), a.agencyId())))
                        .append("\">See which<span class=\"visually-hidden\"> for ").append(esc(ReportWords.rule(headline.rule())))
                        .append(", ").append(esc(a.agencyName())).append("</span></a>.</li>");
                items++;
            }
        }
        if (items == 0) {
            h.append("<li>Nothing outstanding: every rule was kept by at least ")
                    .append(Math.round(WELL_KEPT * 100)).append(" % of the consultations it applies to.</li>");
        }
        h.append("</ul><table class=\"table table--compact\"><caption>How ")
                .append(esc(a.agencyName())).append(" kept each rule</caption><thead><tr><th scope=\"col\">Rule</th>")
                .append("<th scope=\"col\">Kept</th><th scope=\"col\">Of</th></tr></thead><tbody>");
        for (RatesByAgency.Headline headline : HEADLINES) {
            Rate r = a.rates().get(headline.rule());
            h.append("<tr><th scope=\"row\">").append(esc(ReportWords.rule(headline.rule()))).append("</th><td>");
            if (r == null || r.rate() == null) {
                h.append("<span class=\"none\">nothing to judge</span></td><td>0</td></tr>");
            } else {
                h.append("<a href=\"").append(esc(link(report, headline.rule(), headline.figure(), a.agencyId())))
                        .append("\">").append(SvgCharts.percent(r.rate())).append("<span class=\"visually-hidden\"> for ")
                        .append(esc(ReportWords.rule(headline.rule()))).append("</span></a></td><td>").append(r.met())
                        .append(" of ").append(r.of()).append("</td></tr>");
            }
        }
        return h.append("</tbody></table></section>").toString();
    }

    /** "of which 1 joint consultation, run with other agencies" */
    private static String jointWords(long n) {
        return "of which " + Wording.count(n, "joint consultation", "joint consultations") + ", run with other agencies";
    }

    private static String count(String label, long n, @Nullable String href) {
        String value = href == null || n == 0 ? String.valueOf(n)
                : "<a href=\"" + esc(href) + "\">" + n + "<span class=\"visually-hidden\"> " + esc(label.toLowerCase(Locale.UK)) + "</span></a>";
        return "<div class=\"counts__item\"><dt>" + esc(label) + "</dt><dd>" + value + "</dd></div>";
    }

    private static String trends(List<QuarterRates> quarters) {
        StringBuilder h = new StringBuilder("<section id=\"trends\" aria-labelledby=\"trends-h\"><h2 id=\"trends-h\">Trends ")
                .append("by quarter</h2><p>The share that kept each rule in each of the last two years' quarters, by the ")
                .append("quarter in which a consultation opened, judged as the report judges its period. A quarter with ")
                .append("nothing to judge reads \"none\".</p><div class=\"trend-grid\">");
        List<String> labels = quarters.stream().map(QuarterRates::label).toList();
        for (RatesByAgency.Headline headline : HEADLINES) {
            List<Double> shares = quarters.stream().map(q -> q.rates().get(headline.rule()))
                    .map(r -> r == null ? null : r.rate()).toList();
            h.append(SvgCharts.columns("trend-" + headline.rule(), ReportWords.rule(headline.rule()), labels, shares));
        }
        h.append("</div><div class=\"table-scroll\" role=\"region\" aria-labelledby=\"trend-table\" tabindex=\"0\">")
                .append("<table class=\"table table--compact\"><caption id=\"trend-table\">The trends as figures: kept of ")
                .append("those judged</caption><thead><tr><th scope=\"col\">Rule</th>");
        for (QuarterRates q : quarters) {
            h.append("<th scope=\"col\">").append(esc(q.label())).append("</th>");
        }
        h.append("</tr></thead><tbody><tr><th scope=\"row\">Consultations counted</th>");
        for (QuarterRates q : quarters) {
            h.append("<td>").append(q.counted()).append("</td>");
        }
        h.append("</tr>");
        for (RatesByAgency.Headline headline : HEADLINES) {
            h.append("<tr><th scope=\"row\">").append(esc(ReportWords.rule(headline.rule()))).append("</th>");
            for (QuarterRates q : quarters) {
                Rate r = q.rates().get(headline.rule());
                h.append("<td>").append(r == null || r.rate() == null ? "none"
                        : String.format(Locale.ROOT, "%.0f %%", r.rate() * 100) + "<br><span class=\"hint\">" + r.met()
                        + " of " + r.of() + "</span>").append("</td>");
            }
            h.append("</tr>");
        }
        return h.append("</tbody></table></div></section>").toString();
    }

    private static String about(ComplianceReport report) {
        ComplianceReport.Settings s = report.settings();
        return "<section id=\"about\" aria-labelledby=\"about-h\"><h2 id=\"about-h\">About these figures</h2><p>"
                + esc(ReportWords.prose(report.period().rule())) + "</p><p>The rules as set: notice of " + esc(words(s.noticePeriod()))
                + ", open at least " + esc(words(s.minimumDuration())) + ", " + esc(words(s.analysisPeriod()))
                + " to consider the responses before the decision, feedback due " + esc(words(s.feedbackDue()))
                + " after closing. Days are counted in " + esc(report.zone()) + "; the report was made at "
                + esc(report.generatedAt().toString()) + ". The same figures, with their codes, are at <a href=\""
                + esc(withScope(report, "/api/compliance")) + "\">the report's data (JSON)</a> and <a href=\""
                + esc(withScope(report, "/api/compliance.csv")) + "\">spreadsheet (CSV)</a>.</p></section>";
    }

    /** A period as configuration writes it (P12W), in words ("12 weeks"). */
    private static String words(String iso) {
        try {
            return ReportText.describe(java.time.Period.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    /** The address of the consultations behind a figure, for this report's period and {@code agency} (or its own). */
    static String link(ComplianceReport report, String section, String figure, @Nullable Long agency) {
        Long scope = agency != null ? agency : report.agency() == null ? null : report.agency().id();
        return "/compliance/consultations?section=" + enc(section) + "&figure=" + enc(figure) + "&from="
                + report.period().from() + "&to=" + report.period().to() + (scope == null ? "" : "&agency=" + scope);
    }

    private static String withScope(ComplianceReport report, String path) {
        return path + "?from=" + report.period().from() + "&to=" + report.period().to()
                + (report.agency() == null ? "" : "&agency=" + report.agency().id());
    }

    /** A form to ask for another period (the agency stays as it is). */
    private static String periodForm(ComplianceReport report) {
        StringBuilder f = new StringBuilder("<form class=\"period-form\" method=\"get\" action=\"/compliance\">");
        if (report.agency() != null) {
            f.append("<input type=\"hidden\" name=\"agency\" value=\"").append(report.agency().id()).append("\">");
        }
        return f.append("<div class=\"form-group\"><label class=\"label\" for=\"from\">From</label><input class=\"input\" ")
                .append("type=\"date\" id=\"from\" name=\"from\" value=\"").append(report.period().from()).append("\"></div>")
                .append("<div class=\"form-group\"><label class=\"label\" for=\"to\">To</label><input class=\"input\" ")
                .append("type=\"date\" id=\"to\" name=\"to\" value=\"").append(report.period().to()).append("\"></div>")
                .append("<button type=\"submit\" class=\"button button--secondary\">Show this period</button></form>")
                .toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String esc(@Nullable String text) {
        return PageFrame.escape(text);
    }
}
