package org.compact.tracker.compliance;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.compliance.ComplianceReport.Figure;
import org.compact.tracker.compliance.ComplianceReport.Listing;
import org.compact.tracker.compliance.ComplianceReport.Section;
import org.compact.tracker.compliance.SvgCharts.Bar;
import org.compact.tracker.support.Wording;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.compact.tracker.compliance.ComplianceHtml.esc;

/**
 * One section of the report's page: its chart where it has one, its figures in words (each linking to the
 * consultations behind it, with its definition), and its lists as tables whose columns read in words, titles linking
 * to the consultation and agencies named.
 */
final class ComplianceSectionHtml {
    private ComplianceSectionHtml() {
    }

    static String section(ComplianceReport report, Section s) {
        StringBuilder h = new StringBuilder("<section class=\"report-section\" id=\"").append(esc(s.id()))
                .append("\" aria-labelledby=\"").append(esc(s.id())).append("-h\"><h2 id=\"").append(esc(s.id()))
                .append("-h\">").append(esc(s.title())).append("</h2>");
        h.append(chart(s)).append("<dl class=\"figures\">");
        for (Map.Entry<String, Figure> f : s.figures().entrySet()) {
            String name = "INCLUSION".equals(s.id()) && isCode(f.getKey()) ? Wording.code(f.getKey())
                    : ReportWords.figure(s.id(), f.getKey());
            h.append("<div class=\"figures__row\"><dt>").append(figureLink(report, s.id(), f.getKey(), name))
                    .append("</dt><dd><strong>").append(esc(format(f.getValue()))).append("</strong> <span class=\"hint\">")
                    .append(esc(ReportWords.prose(f.getValue().definition()))).append("</span></dd></div>");
        }
        h.append("</dl>");
        Map<Long, String> agencies = new HashMap<>();
        report.byAgency().forEach(a -> agencies.put(a.agencyId(), a.agencyName()));
        for (Map.Entry<String, Listing> l : s.lists().entrySet()) {
            h.append(list(s.id() + "-" + l.getKey(), l.getKey(), l.getValue(), agencies));
        }
        return h.append("</section>").toString();
    }

    private static boolean isCode(String name) {
        return name.equals(name.toUpperCase(Locale.ROOT));
    }

    private static String chart(Section s) {
        switch (s.id()) {
            case "NOTICE" -> {
                Listing bands = s.lists().get("leadTimeBands");
                if (bands == null) {
                    return "";
                }
                List<Bar> bars = new ArrayList<>();
                double max = bands.rows().stream().mapToDouble(r -> ((Number) r.get("organisations")).doubleValue())
                        .max().orElse(0);
                for (Map<String, Object> row : bands.rows()) {
                    bars.add(new Bar(Wording.code(String.valueOf(row.get("band"))),
                            ((Number) row.get("organisations")).doubleValue(), max, "yes".equals(row.get("full"))));
                }
                return SvgCharts.bars("lead", "Organisations by notice lead time", bars, false);
            }
            case "INCLUSION" -> {
                List<Bar> bars = new ArrayList<>();
                List<String> groups = InclusionSection.groups(s);
                double max = groups.stream().mapToDouble(g -> value(s.figures().get(g))).max().orElse(0);
                for (String group : groups) {
                    bars.add(new Bar(Wording.code(group), value(s.figures().get(group)), max, true));
                }
                return SvgCharts.bars("groups", "Counted consultations naming each socially excluded group", bars, false);
            }
            case "OVERLOAD" -> {
                Listing busiest = s.lists().get("mostConsulted");
                if (busiest == null || busiest.rows().isEmpty()) {
                    return "";
                }
                List<Bar> bars = new ArrayList<>();
                double max = ((Number) busiest.rows().get(0).get("notices")).doubleValue();
                for (Map<String, Object> row : busiest.rows()) {
                    bars.add(new Bar(String.valueOf(row.get("name")), ((Number) row.get("notices")).doubleValue(), max, true));
                }
                return SvgCharts.bars("busiest", "Notices per organisation (most consulted)", bars, false);
            }
            default -> {
                return "";
            }
        }
    }

    private static double value(@Nullable Figure f) {
        return f == null || f.value() == null ? 0 : f.value().doubleValue();
    }

    /** The figure's name as a link to the consultations behind it, or as text when it has none. */
    private static String figureLink(ComplianceReport report, String section, String figure, String text) {
        Section inclusion = report.sections().get("INCLUSION");
        if (!DrillDown.has(section, figure, inclusion == null ? List.of() : InclusionSection.groups(inclusion))) {
            return esc(text);
        }
        return "<a href=\"" + esc(ComplianceHtml.link(report, section, figure, null)) + "\">" + esc(text) + "</a>";
    }

    private static String list(String id, String name, Listing l, Map<Long, String> agencies) {
        StringBuilder t = new StringBuilder("<h3>").append(esc(l.title())).append("</h3><p>").append(esc(ReportWords.prose(l.definition())));
        if (l.total() > l.rows().size() && !"leadTimeBands".equals(name)) {
            t.append(" Showing ").append(l.rows().size()).append(" of ").append(l.total()).append('.');
        }
        t.append("</p>");
        if (l.rows().isEmpty()) {
            return t.append("<p class=\"none\">None.</p>").toString();
        }
        List<String> columns = l.columns().stream().filter(c -> !"consultationId".equals(c) && !"organisationId".equals(c)
                && !"actionId".equals(c)).toList();
        t.append("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"").append(esc(id))
                .append("\" tabindex=\"0\"><table class=\"table table--compact\"><caption id=\"").append(esc(id))
                .append("\" class=\"visually-hidden\">").append(esc(l.title())).append("</caption><thead><tr>");
        for (String column : columns) {
            t.append("<th scope=\"col\">").append(esc(ReportWords.column(column))).append("</th>");
        }
        t.append("</tr></thead><tbody>");
        for (Map<String, Object> row : l.rows()) {
            t.append("<tr>");
            for (String column : columns) {
                t.append("<td>").append(cell(column, row, agencies)).append("</td>");
            }
            t.append("</tr>");
        }
        return t.append("</tbody></table></div>").toString();
    }

    private static String cell(String column, Map<String, Object> row, Map<Long, String> agencies) {
        Object v = row.get(column);
        if ("title".equals(column) && row.get("consultationId") instanceof Number id) {
            return "<a href=\"/consultations/" + id.longValue() + "\">" + esc(v == null ? "" : v.toString()) + "</a>";
        }
        if ("agencyId".equals(column) && v instanceof Number id) {
            return esc(agencies.getOrDefault(id.longValue(), "Agency " + id));
        }
        if (v instanceof LocalDate day) {
            return esc(Wording.day(day));
        }
        String text = ReportWords.value(column, v);
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return esc(Wording.day(LocalDate.parse(text)));
        }
        return esc(text);
    }

    static String format(Figure f) {
        if (f.value() == null) {
            return "nothing to judge";
        }
        return switch (f.unit()) {
            case "share" -> SvgCharts.percent(f.value().doubleValue());
            case "days" -> {
                double d = f.value().doubleValue();
                yield (d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d))
                        + (d == 1 ? " day" : " days");
            }
            default -> f.value().toString();
        };
    }
}
