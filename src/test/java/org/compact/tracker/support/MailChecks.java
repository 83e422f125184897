package org.compact.tracker.support;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;

import javax.swing.text.MutableAttributeSet;
import javax.swing.text.html.HTML;
import javax.swing.text.html.HTMLEditorKit;
import javax.swing.text.html.parser.ParserDelegator;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every part of a received mail read through a parser of its own, not the service's writers: the headers through
 * Jakarta Mail, the HTML through the JDK's HTML parser (a head with a title, every link a web or mail address), the
 * calendar as octets (CRLF, lines folded at 75 octets, RFC 5545 3.1) and through ical4j's reader.
 */
public final class MailChecks {
    private MailChecks() {
    }

    /** What the HTML part holds, as the independent parser read it. */
    public record HtmlPart(String title, List<String> links, String text) {
    }

    /** Checks every part of {@code m}; returns the HTML part as read. */
    public static HtmlPart everyPart(MimeMessage m) throws Exception {
        String subject = m.getSubject();
        assertThat(subject).as("a subject inbox lists show whole").hasSizeLessThanOrEqualTo(78)
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        assertThat(MailParts.part(m, "text/plain")).as("a plain text part").isNotBlank();
        String html = MailParts.part(m, "text/html");
        assertThat(html).as("an HTML part").isNotNull();
        HtmlPart read = html(html);
        assertThat(read.title()).as("the HTML part has a head and a title").isNotBlank();
        assertThat(read.links()).allSatisfy(l -> assertThat(l).matches("(https?://|mailto:).+"));
        if (MailParts.find((Multipart) m.getContent(), "text/calendar") != null) {
            calendar(MailParts.attachment(m, "text/calendar"));
        }
        return read;
    }

    /** The calendar's octets: CRLF line ends, no line over 75 octets; and it parses. */
    public static Calendar calendar(byte[] ics) throws Exception {
        String text = new String(ics, StandardCharsets.UTF_8);
        assertThat(text).as("every line ends in CRLF").doesNotContainPattern("[^\\r]\\n").endsWith("\r\n");
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("octets of: " + line).isLessThanOrEqualTo(75);
        }
        assertThat(text).as("no UTF-8 sequence split by a fold").doesNotContain("\uFFFD");
        return new CalendarBuilder().build(new ByteArrayInputStream(ics));
    }

    /** The HTML read by the JDK's parser: the title, every link, and the text. */
    public static HtmlPart html(String html) throws Exception {
        StringBuilder title = new StringBuilder();
        StringBuilder text = new StringBuilder();
        List<String> links = new ArrayList<>();
        boolean[] inTitle = {false};
        new ParserDelegator().parse(new StringReader(html), new HTMLEditorKit.ParserCallback() {
            @Override
            public void handleStartTag(HTML.Tag t, MutableAttributeSet a, int pos) {
                if (t == HTML.Tag.TITLE) {
                    inTitle[0] = true;
                }
                if (t == HTML.Tag.A && a.getAttribute(HTML.Attribute.HREF) != null) {
                    links.add(a.getAttribute(HTML.Attribute.HREF).toString());
                }
            }

            @Override
            public void handleEndTag(HTML.Tag t, int pos) {
                if (t == HTML.Tag.TITLE) {
                    inTitle[0] = false;
                }
            }

            @Override
            public void handleText(char[] data, int pos) {
                (inTitle[0] ? title : text).append(data).append(' ');
            }
        }, true);
        return new HtmlPart(title.toString().strip(), links, text.toString());
    }
}
