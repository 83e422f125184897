package org.compact.tracker.mail;

import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Without an SMTP host, mail becomes .eml files a newcomer can open. */
class FileMailSenderTest {
    private static final Instant AT = Instant.parse("2026-11-23T10:15:30.123Z");

    @TempDir
    Path tmp;

    @Test
    void aMessageIsWrittenAsAnEmlFileThatParsesBackWithItsMessageIdPartsAndAttachment() throws Exception {
        Path dir = tmp.resolve("data/mail");
        FileMailSender sender = new FileMailSender(dir, new InternetAddress("consultations@localhost"));
        OutgoingMail mail = Mails.notice("notice.12.34@tracker.example", "partner@example.org", "consultation:12");

        try (MailSender.Connection connection = sender.open()) {
            connection.send(mail, AT);
        }

        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("20261123T101530.123Z-notice.12.34@tracker.example.eml");
        MimeMessage parsed;
        try (InputStream in = Files.newInputStream(files.get(0))) {
            parsed = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertThat(Mails.messageId(parsed)).isEqualTo("<notice.12.34@tracker.example>");
        assertThat(parsed.getSubject()).isEqualTo(mail.subject());
        assertThat(parsed.getFrom()).extracting(Object::toString).containsExactly("consultations@localhost");
        assertThat(parsed.getAllRecipients()).extracting(Object::toString).containsExactly("partner@example.org");
        assertThat(parsed.getSentDate().toInstant()).isEqualTo(Instant.parse("2026-11-23T10:15:30Z"));
        assertThat(parsed.getHeader("List-Unsubscribe", null)).isEqualTo("<https://tracker.example/unsubscribe/abc>");
        assertThat(parsed.isMimeType("multipart/mixed")).isTrue();
        assertThat((String) Mails.leaf(parsed, "text/plain").getContent()).contains("A consultation opens");
        assertThat((String) Mails.leaf(parsed, "text/html").getContent()).contains("<b>4 January 2027</b>");
        Part ics = Mails.leaf(parsed, "text/calendar");
        assertThat(ics.getFileName()).isEqualTo("consultation.ics");
        assertThat(ics.getDisposition()).isEqualToIgnoringCase(Part.ATTACHMENT);
        assertThat(ics.getContentType()).contains("method=PUBLISH").containsIgnoringCase("charset=UTF-8");
        assertThat(new String(Mails.bytes(ics), StandardCharsets.UTF_8)).isEqualTo(Mails.ICS);
    }

    @Test
    void aMessageIdIsMadeSafeForAFileName() {
        assertThat(FileMailSender.fileName("a/../b c:d<e>@x", AT)).isEqualTo("20261123T101530.123Z-a_.._b_c_d_e_@x.eml");
    }

    @Test
    void aLineBreakInTheSubjectCannotAddAHeader() throws Exception {
        Path dir = tmp.resolve("mail");
        FileMailSender sender = new FileMailSender(dir, new InternetAddress("consultations@localhost"));
        OutgoingMail notice = Mails.notice("n1@tracker.example", "partner@example.org", null);
        OutgoingMail mail = new OutgoingMail(notice.messageId(), notice.category(), notice.to(),
                "Title\r\nBcc: victim@example.org", notice.text(), null, List.of(), java.util.Map.of(), null);

        Path file = sender.write(mail, AT);

        MimeMessage parsed;
        try (InputStream in = Files.newInputStream(file)) {
            parsed = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertThat(parsed.getHeader("Bcc")).isNull();
        assertThat(parsed.getSubject()).isEqualTo("Title Bcc: victim@example.org");
        assertThat(parsed.isMimeType("multipart/mixed")).isTrue();
        assertThat(Mails.leaves(parsed)).hasSize(1);
    }

    @Test
    void everyLineOfTheEmlFileEndsInCrLfAndTheSenderAndReplyToAreNamed() throws Exception {
        Path dir = tmp.resolve("crlf");
        FileMailSender sender = new FileMailSender(dir, new InternetAddress("no-reply@localhost"));
        OutgoingMail notice = Mails.notice("n2@tracker.example", "partner@example.org", null);
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>(notice.headers());
        headers.put(OutgoingMail.FROM_NAME, "Salford City Council");
        headers.put(OutgoingMail.REPLY_TO, "priya@salford.example");
        headers.put(OutgoingMail.REPLY_TO_NAME, "Priya Shah");
        OutgoingMail mail = new OutgoingMail(notice.messageId(), notice.category(), notice.to(), notice.subject(),
                "First line\nsecond line\r\nthird line\rfourth", "<p>one</p>\n<p>two</p>", notice.attachments(),
                headers, null);

        Path file = sender.write(mail, AT);

        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                assertThat(i > 0 && bytes[i - 1] == '\r').as("LF at octet " + i + " follows CR").isTrue();
            }
            if (bytes[i] == '\r') {
                assertThat(i + 1 < bytes.length && bytes[i + 1] == '\n').as("CR at octet " + i + " before LF").isTrue();
            }
        }
        MimeMessage parsed;
        try (InputStream in = Files.newInputStream(file)) {
            parsed = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertThat(((InternetAddress) parsed.getFrom()[0]).getPersonal()).isEqualTo("Salford City Council");
        assertThat(((InternetAddress) parsed.getReplyTo()[0]).getAddress()).isEqualTo("priya@salford.example");
        assertThat(((InternetAddress) parsed.getReplyTo()[0]).getPersonal()).isEqualTo("Priya Shah");
        assertThat(parsed.getHeader(OutgoingMail.FROM_NAME)).as("a name header is not written").isNull();
        assertThat(((String) Mails.leaf(parsed, "text/plain").getContent()).lines())
                .containsExactly("First line", "second line", "third line", "fourth");
    }
}
