package org.compact.tracker.notice;

import org.compact.tracker.mail.OutgoingMail;

import java.util.List;

/**
 * Puts the translations an organisation needs at the top of its notice: in the text part before everything else, and
 * in the HTML part right after {@code <body>}, each in a block with its {@code lang} and, for a script written right
 * to left, {@code dir="rtl"}; the notice in English follows unchanged. An organisation that needs none of the
 * consultation's languages gets the notice as it was.
 */
final class TranslatedNotice {
    private TranslatedNotice() {
    }

    /** {@code mail} with the translations among {@code translations} that {@code needs} names at its top. */
    static OutgoingMail atTop(OutgoingMail mail, List<Translation> translations, List<String> needs) {
        List<Translation> wanted = translations.stream().filter(t -> t.meetsAnyOf(needs)).toList();
        if (wanted.isEmpty()) {
            return mail;
        }
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        for (Translation t : wanted) {
            text.append(t.englishName()).append(" / ").append(t.ownName())
                    .append(" (the notice in English follows)\n\n")
                    .append(t.title()).append("\n\n").append(t.summary()).append("\n\n");
            html.append("<p style=\"font-size:14px\">").append(Html.escape(t.englishName())).append(" / <span lang=\"")
                    .append(Html.escape(t.language())).append("\">").append(Html.escape(t.ownName()))
                    .append("</span> (the notice in English follows)</p>")
                    .append("<div lang=\"").append(Html.escape(t.language())).append('"')
                    .append(t.rightToLeft() ? " dir=\"rtl\"" : "")
                    .append(" style=\"border-bottom:1px solid #b1b4b6;margin-bottom:24px\">")
                    .append("<h2 style=\"font-size:19px\">").append(Html.escape(t.title())).append("</h2>")
                    .append(paragraph(t.summary()));
            for (String part : new String[]{t.openToChange(), t.fixed()}) {
                if (part != null) {
                    text.append(part).append("\n\n");
                    html.append(paragraph(part));
                }
            }
            html.append("</div>");
        }
        text.append("----\n\n");
        String body = mail.html();
        String withTranslations = body;
        if (body != null) {
            int open = body.indexOf("<body");
            int at = open < 0 ? -1 : body.indexOf('>', open);
            withTranslations = at < 0 ? html + body : body.substring(0, at + 1) + html + body.substring(at + 1);
        }
        return new OutgoingMail(mail.messageId(), mail.category(), mail.to(), mail.subject(), text + mail.text(),
                withTranslations, mail.attachments(), mail.headers(), mail.reference());
    }

    private static String paragraph(String s) {
        return "<p>" + Html.escape(s).replace("\n", "<br>") + "</p>";
    }
}
