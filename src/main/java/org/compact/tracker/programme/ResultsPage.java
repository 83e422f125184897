package org.compact.tracker.programme;

import org.compact.tracker.notice.Html;
import org.compact.tracker.notice.Translation;

import java.util.Map;

/** The published results of one consultation as an accessible HTML page: you said, we did, and what happens next. */
public final class ResultsPage {
    private ResultsPage() {
    }

    /**
     * The consultation's translated summaries, each in a section of its own with its {@code lang}, and
     * {@code dir="rtl"} for a script written right to left; the page's own words stay English.
     */
    private static void translations(StringBuilder b, ProgrammeEntry c) {
        if (c.translations().isEmpty()) {
            return;
        }
        b.append("<section aria-labelledby=\"translations\"><h2 id=\"translations\">In other languages</h2>");
        for (Translation t : c.translations()) {
            String lang = Html.escape(t.language());
            b.append("<h3>").append(Html.escape(t.englishName())).append(" / <span lang=\"").append(lang).append("\">")
                    .append(Html.escape(t.ownName())).append("</span></h3>")
                    .append("<div lang=\"").append(lang).append('"').append(t.rightToLeft() ? " dir=\"rtl\"" : "")
                    .append("><p><strong>").append(Html.escape(t.title())).append("</strong></p>")
                    .append(Pages.paragraphs(t.summary()));
            if (t.openToChange() != null) {
                b.append(Pages.paragraphs(t.openToChange()));
            }
            if (t.fixed() != null) {
                b.append(Pages.paragraphs(t.fixed()));
            }
            b.append("</div>");
        }
        b.append("</section>");
    }

    public static String render(Results r) {
        ProgrammeEntry c = r.consultation();
        StringBuilder b = new StringBuilder();
        b.append("<span class=\"caption\">Results of a consultation</span><h1>Results: ").append(Html.escape(c.title())).append("</h1>")
                .append("<p>A consultation by ").append(Html.escape(c.agency())).append(". Themes: ")
                .append(Html.escape(PublicLabels.themes(c.themes()))).append(". Areas: ").append(Html.escape(PublicLabels.areas(c.areas())))
                .append(".</p>");
        b.append("<dl class=\"summary-list\"><div class=\"summary-list__row\"><dt>Open</dt><dd>").append(Pages.time(c.opensOn()))
                .append(" to ").append(Pages.time(c.closesOn())).append("</dd></div><div class=\"summary-list__row\"><dt>Decision</dt><dd>")
                .append(Pages.time(r.decidedOn())).append("</dd></div><div class=\"summary-list__row\"><dt>Feedback given</dt><dd>")
                .append(Pages.time(r.givenOn())).append("</dd></div></dl>");
        translations(b, c);

        String takingPart = TakingPart.html(c, "");
        if (!takingPart.isEmpty()) {
            b.append("<section aria-labelledby=\"taking-part\"><h2 id=\"taking-part\">How people could take part</h2>")
                    .append(takingPart).append("</section>");
        }
        b.append("<section aria-labelledby=\"you-said\"><h2 id=\"you-said\">You said</h2>").append(Pages.paragraphs(r.youSaid()))
                .append("</section>");
        b.append("<section aria-labelledby=\"we-did\"><h2 id=\"we-did\">We did</h2>").append(Pages.paragraphs(r.weDid()))
                .append("</section>");
        b.append("<section aria-labelledby=\"outcome\"><h2 id=\"outcome\">The outcome</h2><p><strong>")
                .append(Html.escape(PublicLabels.outcome(r.outcome()))).append("</strong></p>");
        if (r.reasons() != null) {
            b.append("<h3>Why</h3>").append(Pages.paragraphs(r.reasons()));
        }
        b.append("</section>");

        b.append("<section aria-labelledby=\"responses\"><h2 id=\"responses\">Who responded</h2>");
        if (r.responseCounts().isEmpty()) {
            b.append("<p>The number of responses was not recorded.</p>");
        } else {
            b.append("<table class=\"table\"><caption>Responses by way of taking part</caption><thead><tr><th scope=\"col\">Way of taking part</th>")
                    .append("<th scope=\"col\">Responses</th></tr></thead><tbody>");
            for (Map.Entry<String, Integer> e : r.responseCounts().entrySet()) {
                b.append("<tr><th scope=\"row\">").append(Html.escape(PublicLabels.code(e.getKey()))).append("</th><td>")
                        .append(e.getValue() == null ? 0 : e.getValue()).append("</td></tr>");
            }
            b.append("</tbody><tfoot><tr><th scope=\"row\">Total</th><td>").append(r.totalResponses())
                    .append("</td></tr></tfoot></table>");
        }
        b.append("</section>");

        if (r.reportUrl() != null) {
            b.append("<section aria-labelledby=\"report\"><h2 id=\"report\">The full report</h2><p>");
            String url = r.reportUrl().strip();
            if (url.startsWith("https://") || url.startsWith("http://")) {
                b.append("<a href=\"").append(Html.escape(url)).append("\" rel=\"external noreferrer\">")
                        .append(Html.escape(url)).append("</a>");
            } else {
                b.append(Html.escape(url));
            }
            b.append("</p></section>");
        }

        b.append("<section aria-labelledby=\"actions\"><h2 id=\"actions\">What we promised to do</h2>");
        if (r.actions().isEmpty()) {
            b.append("<p>The feedback promised no further action.</p>");
        } else {
            b.append("<table class=\"table\"><caption>Promised actions and their progress as of ").append(Pages.time(r.asOf()))
                    .append("</caption><thead><tr><th scope=\"col\">Action</th><th scope=\"col\">Due by</th>")
                    .append("<th scope=\"col\">Progress</th></tr></thead><tbody>");
            for (Results.Action a : r.actions()) {
                b.append("<tr><th scope=\"row\">").append(Html.escape(a.what())).append("</th><td>").append(Pages.time(a.due()))
                        .append("</td><td class=\"progress-").append(a.progress().name().toLowerCase(java.util.Locale.ROOT))
                        .append("\">").append(switch (a.progress()) {
                            case DONE -> "Done on " + Pages.time(a.doneOn());
                            case DUE -> "Due, not done yet";
                            case OVERDUE -> "<strong>Overdue</strong>: not done by the date promised";
                        });
                if (a.note() != null) {
                    b.append(". ").append(Html.escape(a.note()));
                }
                b.append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("</section>");
        b.append("<p><a href=\"/programme#c").append(c.id()).append("\">This consultation in the programme</a></p>");
        return Pages.page("Results: " + c.title(), "", b.toString());
    }
}
