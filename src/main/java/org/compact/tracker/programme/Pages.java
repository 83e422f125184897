package org.compact.tracker.programme;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.notice.Html;
import org.compact.tracker.support.PageFrame;

import java.time.LocalDate;
import java.util.List;

/**
 * The public pages in the service's one layout ({@link PageFrame}): one language, one heading structure, no script and no inline style, so the pages
 * work under the strict {@link #CONTENT_SECURITY_POLICY}. Every value from a user is escaped here or by the caller
 * through {@link Html#escape}.
 */
public final class Pages {
    /** The policy every public page is served with. */
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** The stylesheet the pages link to (served as a static resource). */
    public static final String STYLESHEET = PageFrame.STYLESHEET;

    private Pages() {
    }

    /** A whole page in the service's one layout ({@link PageFrame}), for the public: {@code title} is text, {@code head} and {@code body} are HTML. */
    public static String page(String title, String head, String body) {
        return PageFrame.page(title, head, body);
    }

    /** A page that says nothing is here. */
    public static String notFound(String detail) {
        return page("Not found", "", "<h1>Not found</h1><p>" + Html.escape(detail) + "</p>");
    }

    /** A page for a request that cannot be answered as sent, with each reason. */
    public static String problem(String title, String detail, List<String> reasons) {
        StringBuilder body = new StringBuilder("<h1>").append(Html.escape(title)).append("</h1><p>")
                .append(Html.escape(reasons.isEmpty() ? detail : "Please correct this and try again:")).append("</p>");
        if (!reasons.isEmpty()) {
            body.append("<ul>");
            reasons.forEach(r -> body.append("<li>").append(Html.escape(r)).append("</li>"));
            body.append("</ul>");
        }
        return page(title, "", body.toString());
    }

    /** A date for people and machines: {@code <time datetime="2027-03-01">1 March 2027</time>}. */
    static String time(@Nullable LocalDate date) {
        if (date == null) {
            return "<span class=\"none\">not set</span>";
        }
        return "<time datetime=\"" + date + "\">" + Html.escape(PublicLabels.day(date)) + "</time>";
    }

    /** Text as paragraphs: a blank line starts a new paragraph, a single line break stays one. */
    static String paragraphs(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String para : text.strip().split("\\R\\s*\\R")) {
            out.append("<p>").append(String.join("<br>", para.strip().lines().map(Html::escape).toList())).append("</p>");
        }
        return out.toString();
    }
}
