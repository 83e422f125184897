package org.compact.tracker.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * How fast the relay empties the outbox compared with a bare Angus Mail loop over one kept-open connection, both
 * into GreenMail on a free loopback port in this JVM. Not a test: run {@code src/bench/run-mail-bench.sh}.
 *
 * <p>Each round runs, with {@code n} messages each:
 * <ol>
 *   <li>raw, small: one Transport, one-line messages built and sent in a loop;</li>
 *   <li>raw, notice-sized: one Transport, messages shaped like the service's (text, HTML, .ics), built by the
 *       service's own {@code MimeMessages};</li>
 *   <li>service, notice-sized: enqueued in the outbox of a real application context (H2 file database under
 *       target/, as configured by default), then {@code MailRelay.deliverDue()} until all are SENT (only the
 *       delivery is timed);</li>
 *   <li>service, small: the same with one-line messages.</li>
 * </ol>
 * The machine is small and shared, so there are several rounds (after a warm-up of each kind) and the table shows
 * the median of each kind, and the median of the per-round ratios service / raw (the figure against the target: raw
 * and service run back to back within a round). GreenMail's mailboxes are emptied after each run.
 */
public final class MailBench {
    private static final String FROM = "consultations@tracker.example";
    private static final int RECIPIENTS = 50;

    private MailBench() {
    }

    record Result(int messages, double seconds) {
        double rate() {
            return messages / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.messages", 5000);
        int warmup = Integer.getInteger("bench.warmup", 500);
        int rounds = Integer.getInteger("bench.rounds", 3);
        int port = freePort();
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        try (ApplicationContext ctx = ApplicationContext.run(serviceProperties(port), "bench")) {
            System.out.printf(Locale.ROOT, "GreenMail SMTP on 127.0.0.1:%d; %d messages per run, %d rounds, "
                    + "%d to warm up; %d cores, Java %s; database %s%n", port, n, rounds, warmup,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    ctx.getProperty("datasources.default.url", String.class).orElse("?").replaceAll(";.*", ""));
            Session session = session(port);
            Outbox outbox = ctx.getBean(Outbox.class);
            MailRelay relay = ctx.getBean(MailRelay.class);
            TransactionOperations<Connection> tx = ctx.getBean(Argument.of(TransactionOperations.class,
                    Connection.class));

            raw(session, warmup, false, greenMail);
            raw(session, warmup, true, greenMail);
            service(outbox, relay, tx, warmup, true, greenMail);
            service(outbox, relay, tx, warmup, false, greenMail);

            List<List<Result>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(new ArrayList<>());
            }
            for (int r = 1; r <= rounds; r++) {
                results.get(0).add(raw(session, n, false, greenMail));
                results.get(1).add(raw(session, n, true, greenMail));
                results.get(2).add(service(outbox, relay, tx, n, true, greenMail));
                results.get(3).add(service(outbox, relay, tx, n, false, greenMail));
                System.out.printf(Locale.ROOT, "round %d: raw small %.0f, raw notice %.0f, service notice %.0f, "
                                + "service small %.0f msg/s; ratio notice-sized %.2f%n", r, results.get(0).get(r - 1).rate(),
                        results.get(1).get(r - 1).rate(), results.get(2).get(r - 1).rate(),
                        results.get(3).get(r - 1).rate(),
                        results.get(2).get(r - 1).rate() / results.get(1).get(r - 1).rate());
            }
            Map<MailStatus, Long> counts = outbox.counts();
            long expected = 2L * warmup + 2L * rounds * n;
            if (counts.get(MailStatus.SENT) != expected || counts.get(MailStatus.FAILED) != 0) {
                throw new IllegalStateException("Not all sent: " + counts + ", expected " + expected + " SENT");
            }

            double rawSmall = median(results.get(0));
            double rawNotice = median(results.get(1));
            double serviceNotice = median(results.get(2));
            double serviceSmall = median(results.get(3));
            System.out.println();
            System.out.println("| run (median of " + rounds + " rounds of " + n + " messages) | msg/s |");
            System.out.println("|---|---:|");
            System.out.printf(Locale.ROOT, "| raw Angus Mail, one kept-open connection, small messages | %.0f |%n", rawSmall);
            System.out.printf(Locale.ROOT, "| raw Angus Mail, one kept-open connection, notice-sized messages | %.0f |%n",
                    rawNotice);
            System.out.printf(Locale.ROOT, "| service (outbox + MailRelay.deliverDue()), small messages | %.0f |%n",
                    serviceSmall);
            System.out.printf(Locale.ROOT, "| service (outbox + MailRelay.deliverDue()), notice-sized messages | %.0f |%n",
                    serviceNotice);
            // Each round runs raw and service back to back, so the ratio within a round compares like with like
            // when the machine's load drifts; the median of those ratios is the figure against the target.
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                ratios.add(results.get(2).get(r).rate() / results.get(1).get(r).rate());
            }
            double medianRatio = median(ratios.stream().mapToDouble(Double::doubleValue));
            System.out.printf(Locale.ROOT, "| **ratio service / raw, notice-sized: median of the per-round ratios** "
                    + "(target >= 0.70) | **%.2f** |%n", medianRatio);
            System.out.printf(Locale.ROOT, "| ratio service / raw, notice-sized: ratio of the medians | %.2f |%n",
                    serviceNotice / rawNotice);
            System.out.printf(Locale.ROOT, "| ratio service / raw, small | %.2f |%n", serviceSmall / rawSmall);
            System.out.printf(Locale.ROOT, "| ratio service notice-sized / raw small | %.2f |%n", serviceNotice / rawSmall);
        } finally {
            greenMail.stop();
        }
    }

    private static double median(List<Result> results) {
        return median(results.stream().mapToDouble(Result::rate));
    }

    private static double median(java.util.stream.DoubleStream values) {
        double[] sorted = values.sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static Map<String, Object> serviceProperties(int port) throws IOException {
        Path db = Path.of("target", "bench-db").toAbsolutePath();
        Files.createDirectories(db);
        Map<String, Object> props = new HashMap<>();
        String url = System.getProperty("bench.db.url", "");
        if (url.isBlank()) {
            // The service's default URL, in a fresh file under target/.
            props.put("datasources.default.url", "jdbc:h2:file:" + db.resolve(UUID.randomUUID().toString())
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        } else {
            // Another database, e.g. an empty PostgreSQL: -Dbench.db.url=jdbc:postgresql://… (user/password too).
            props.put("datasources.default.url", url);
            props.put("datasources.default.username", System.getProperty("bench.db.username", ""));
            props.put("datasources.default.password", System.getProperty("bench.db.password", ""));
        }
        props.put("tracker.mail.smtp.host", "127.0.0.1");
        props.put("tracker.mail.smtp.port", port);
        props.put("tracker.mail.from", FROM);
        props.put("tracker.jobs.enabled", false);
        props.put("tracker.admin.password", "bench-admin-password");
        props.put("micronaut.server.port", -1);
        return props;
    }

    private static Session session(int port) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", String.valueOf(port));
        p.setProperty("mail.smtp.connectiontimeout", "10000");
        p.setProperty("mail.smtp.timeout", "10000");
        p.setProperty("mail.smtp.writetimeout", "10000");
        p.setProperty("mail.smtp.from", FROM);
        return Session.getInstance(p);
    }

    /** One Transport kept open; each message built and sent in the loop. */
    private static Result raw(Session session, int n, boolean noticeSized, GreenMail greenMail) throws Exception {
        InternetAddress from = new InternetAddress(FROM);
        String run = UUID.randomUUID().toString().substring(0, 8);
        long start = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 0; i < n; i++) {
                MimeMessage m;
                if (noticeSized) {
                    m = MimeMessages.build(session, from, notice("raw." + run + "." + i + "@tracker.example", i),
                            Instant.now());
                } else {
                    m = new MimeMessage(session);
                    m.setFrom(from);
                    m.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient(i)));
                    m.setSubject("Small message " + i);
                    m.setText("Hello " + i);
                    m.saveChanges();
                }
                transport.sendMessage(m, m.getAllRecipients());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        collect(greenMail, n);
        return new Result(n, seconds);
    }

    /** Enqueues {@code n} messages (transactions of 500, like a fan-out), then times the relay until all are sent. */
    private static Result service(Outbox outbox, MailRelay relay, TransactionOperations<Connection> tx, int n,
                                  boolean noticeSized, GreenMail greenMail) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int from = 0; from < n; from += 500) {
            int first = from;
            int end = Math.min(n, from + 500);
            tx.executeWrite(status -> {
                for (int i = first; i < end; i++) {
                    String id = "service." + run + "." + i + "@tracker.example";
                    outbox.enqueue(noticeSized ? notice(id, i) : small(id, i));
                }
                return null;
            });
        }
        long start = System.nanoTime();
        int calls = 0;
        while (outbox.counts().get(MailStatus.QUEUED) > 0) {
            MailRelay.Delivery d = relay.deliverDue();
            if (d.unreachable() || ++calls > 1000) {
                throw new IllegalStateException("The relay is stuck: " + d);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        collect(greenMail, n);
        return new Result(n, seconds);
    }

    /** Checks that {@code expected} messages arrived, then empties the mailboxes for the next run. */
    private static void collect(GreenMail greenMail, int expected) throws Exception {
        long until = System.nanoTime() + 10_000_000_000L;
        while (greenMail.getReceivedMessages().length < expected && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        int got = greenMail.getReceivedMessages().length;
        if (got != expected) {
            throw new IllegalStateException("GreenMail holds " + got + " messages, expected " + expected);
        }
        greenMail.purgeEmailFromAllMailboxes();
    }

    private static String recipient(int i) {
        return "partner" + (i % RECIPIENTS) + "@example.org";
    }

    /** A one-line message like the raw run's. */
    static OutgoingMail small(String messageId, int i) {
        return new OutgoingMail(messageId, "SMALL", recipient(i), "Small message " + i, "Hello " + i, null, List.of(),
                Map.of(), null);
    }

    /** A message shaped like a consultation notice: ~1.5 kB text, ~3 kB HTML, a small .ics, two headers. */
    static OutgoingMail notice(String messageId, int i) {
        String title = "Library opening hours in Salford – proposed changes " + i;
        StringBuilder text = new StringBuilder("Dear Salford Community Voluntary Service,\n\n");
        StringBuilder html = new StringBuilder("<!doctype html><html><body style=\"font-family:sans-serif\">"
                + "<p>Dear Salford Community Voluntary Service,</p>");
        for (int p = 0; p < 6; p++) {
            String para = "Salford City Council will consult on " + title + ". The consultation opens on Monday "
                    + "4 January 2027 and closes on Monday 29 March 2027 (12 weeks). You can take part online, "
                    + "at a public meeting or in writing.";
            text.append(para).append("\n\n");
            html.append("<p>").append(para.replace("&", "&amp;")).append("</p>");
        }
        text.append("Stop these notices: https://tracker.example/o/abc").append(i).append('\n');
        html.append("<p><a href=\"https://tracker.example/o/abc").append(i).append("\">Stop these notices</a></p>")
                .append("<table><tr><th>Opens</th><td>4 January 2027</td></tr><tr><th>Closes</th>")
                .append("<td>29 March 2027</td></tr></table></body></html>");
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Compact//Consultation tracker//EN\r\n"
                + "METHOD:PUBLISH\r\nBEGIN:VEVENT\r\nUID:consultation-" + i + "@tracker.example\r\n"
                + "DTSTAMP:20261123T100000Z\r\nDTSTART;VALUE=DATE:20270104\r\nDTEND;VALUE=DATE:20270330\r\n"
                + "SUMMARY:Consultation: " + title + "\r\nURL:https://tracker.example/c/" + i + "\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n";
        return new OutgoingMail(messageId, "NOTICE", recipient(i), "Consultation notice: " + title,
                text.toString(), html.toString(),
                List.of(new OutgoingMail.Attachment("consultation-" + i + ".ics",
                        "text/calendar; method=PUBLISH; charset=UTF-8", ics.getBytes(StandardCharsets.UTF_8))),
                Map.of("List-Unsubscribe", "<https://tracker.example/o/abc" + i + ">",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                "consultation:" + (i % 50));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
