package org.compact.tracker.support;

import io.micronaut.core.annotation.Nullable;

/**
 * The one layout of every page a person reads, for the pages written in Java (the public programme, results pages,
 * the compliance report): the same head, header, main and footer, with the same classes and the one stylesheet
 * ({@value #STYLESHEET}), as the Thymeleaf pages' {@code views/fragments.html} (officers) and
 * {@code views/org-fragments.html} (organisations). The header names the service and gives the navigation that suits
 * the reader: the public's, or a signed-in person's with their name and a sign-out button. No script and no inline
 * style, so the pages work under a strict Content-Security-Policy. Text is escaped here; {@code head} and
 * {@code body} are HTML the caller escaped.
 */
public final class PageFrame {
    /** The stylesheet every page links to (served as a static resource). */
    public static final String STYLESHEET = "/assets/tracker.css";
    /** The service's name, as the header and every title show it. */
    public static final String SERVICE = "Consultation tracker";

    private PageFrame() {
    }

    /**
     * Who is signed in, as the header shows them: their name, their role in words, whether they may register
     * consultations, and the CSRF token of the sign-out form.
     */
    public record SignedIn(String name, String role, boolean mayChange, String csrf) {
    }

    /** A whole page for the public (nobody signed in). */
    public static String page(String title, String head, String body) {
        return page(title, head, body, null);
    }

    /** A whole page: {@code title} is text, {@code head} and {@code body} are HTML; {@code user} is who is signed in. */
    public static String page(String title, String head, String body, @Nullable SignedIn user) {
        return "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " – " + SERVICE + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + STYLESHEET + "\">" + head + "</head><body>"
                + header(user)
                + "<main id=\"main\" class=\"main\">" + body + "</main>"
                + footer() + "</body></html>";
    }

    /** The header: the service's name and the reader's navigation (as fragments.html's {@code header}). */
    public static String header(@Nullable SignedIn user) {
        StringBuilder h = new StringBuilder("<header class=\"site-header\"><a class=\"skip-link\" href=\"#main\">Skip to the "
                + "content</a><div class=\"site-header__inner\"><a class=\"site-header__name\" href=\"")
                .append(user == null ? "/programme" : "/dashboard").append("\">").append(SERVICE)
                .append("</a><nav aria-label=\"Main\"><ul class=\"site-nav\">");
        if (user == null) {
            h.append("<li><a href=\"/programme\">Public programme</a></li>")
                    .append("<li><a href=\"/concerns/new\">Raise a concern</a></li>")
                    .append("<li><a href=\"/sign-in\">Officers' sign-in</a></li>");
        } else {
            h.append("<li><a href=\"/dashboard\">Your consultations</a></li>");
            if (user.mayChange()) {
                h.append("<li><a href=\"/consultations/new\">Register a consultation</a></li>");
            }
            h.append("<li><a href=\"/compliance\">Compliance report</a></li>")
                    .append("<li><a href=\"/programme\">Public programme</a></li>");
        }
        h.append("</ul></nav>");
        if (user != null) {
            h.append("<form class=\"sign-out\" method=\"post\" action=\"/sign-out\"><input type=\"hidden\" name=\"_csrf\" value=\"")
                    .append(escape(user.csrf())).append("\"><span class=\"sign-out__who\">Signed in as <strong>")
                    .append(escape(user.name())).append("</strong> (").append(escape(user.role()))
                    .append(")</span><button type=\"submit\" class=\"button button--secondary\">Sign out</button></form>");
        }
        return h.append("</div></header>").toString();
    }

    /** The footer (as fragments.html's {@code footer}). */
    public static String footer() {
        return "<footer class=\"site-footer\"><p>" + SERVICE + ": keeping the promises of the local Compact. "
                + "<a href=\"/programme\">The public programme of consultations</a></p></footer>";
    }

    /** Text for HTML content and double-quoted attributes. */
    public static String escape(@Nullable String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
