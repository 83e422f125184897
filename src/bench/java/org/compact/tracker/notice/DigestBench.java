package org.compact.tracker.notice;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import org.compact.tracker.clock.DueWork;
import org.compact.tracker.mail.MailRelay;
import org.compact.tracker.mail.MailStatus;
import org.compact.tracker.mail.Outbox;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Monday run for many WEEKLY organisations against the immediate mail of the same items. Not a test: run
 * {@code src/bench/run-digest-bench.sh}. Defaults: 10,000 organisations with 20 items each (one notice of each of 20
 * consultations), and 5,000 immediate notices for the per-notice relay time.
 *
 * <ol>
 *   <li>The items are written straight into {@code delivery} and {@code digest_item} (foreign keys off: no
 *       consultation or organisation rows are needed to run the digest), each item's text, HTML and calendar made by
 *       the service's own {@code DigestComposer} for one of the 20 consultations, held before last Monday 09:00.</li>
 *   <li>Immediate: that many notices made by the service's {@code NoticeComposer} are queued in the outbox
 *       (transactions of 500), then {@code MailRelay.deliverDue()} is timed until all are SENT: one immediate
 *       notice's relay time is that time over their number.</li>
 *   <li>Digest: the {@code weekly digest} work's {@code runDue()} (claims, composes and queues one digest per contact,
 *       a page of contacts at a time), then the relay until every digest is SENT, both timed: the digest run time per
 *       organisation is that time over the organisations.</li>
 * </ol>
 * Mail goes to an SMTP sink in this JVM that answers every command and drops what it is sent (GreenMail would keep
 * a gigabyte of digests in memory). The heap after each collection (the tenured pools' usage after GC) is sampled
 * every half second during the run: flat means the run holds no organisation beyond its page.
 */
public final class DigestBench {
    private static final String FROM = "consultations@tracker.example";

    private DigestBench() {
    }

    public static void main(String[] args) throws Exception {
        int organisations = Integer.getInteger("bench.organisations", 10_000);
        int perOrganisation = Integer.getInteger("bench.items", 20);
        int immediate = Integer.getInteger("bench.immediate", 5_000);
        Sink sink = new Sink();
        try (ApplicationContext ctx = ApplicationContext.run(properties(sink.port()), "bench")) {
            System.out.printf(Locale.ROOT, "%d organisations x %d items; %d immediate notices; %d cores, Java %s, -Xmx%d MB%n",
                    organisations, perOrganisation, immediate, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
            DataSource pool = DelegatingDataSource.unwrapDataSource(ctx.getBean(DataSource.class));
            DigestComposer digests = ctx.getBean(DigestComposer.class);
            NoticeComposer notices = ctx.getBean(NoticeComposer.class);
            Outbox outbox = ctx.getBean(Outbox.class);
            MailRelay relay = ctx.getBean(MailRelay.class);
            DigestSchedule schedule = ctx.getBean(DigestSchedule.class);
            DueWork run = ctx.getBeansOfType(DueWork.class).stream().filter(w -> w.name().equals(DigestRun.NAME))
                    .findFirst().orElseThrow();
            TransactionOperations<Connection> tx = ctx.getBean(Argument.of(TransactionOperations.class, Connection.class));

            List<NoticeContent> contents = new ArrayList<>();
            for (int c = 1; c <= perOrganisation; c++) {
                contents.add(content(c));
            }
            long fillStart = System.nanoTime();
            Instant heldAt = schedule.latest(Instant.now()).toInstant().minusSeconds(86_400);
            fill(pool, digests, contents, organisations, heldAt);
            System.out.printf(Locale.ROOT, "filled %,d items in %.1f s%n", (long) organisations * perOrganisation,
                    (System.nanoTime() - fillStart) / 1e9);

            // Immediate: the same kind of notice, one message each, after a warm-up of a fifth as many.
            int warmup = Math.max(100, immediate / 5);
            queueNotices(tx, outbox, notices, contents, -warmup, 0);
            drain(outbox, relay);
            queueNotices(tx, outbox, notices, contents, 0, immediate);
            long relayStart = System.nanoTime();
            drain(outbox, relay);
            double immediateSeconds = (System.nanoTime() - relayStart) / 1e9;
            double perNotice = immediateSeconds / immediate;
            System.out.printf(Locale.ROOT, "immediate: %,d notices relayed in %.1f s: %.2f ms a notice%n", immediate,
                    immediateSeconds, perNotice * 1000);

            Sampler sampler = new Sampler();
            long before = sampler.tenuredAfterGc();
            sampler.start();
            long runStart = System.nanoTime();
            String result = run.runDue();
            double runSeconds = (System.nanoTime() - runStart) / 1e9;
            long sendStart = System.nanoTime();
            long sentBefore = sink.messages.get();
            long bytesBefore = sink.bytes.get();
            drain(outbox, relay);
            double sendSeconds = (System.nanoTime() - sendStart) / 1e9;
            sampler.stop();
            long digestsSent = sink.messages.get() - sentBefore;
            if (digestsSent != organisations) {
                throw new IllegalStateException("Expected " + organisations + " digests, the sink got " + digestsSent
                        + " (" + result + ")");
            }
            double perOrganisationSeconds = (runSeconds + sendSeconds) / organisations;
            System.out.printf(Locale.ROOT, "digest run: %s in %.1f s; relayed in %.1f s; %,d bytes to the sink (%.0f kB a digest)%n",
                    result, runSeconds, sendSeconds, sink.bytes.get() - bytesBefore,
                    (sink.bytes.get() - bytesBefore) / 1024.0 / digestsSent);
            System.out.println();
            System.out.println("| measure | figure |");
            System.out.println("|---|---:|");
            System.out.printf(Locale.ROOT, "| one immediate notice's relay time (%,d notices) | %.2f ms |%n", immediate, perNotice * 1000);
            System.out.printf(Locale.ROOT, "| digest run (claim, compose, queue) per organisation | %.2f ms |%n",
                    runSeconds / organisations * 1000);
            System.out.printf(Locale.ROOT, "| digest relay per organisation | %.2f ms |%n", sendSeconds / organisations * 1000);
            System.out.printf(Locale.ROOT, "| **digest run time per organisation / one immediate notice's relay time** "
                    + "(target <= 1.5) | **%.2f** |%n", perOrganisationSeconds / perNotice);
            System.out.printf(Locale.ROOT, "| the same items as immediate mail: %,d notices at the measured rate | %.0f s |%n",
                    (long) organisations * perOrganisation, perNotice * organisations * perOrganisation);
            System.out.printf(Locale.ROOT, "| tenured heap after GC: before the run / highest during it / after | "
                    + "%d / %d / %d MB |%n", before >> 20, sampler.highest.get() >> 20, sampler.tenuredAfterGc() >> 20);
        } finally {
            sink.close();
        }
    }

    private static void queueNotices(TransactionOperations<Connection> tx, Outbox outbox, NoticeComposer notices,
                                     List<NoticeContent> contents, int from, int to) {
        for (int start = from; start < to; start += 500) {
            int first = start;
            int end = Math.min(to, start + 500);
            tx.executeWrite(status -> {
                for (int i = first; i < end; i++) {
                    NoticeContent c = contents.get(Math.floorMod(i, contents.size()));
                    String email = "contact" + i + "@group" + i + ".example";
                    Recipient r = new Recipient(Math.abs(i) + 1L, "Group " + i, List.of(email), false);
                    outbox.enqueue(notices.notice(c, r, email, "bench-notice-" + i + "@tracker.example", Math.abs(i) + 1L));
                }
                return null;
            });
        }
    }

    private static void drain(Outbox outbox, MailRelay relay) {
        int calls = 0;
        while (outbox.counts().get(MailStatus.QUEUED) > 0) {
            MailRelay.Delivery d = relay.deliverDue();
            if (d.unreachable() || ++calls > 100_000) {
                throw new IllegalStateException("The relay is stuck: " + d);
            }
        }
    }

    /** Writes every delivery and digest item, in batches, foreign keys off (no consultation or organisation rows). */
    private static void fill(DataSource pool, DigestComposer digests, List<NoticeContent> contents, int organisations,
                             Instant heldAt) throws Exception {
        List<DigestComposer.Parts> parts = new ArrayList<>();
        List<String> calendars = new ArrayList<>();
        for (NoticeContent c : contents) {
            parts.add(digests.item(NoticeKind.NOTICE, c, "contact@group.example", 1, List.of()));
            calendars.add(digests.calendar(NoticeKind.NOTICE, c));
        }
        try (Connection conn = pool.getConnection()) {
            boolean h2 = conn.getMetaData().getURL().startsWith("jdbc:h2:");
            try (var s = conn.createStatement()) {
                s.execute(h2 ? "SET REFERENTIAL_INTEGRITY FALSE" : "SET session_replication_role = replica");
            }
            conn.setAutoCommit(false);
            Timestamp at = Timestamp.from(heldAt);
            long delivery = 1_000_000;
            try (PreparedStatement d = conn.prepareStatement("INSERT INTO delivery (id, consultation_id, organisation_id, "
                    + "email, kind, message_id, queued_at) VALUES (?, ?, ?, ?, 'NOTICE', ?, ?)");
                 PreparedStatement i = conn.prepareStatement("INSERT INTO digest_item (delivery_id, consultation_id, "
                         + "organisation_id, email, recipient_name, kind, item_key, queued_at, title, text_body, html_body, "
                         + "calendar) VALUES (?, ?, ?, ?, ?, 'NOTICE', ?, ?, ?, ?, ?, ?)")) {
                for (int o = 1; o <= organisations; o++) {
                    String email = "contact@group" + o + ".example";
                    for (int c = 0; c < contents.size(); c++) {
                        String key = "notice-" + (c + 1) + "-" + o + "-bench@tracker.example";
                        delivery++;
                        d.setLong(1, delivery);
                        d.setLong(2, c + 1);
                        d.setLong(3, o);
                        d.setString(4, email);
                        d.setString(5, key);
                        d.setTimestamp(6, at);
                        d.addBatch();
                        i.setLong(1, delivery);
                        i.setLong(2, c + 1);
                        i.setLong(3, o);
                        i.setString(4, email);
                        i.setString(5, "Group " + o);
                        i.setString(6, key);
                        i.setTimestamp(7, at);
                        i.setString(8, contents.get(c).title());
                        i.setString(9, parts.get(c).text());
                        i.setString(10, parts.get(c).html());
                        i.setString(11, calendars.get(c));
                        i.addBatch();
                    }
                    if (o % 100 == 0 || o == organisations) {
                        d.executeBatch();
                        i.executeBatch();
                        conn.commit();
                    }
                }
            }
            conn.setAutoCommit(true);
            try (var s = conn.createStatement()) {
                s.execute(h2 ? "SET REFERENTIAL_INTEGRITY TRUE" : "SET session_replication_role = DEFAULT");
            }
        }
    }

    private static NoticeContent content(int c) {
        LocalDate opens = LocalDate.now().plusMonths(2).plusDays(c);
        return new NoticeContent(c, "Consultation " + c + ": library opening hours in ward " + c,
                "We want to change when the libraries of the ward open. Tell us which hours suit you, your family and "
                        + "the groups you run, and what else the library should offer in the evenings and at weekends.",
                "Salford City Council", List.of(), "Priya Shah", "priya.shah@salford.example", List.of("libraries"),
                List.of("Ward " + c), List.of("ONLINE_SURVEY", "PUBLIC_MEETING"), List.of("LARGE_PRINT", "HEARING_LOOP"),
                List.of("Polish"), List.of("Ordsall library, Robert Hall Street"),
                "The opening hours of each library and what the evening sessions offer",
                "The libraries' budget, set by the council in February", opens.plusMonths(6), "Cabinet", opens,
                opens.plusWeeks(12), 3);
    }

    private static Map<String, Object> properties(int port) throws IOException {
        Path db = Path.of("target", "bench-db").toAbsolutePath();
        Files.createDirectories(db);
        Map<String, Object> props = new HashMap<>();
        String url = System.getProperty("bench.db.url", "");
        if (url.isBlank()) {
            props.put("datasources.default.url", "jdbc:h2:file:" + db.resolve("digest-" + UUID.randomUUID())
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        } else {
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

    /** The tenured (old generation) pools' usage after their last collection, sampled every half second. */
    private static final class Sampler {
        final AtomicLong highest = new AtomicLong();
        private volatile boolean running;
        private Thread thread;

        long tenuredAfterGc() {
            System.gc();
            long used = 0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                MemoryUsage u = p.getCollectionUsage();
                if (p.getType() == MemoryType.HEAP && u != null && isTenured(p.getName())) {
                    used += u.getUsed();
                }
            }
            return used;
        }

        private static boolean isTenured(String name) {
            return name.contains("Old") || name.contains("Tenured");
        }

        void start() {
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    long used = 0;
                    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                        MemoryUsage u = p.getCollectionUsage();
                        if (p.getType() == MemoryType.HEAP && u != null && isTenured(p.getName())) {
                            used += u.getUsed();
                        }
                    }
                    highest.accumulateAndGet(used, Math::max);
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }
    }

    /** An SMTP server that answers every command and drops every message: it counts them and their bytes. */
    private static final class Sink implements AutoCloseable {
        final AtomicLong messages = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        private final ServerSocket server;

        Sink() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        Thread t = new Thread(() -> serve(s), "smtp-sink");
                        t.setDaemon(true);
                        t.start();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "smtp-sink-accept");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve(Socket s) {
            try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1), 1 << 16);
                 OutputStream out = s.getOutputStream()) {
                say(out, "220 sink ESMTP");
                String line;
                while ((line = in.readLine()) != null) {
                    String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                    switch (command) {
                        case "EHLO" -> say(out, "250-sink\r\n250-8BITMIME\r\n250 SIZE 0");
                        case "DATA" -> {
                            say(out, "354 go ahead");
                            long size = 0;
                            while ((line = in.readLine()) != null && !line.equals(".")) {
                                size += line.length() + 2;
                            }
                            bytes.addAndGet(size);
                            messages.incrementAndGet();
                            say(out, "250 OK");
                        }
                        case "QUIT" -> {
                            say(out, "221 bye");
                            return;
                        }
                        default -> say(out, "250 OK");
                    }
                }
            } catch (IOException ignored) {
                // the relay closed the connection
            }
        }

        private static void say(OutputStream out, String reply) throws IOException {
            out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
