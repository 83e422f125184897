package org.compact.tracker.compliance;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.compliance.ComplianceReport.Figure;
import org.compact.tracker.compliance.ComplianceReport.Listing;
import org.compact.tracker.compliance.ComplianceReport.Section;
import org.compact.tracker.notice.Html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one printable HTML page: no script, no stylesheet, nothing fetched. Charts are inline SVG drawn
 * here with presentation attributes only ({@code fill}, {@code width}, …), since the page's Content-Security-Policy
 * ({@link #CSP}) allows no inline style. Every text from the database (titles, names, reasons) is escaped.
 */
public final class ComplianceHtml {
    /** The page's Content-Security-Policy. */
    public static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'";

    private static final String BAR = "#1d70b8";
    private static final String SHORT = "#d4351c";
    private static final String TRACK = "#e8e8e8";
    private static final String FONT = "font-family=\"Arial, sans-serif\" font-size=\"12\"";
    /** The headline figure of each rule, in the order the bar chart shows them. */
    private static final List<RatesByAgency.Headline> HEADLINES = RatesByAgency.HEADLINES;

    private ComplianceHtml() {
    }

    public static String write(ComplianceReport report) {
        StringBuilder h = new StringBuilder(32_000);
        String who = report.agency() == null ? "All agencies" : report.agency().name();
        String title = "Compliance report: " + who + ", " + report.period().from() + " to " + report.period().to();
        h.append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"robots\" content=\"noindex\"><title>").append(esc(title)).append("</title></head><body>")
                .append("<header><nav aria-label=\"Pages\"><a href=\"/dashboard\">Your consultations</a></nav><h1>")
                .append(esc(title)).append("</h1>").append(periodForm(report)).append("<p>")
                .append(esc(report.period().rule())).append("</p><p>Judged on ").append(esc(report.asOf().toString()))
                .append(" (").append(esc(report.zone())).append("), made at ").append(esc(report.generatedAt().toString()))
                .append(". Settings: notice ").append(esc(report.settings().noticePeriod())).append(", minimum duration ")
                .append(esc(report.settings().minimumDuration())).append(", analysis ")
                .append(esc(report.settings().analysisPeriod())).append(", feedback due ")
                .append(esc(report.settings().feedbackDue())).append(" after closing.</p></header><main>");

        h.append("<section><h2>Rates by rule</h2>");
        List<Bar> rates = new ArrayList<>();
        for (RatesByAgency.Headline headline : HEADLINES) {
            Section s = report.sections().get(headline.rule());
            Figure f = s == null ? null : s.figures().get(headline.figure());
            rates.add(new Bar(headline.rule(), f == null || f.value() == null ? null : f.value().doubleValue(), 1.0, true));
        }
        h.append(barChart("rates", "Share of each rule met, in the period", rates, true));
        h.append("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\"><caption>The chart's rates: each links to "
                + "the consultations behind it</caption><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Share "
                + "met</th></tr></thead><tbody>");
        for (int i = 0; i < HEADLINES.size(); i++) {
            RatesByAgency.Headline headline = HEADLINES.get(i);
            Bar b = rates.get(i);
            h.append("<tr><th scope=\"row\">").append(esc(headline.rule())).append("</th><td>")
                    .append(link(report, headline.rule(), headline.figure(), null, b.value() == null ? "no data" : percent(b.value())))
                    .append("</td></tr>");
        }
        h.append("</tbody></table>");
        h.append(agencyTable(report));
        h.append("</section>");

        for (Section s : report.sections().values()) {
            h.append("<section id=\"").append(esc(s.id())).append("\"><h2>").append(esc(s.id())).append(": ")
                    .append(esc(s.title())).append(" <small>(").append(esc(s.kind())).append(")</small></h2>");
            h.append(chartFor(s));
            h.append(figureTable(report, s));
            for (Map.Entry<String, Listing> l : s.lists().entrySet()) {
                h.append(listTable(l.getKey(), l.getValue()));
            }
            h.append("</section>");
        }
        h.append("</main></body></html>");
        return h.toString();
    }

    private static String chartFor(Section s) {
        switch (s.id()) {
            case "NOTICE" -> {
                Listing bands = s.lists().get("leadTimeBands");
                List<Bar> bars = new ArrayList<>();
                double max = bands.rows().stream().mapToDouble(r -> ((Number) r.get("organisations")).doubleValue())
                        .max().orElse(0);
                for (Map<String, Object> row : bands.rows()) {
                    bars.add(new Bar((String) row.get("band"), ((Number) row.get("organisations")).doubleValue(), max,
                            "yes".equals(row.get("full"))));
                }
                return barChart("lead", "Organisations by notice lead time", bars, false);
            }
            case "INCLUSION" -> {
                List<Bar> bars = new ArrayList<>();
                List<String> groups = InclusionSection.groups(s);
                double max = groups.stream().mapToDouble(g -> value(s.figures().get(g))).max().orElse(0);
                for (String group : groups) {
                    bars.add(new Bar(group, value(s.figures().get(group)), max, true));
                }
                return barChart("groups", "Counted consultations naming each socially excluded group", bars, false);
            }
            case "OVERLOAD" -> {
                Listing busiest = s.lists().get("mostConsulted");
                List<Bar> bars = new ArrayList<>();
                double max = busiest.rows().isEmpty() ? 0 : ((Number) busiest.rows().get(0).get("notices")).doubleValue();
                for (Map<String, Object> row : busiest.rows()) {
                    bars.add(new Bar((String) row.get("name"), ((Number) row.get("notices")).doubleValue(), max, true));
                }
                return bars.isEmpty() ? "" : barChart("busiest", "Notices per organisation (most consulted)", bars, false);
            }
            default -> {
                return "";
            }
        }
    }

    private static double value(@Nullable Figure f) {
        return f == null || f.value() == null ? 0 : f.value().doubleValue();
    }

    /** One bar: a label and a value out of {@code max}; shares are drawn as percentages. */
    private record Bar(String label, @Nullable Double value, double max, boolean good) {
    }

    /** A horizontal bar chart as inline SVG, with a title and text values, readable in print. */
    static String barChart(String id, String title, List<Bar> bars, boolean shares) {
        int labelWidth = 230;
        int barWidth = 320;
        int rowHeight = 22;
        int height = 28 + rowHeight * bars.size();
        int width = labelWidth + barWidth + 90;
        StringBuilder svg = new StringBuilder();
        svg.append("<figure><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-").append(id)
                .append("\" aria-describedby=\"chart-").append(id).append("-desc\" width=\"").append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\"><title id=\"chart-").append(id).append("\">")
                .append(esc(title)).append("</title><desc id=\"chart-").append(id).append("-desc\">")
                .append(esc(describe(bars, shares))).append("</desc><text x=\"0\" y=\"16\" ").append(FONT)
                .append(" font-weight=\"bold\" fill=\"#0b0c0c\">").append(esc(title)).append("</text>");
        int y = 28;
        for (Bar b : bars) {
            String label = b.label().length() > 34 ? b.label().substring(0, 33) + "…" : b.label();
            svg.append("<text x=\"").append(labelWidth - 6).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\" ").append(FONT).append(" fill=\"#0b0c0c\">").append(esc(label))
                    .append("</text><rect x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(barWidth).append("\" height=\"16\" fill=\"").append(TRACK).append("\"/>");
            String text;
            if (b.value() == null) {
                text = "no data";
            } else {
                double share = b.max() <= 0 ? 0 : Math.max(0, Math.min(1, b.value() / b.max()));
                svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"")
                        .append(String.format(Locale.ROOT, "%.1f", share * barWidth)).append("\" height=\"16\" fill=\"")
                        .append(b.good() ? BAR : SHORT).append("\"/>");
                text = shares ? percent(b.value()) : String.format(Locale.ROOT, "%.0f", b.value());
            }
            svg.append("<text x=\"").append(labelWidth + barWidth + 6).append("\" y=\"").append(y + 15).append("\" ")
                    .append(FONT).append(" fill=\"#0b0c0c\">").append(esc(text)).append("</text>");
            y += rowHeight;
        }
        return svg.append("</svg></figure>").toString();
    }

    /** The chart's values in words, for those who cannot see it: "NOTICE 71.4 %; PRIOR_WORK 100.0 %; …". */
    private static String describe(List<Bar> bars, boolean shares) {
        List<String> parts = new ArrayList<>();
        for (Bar b : bars) {
            parts.add(b.label() + " " + (b.value() == null ? "no data"
                    : shares ? percent(b.value()) : String.format(Locale.ROOT, "%.0f", b.value())));
        }
        return String.join("; ", parts) + ".";
    }

    /** The figure's name (or value) as a link to the consultations behind it, or as text when it has none. */
    private static String link(ComplianceReport report, String section, String figure, @Nullable Long agency, String text) {
        Section inclusion = report.sections().get("INCLUSION");
        if (!DrillDown.has(section, figure, inclusion == null ? List.of() : InclusionSection.groups(inclusion))) {
            return esc(text);
        }
        Long scope = agency != null ? agency : report.agency() == null ? null : report.agency().id();
        String href = "/compliance/consultations?section=" + enc(section) + "&figure=" + enc(figure) + "&from="
                + report.period().from() + "&to=" + report.period().to() + (scope == null ? "" : "&agency=" + scope);
        return "<a href=\"" + esc(href) + "\">" + esc(text) + "</a>";
    }

    /** A form to ask for another period (the agency stays as it is). */
    private static String periodForm(ComplianceReport report) {
        StringBuilder f = new StringBuilder("<form method=\"get\" action=\"/compliance\"><p>");
        if (report.agency() != null) {
            f.append("<input type=\"hidden\" name=\"agency\" value=\"").append(report.agency().id()).append("\">");
        }
        return f.append("<label for=\"from\">From</label> <input type=\"date\" id=\"from\" name=\"from\" value=\"")
                .append(report.period().from()).append("\"> <label for=\"to\">to</label> <input type=\"date\" id=\"to\" ")
                .append("name=\"to\" value=\"").append(report.period().to()).append("\"> <button type=\"submit\">Show the ")
                .append("report for this period</button></p></form>").toString();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String agencyTable(ComplianceReport report) {
        if (report.byAgency().isEmpty()) {
            return "";
        }
        StringBuilder t = new StringBuilder("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\"><caption>Rates per "
                + "agency (met of counted)</caption><thead><tr><th scope=\"col\">Agency</th><th scope=\"col\">Counted</th>");
        List<String> rules = new ArrayList<>(report.byAgency().get(0).rates().keySet());
        for (String rule : rules) {
            t.append("<th scope=\"col\">").append(esc(rule).replace("_", "_<wbr>")).append("</th>");
        }
        t.append("</tr></thead><tbody>");
        for (ComplianceReport.AgencyRates a : report.byAgency()) {
            t.append("<tr><th scope=\"row\">").append(esc(a.agencyName())).append("</th><td>").append(a.consultations())
                    .append("</td>");
            for (String rule : rules) {
                ComplianceReport.Rate r = a.rates().get(rule);
                String figure = HEADLINES.stream().filter(x -> x.rule().equals(rule)).map(RatesByAgency.Headline::figure)
                        .findFirst().orElse("");
                t.append("<td>").append(link(report, rule, figure, a.agencyId(), r.rate() == null ? "no data"
                        : percent(r.rate()))).append("<br><small>").append(r.met()).append(" of ").append(r.of())
                        .append("</small></td>");
            }
            t.append("</tr>");
        }
        return t.append("</tbody></table>").toString();
    }

    private static String figureTable(ComplianceReport report, Section s) {
        StringBuilder t = new StringBuilder("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\"><caption>")
                .append(esc(s.id())).append(" figures: each named figure links to the consultations behind it</caption><thead><tr>"
                + "<th scope=\"col\">Figure</th><th scope=\"col\">Value</th><th scope=\"col\">Definition</th></tr></thead><tbody>");
        for (Map.Entry<String, Figure> f : s.figures().entrySet()) {
            t.append("<tr><th scope=\"row\">").append(link(report, s.id(), f.getKey(), null, f.getKey())).append("</th><td>")
                    .append(esc(format(f.getValue()))).append("</td><td>").append(esc(f.getValue().definition()))
                    .append("</td></tr>");
        }
        return t.append("</tbody></table>").toString();
    }

    private static String listTable(String name, Listing l) {
        StringBuilder t = new StringBuilder("<h3>").append(esc(l.title())).append("</h3><p>").append(esc(l.definition()));
        if (l.total() > l.rows().size() && !"leadTimeBands".equals(name)) {
            t.append(" Showing ").append(l.rows().size()).append(" of ").append(l.total()).append('.');
        }
        t.append("</p>");
        if (l.rows().isEmpty()) {
            return t.append("<p>None.</p>").toString();
        }
        t.append("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\"><thead><tr>");
        for (String column : l.columns()) {
            t.append("<th scope=\"col\">").append(esc(column)).append("</th>");
        }
        t.append("</tr></thead><tbody>");
        for (Map<String, Object> row : l.rows()) {
            t.append("<tr>");
            for (String column : l.columns()) {
                Object v = row.get(column);
                t.append("<td>").append(esc(v == null ? "" : v.toString())).append("</td>");
            }
            t.append("</tr>");
        }
        return t.append("</tbody></table>").toString();
    }

    private static String format(Figure f) {
        if (f.value() == null) {
            return "no data";
        }
        return switch (f.unit()) {
            case "share" -> percent(f.value().doubleValue());
            case "days" -> {
                double d = f.value().doubleValue();
                yield (d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d)) + " days";
            }
            default -> f.value().toString();
        };
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private static String esc(String text) {
        return Html.escape(text);
    }
}
