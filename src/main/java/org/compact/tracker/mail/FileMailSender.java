package org.compact.tracker.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

/**
 * Writes each message as {@code <dir>/<timestamp>-<message id>.eml} instead of sending it: what a service with no
 * SMTP host set does, so a newcomer can open the notices in a mail program. Every line ends in CRLF. The folder is made when needed.
 */
public class FileMailSender implements MailSender {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final InternetAddress from;
    private final Session session = Session.getInstance(new Properties());

    public FileMailSender(Path dir, InternetAddress from) {
        this.dir = dir;
        this.from = from;
    }

    @Override
    public Connection open() throws MessagingException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new Unreachable("Cannot make the mail folder " + dir.toAbsolutePath() + ": " + e, e);
        }
        return new Connection() {
            @Override
            public void send(OutgoingMail mail, Instant date) throws MessagingException {
                write(mail, date);
            }

            @Override
            public void close() {
            }
        };
    }

    /** Writes the message and returns its file. */
    Path write(OutgoingMail mail, Instant date) throws MessagingException {
        MimeMessage message = MimeMessages.build(session, from, mail, date);
        Path file = dir.resolve(fileName(mail.messageId(), date));
        try {
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, ".partial-", ".eml");
            try (OutputStream out = Files.newOutputStream(partial)) {
                ByteArrayOutputStream written = new ByteArrayOutputStream(8192);
                message.writeTo(written);
                out.write(crlf(written.toByteArray()));
            } catch (IOException | MessagingException | RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new MessagingException("Cannot write " + file + ": " + e, e);
        }
    }

    /**
     * Every line end as CRLF, as RFC 5322 and mail programs expect of an .eml file: Jakarta Mail writes the headers
     * with CRLF but a body part's bare LF as it is (SMTP converts them on the way; a file keeps them).
     */
    static byte[] crlf(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + message.length / 40);
        for (int i = 0; i < message.length; i++) {
            byte b = message[i];
            if (b == '\r') {
                out.write('\r');
                out.write('\n');
                if (i + 1 < message.length && message[i + 1] == '\n') {
                    i++;
                }
            } else if (b == '\n') {
                out.write('\r');
                out.write('\n');
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    static String fileName(String messageId, Instant date) {
        String safe = messageId.replaceAll("[^A-Za-z0-9._@+-]", "_");
        if (safe.length() > 150) {
            safe = safe.substring(0, 150);
        }
        return STAMP.format(date) + "-" + safe + ".eml";
    }

    @Override
    public String describe() {
        return "files in " + dir;
    }
}
