package org.compact.tracker.compliance;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.compact.tracker.security.Actor;
import org.compact.tracker.rules.RuleSettings;
import org.compact.tracker.security.Role;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * How long the full compliance report takes on a large register, beside one hand-written SQL aggregate over the same
 * data in the same run. Not a test: run {@code src/bench/run-compliance-bench.sh}.
 *
 * <p>It starts an application context on a fresh database (an H2 file under target/bench-db in PostgreSQL mode, the
 * service's default, or {@code -Dbench.db.url=jdbc:postgresql://…}; Flyway applies the service's migrations), fills
 * it with batched JDBC inserts ({@code bench.consultations} consultations, default 100,000, each with
 * {@code bench.deliveries-per-consultation} NOTICE deliveries, default 10, and their outbox rows; exemptions,
 * feedback, actions and concerns in proportion), then times, after a warm-up, three rounds of
 * <ol>
 *   <li>the full report ({@link ComplianceService#report}) over every consultation (all agencies, ten years), and</li>
 *   <li>one SELECT: the NOTICE full-notice share per organisation (the report's heaviest scan, alone),</li>
 * </ol>
 * checks that both give the same NOTICE figures and that the report's median lead time equals PERCENTILE_CONT(0.5)
 * (not timed), and prints the medians and their ratio.
 */
public final class ComplianceBench {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate FIRST = LocalDate.of(2021, 1, 1);
    private static final LocalDate FROM = LocalDate.of(2021, 1, 1);
    private static final LocalDate TO = LocalDate.of(2030, 12, 31);
    private static final int AGENCIES = 20;
    private static final int ORGANISATIONS = 5_000;
    private static final int BATCH = 2_000;
    private static final List<String> GROUPS = RuleSettings.SOCIALLY_EXCLUDED_GROUPS;

    private ComplianceBench() {
    }

    public static void main(String[] args) throws Exception {
        int consultations = Integer.getInteger("bench.consultations", 100_000);
        int perConsultation = Integer.getInteger("bench.deliveries-per-consultation", 10);
        int rounds = Integer.getInteger("bench.rounds", 3);
        try (ApplicationContext ctx = ApplicationContext.run(properties(), "bench")) {
            DataSource pool = DelegatingDataSource.unwrapDataSource(ctx.getBean(DataSource.class));
            String db = ctx.getProperty("datasources.default.url", String.class).orElse("?").replaceAll(";.*", "");
            System.out.printf(Locale.ROOT, "%d cores, Java %s, database %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), db);
            LocalDate today = LocalDate.now(LONDON);
            long fillStart = System.nanoTime();
            Map<String, Long> rows = alreadyFilled(pool, consultations)
                    ? counts(pool) : fill(pool, consultations, perConsultation, today);
            System.out.printf(Locale.ROOT, "filled in %.1f s: %s%n", (System.nanoTime() - fillStart) / 1e9, rows);
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("ANALYZE"); // fresh statistics for the planner, on H2 and PostgreSQL alike
            }

            ComplianceService service = ctx.getBean(ComplianceService.class);
            Actor monitor = new Actor("bench", null, Set.of(Role.MONITOR));
            ReportScope scope = service.scope(monitor, FROM.toString(), TO.toString(), null);

            if (Boolean.getBoolean("bench.trace")) {
                ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.compact.tracker.compliance"))
                        .setLevel(ch.qos.logback.classic.Level.DEBUG);
            }
            // warm-up: both once, and the checks (not timed)
            ComplianceReport report = service.report(scope);
            long[] hand = handSql(pool, service.settings(), scope);
            check(report, hand, pool, scope, service.settings());

            List<Double> reportMs = new ArrayList<>();
            List<Double> handMs = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                long start = System.nanoTime();
                service.report(scope);
                reportMs.add((System.nanoTime() - start) / 1e6);
                start = System.nanoTime();
                handSql(pool, service.settings(), scope);
                handMs.add((System.nanoTime() - start) / 1e6);
                System.out.printf(Locale.ROOT, "round %d: report %.0f ms, hand SQL %.0f ms%n", r,
                        reportMs.get(r - 1), handMs.get(r - 1));
            }
            double reportMedian = median(reportMs);
            double handMedian = median(handMs);
            System.out.println();
            System.out.printf(Locale.ROOT, "| %,d consultations, %,d deliveries + outbox rows (median of %d) | ms |%n",
                    rows.get("consultation"), rows.get("delivery"), rounds);
            System.out.println("|---|---:|");
            System.out.printf(Locale.ROOT, "| full compliance report (all agencies, %s to %s) | %.0f |%n", FROM, TO,
                    reportMedian);
            System.out.printf(Locale.ROOT, "| hand-written SQL: NOTICE full-notice share per organisation, one SELECT | %.0f |%n",
                    handMedian);
            System.out.printf(Locale.ROOT, "| **ratio report / hand SQL** (target <= 2) | **%.2f** |%n",
                    reportMedian / handMedian);
            annualPdf(pool, service, monitor, today.getYear() - 1);
        }
    }

    /**
     * The annual Compact monitoring report of {@code year} as PDF for the agency with the most consultations that
     * year: the report (its queries, this year and last) and the PDF timed apart, once warm (target: under 10 s).
     */
    static void annualPdf(DataSource pool, ComplianceService service, Actor monitor, int year) throws Exception {
        long agency;
        long count;
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("SELECT agency_id, COUNT(*) "
                + "FROM consultation WHERE opens_on >= ? AND opens_on <= ? GROUP BY agency_id ORDER BY 2 DESC LIMIT 1")) {
            s.setObject(1, LocalDate.of(year, 1, 1));
            s.setObject(2, LocalDate.of(year, 12, 31));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                agency = rs.getLong(1);
                count = rs.getLong(2);
            }
        }
        AnnualPdf.write(service.annual(monitor, String.valueOf(year), String.valueOf(agency))); // warm-up
        long start = System.nanoTime();
        AnnualReport annual = service.annual(monitor, String.valueOf(year), String.valueOf(agency));
        double reportMs = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        byte[] pdf = AnnualPdf.write(annual);
        double pdfMs = (System.nanoTime() - start) / 1e6;
        System.out.printf(Locale.ROOT, "| annual report %d, biggest agency (%,d consultations that year): queries | %.0f |%n",
                year, count, reportMs);
        System.out.printf(Locale.ROOT, "| the same as PDF (%,d bytes): rendering | %.0f |%n", pdf.length, pdfMs);
        System.out.printf(Locale.ROOT, "| **annual PDF in all, ms** (target <= 10000) | **%.0f** |%n", reportMs + pdfMs);
    }

    /** The NOTICE share by one hand-written SELECT: {organisations with full notice, organisations reached}. */
    static long[] handSql(DataSource pool, ReportSettings settings, ReportScope scope) throws Exception {
        String sql = "SELECT SUM(CASE WHEN CAST(p.sent_on + INTERVAL '" + settings.notice().toTotalMonths()
                + "' MONTH AS DATE) <= p.opens_on THEN 1 ELSE 0 END), COUNT(p.sent_on) "
                + "FROM (SELECT c.opens_on, CAST(CAST(MIN(o.sent_at) AT TIME ZONE 'Europe/London' AS VARCHAR(10)) AS DATE) AS sent_on "
                + "FROM consultation c JOIN delivery d ON d.consultation_id = c.id AND d.kind = 'NOTICE' "
                + "LEFT JOIN outbox_message o ON o.message_id = d.message_id "
                + "WHERE c.opens_on >= ? AND c.opens_on <= ? AND c.notified_on IS NOT NULL AND c.status <> 'WITHDRAWN' "
                + "GROUP BY c.opens_on, d.consultation_id, d.organisation_id) p";
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, scope.from());
            s.setObject(2, scope.to());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /** The report's NOTICE figures against the hand SQL, and its median against PERCENTILE_CONT(0.5). */
    private static void check(ComplianceReport report, long[] hand, DataSource pool, ReportScope scope,
                              ReportSettings settings) throws Exception {
        Map<String, ComplianceReport.Figure> notice = report.sections().get("NOTICE").figures();
        long full = notice.get("withFullNotice").value().longValue();
        long reached = notice.get("organisationsReached").value().longValue();
        if (full != hand[0] || reached != hand[1]) {
            throw new IllegalStateException("The report and the hand SQL disagree: " + full + "/" + reached + " against "
                    + hand[0] + "/" + hand[1]);
        }
        String sql = "SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CAST(p.opens_on - p.sent_on AS INTEGER)), "
                + "MIN(CAST(p.opens_on - p.sent_on AS INTEGER)) FROM (SELECT c.opens_on, "
                + "CAST(CAST(MIN(o.sent_at) AT TIME ZONE 'Europe/London' AS VARCHAR(10)) AS DATE) AS sent_on "
                + "FROM consultation c JOIN delivery d ON d.consultation_id = c.id AND d.kind = 'NOTICE' "
                + "JOIN outbox_message o ON o.message_id = d.message_id AND o.sent_at IS NOT NULL "
                + "WHERE c.opens_on >= ? AND c.opens_on <= ? AND c.notified_on IS NOT NULL AND c.status <> 'WITHDRAWN' "
                + "GROUP BY c.opens_on, d.consultation_id, d.organisation_id) p";
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, scope.from());
            s.setObject(2, scope.to());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                double median = rs.getDouble(1);
                int worst = rs.getInt(2);
                double reportMedian = notice.get("medianLeadDays").value().doubleValue();
                int reportWorst = notice.get("worstLeadDays").value().intValue();
                if (median != reportMedian || worst != reportWorst) {
                    throw new IllegalStateException("Median/worst " + reportMedian + "/" + reportWorst
                            + " against PERCENTILE_CONT " + median + "/" + worst);
                }
            }
        }
        System.out.printf(Locale.ROOT, "checked: full notice %d of %d organisations (%.1f %%), median lead %.1f days, "
                        + "worst %d days, as PERCENTILE_CONT and the hand SQL give them%n", full, reached,
                100.0 * full / reached, notice.get("medianLeadDays").value().doubleValue(),
                notice.get("worstLeadDays").value().intValue());
        System.out.println("report sections: " + report.sections().keySet());
    }

    /** Fills the register with a plausible decade; batched inserts, explicit ids. Returns the row counts. */
    private static Map<String, Long> fill(DataSource pool, int consultations, int perConsultation, LocalDate today)
            throws Exception {
        Random random = new Random(20270401L);
        Instant now = Instant.now();
        long exemptionId = 0;
        long actionId = 0;
        long concernId = 0;
        long messageSeq = 0;
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement a = c.prepareStatement("INSERT INTO agency (id, name, kind, compliance_contact_email, "
                    + "created_at) VALUES (?, ?, 'COUNCIL', ?, ?)")) {
                for (int i = 1; i <= AGENCIES; i++) {
                    a.setLong(1, 1000 + i);
                    a.setString(2, "Bench council " + i);
                    a.setString(3, "compact" + i + "@bench.example");
                    a.setTimestamp(4, Timestamp.from(now));
                    a.addBatch();
                }
                a.executeBatch();
            }
            try (PreparedStatement o = c.prepareStatement("INSERT INTO organisation (id, version, name, kind, emails, areas, "
                    + "interests, communities, opt_out_all, opt_out_themes, created_at, updated_at) "
                    + "VALUES (?, 0, ?, 'COMMUNITY_GROUP', ?, '[]', '[]', '[]', ?, '[]', ?, ?)")) {
                for (int i = 1; i <= ORGANISATIONS; i++) {
                    o.setLong(1, i);
                    o.setString(2, "Bench group " + i);
                    o.setString(3, "[\"info@group" + i + ".example\"]");
                    o.setBoolean(4, i % 97 == 0);
                    o.setTimestamp(5, Timestamp.from(now));
                    o.setTimestamp(6, Timestamp.from(now));
                    o.addBatch();
                }
                o.executeBatch();
            }
            c.commit();

            PreparedStatement cons = c.prepareStatement("INSERT INTO consultation (id, version, agency_id, status, title, "
                    + "summary, lead_officer, themes, areas, audiences, methods, provisions, languages, venues, "
                    + "target_organisation_ids, target_areas, target_interests, target_communities, open_to_change, fixed, "
                    + "decision_date, decision_maker, opens_on, closes_on, prior_work_ids, prior_work_statement, "
                    + "notified_on, notified_at, opened_on, closed_on, withdrawn_on, created_by, created_at, updated_at) "
                    + "VALUES (?, 0, ?, ?, ?, 'A consultation made for the benchmark.', 'bench', '[\"housing\"]', '[]', ?, "
                    + "?, '[]', '[]', '[]', '[]', '[]', '[]', '[]', 'Where', 'How many', ?, 'Cabinet', ?, ?, ?, ?, ?, ?, "
                    + "?, ?, ?, 'bench', ?, ?)");
            PreparedStatement out = c.prepareStatement("INSERT INTO outbox_message (message_id, category, recipient, "
                    + "subject, text_body, attachments, headers, reference, status, attempts, next_attempt_at, sent_at, "
                    + "created_at) VALUES (?, 'NOTICE', ?, 'Consultation notice', 'x', '[]', '{}', ?, ?, 1, ?, ?, ?)");
            PreparedStatement del = c.prepareStatement("INSERT INTO delivery (consultation_id, organisation_id, email, "
                    + "kind, message_id, queued_at) VALUES (?, ?, ?, 'NOTICE', ?, ?)");
            PreparedStatement ex = c.prepareStatement("INSERT INTO consultation_exemption (id, consultation_id, rule_id, "
                    + "reason, recorded_by, recorded_at) VALUES (?, ?, ?, 'A written reason for the benchmark.', 'bench', ?)");
            PreparedStatement fb = c.prepareStatement("INSERT INTO feedback (consultation_id, you_said, we_did, outcome, "
                    + "report_url, response_counts, recorded_by, recorded_at) VALUES (?, 'Heard', 'Did', 'CHANGED', ?, '{}', "
                    + "'bench', ?)");
            PreparedStatement act = c.prepareStatement("INSERT INTO feedback_action (id, consultation_id, what, owner, due, "
                    + "done_on) VALUES (?, ?, 'Do it', 'bench', ?, ?)");
            PreparedStatement con = c.prepareStatement("INSERT INTO concern (id, consultation_id, organisation_id, email, "
                    + "kind, text, raised_at, answered_at) VALUES (?, ?, ?, 'info@group.example', 'NO_NOTICE', 'Late', ?, ?)");
            List<PreparedStatement> all = List.of(cons, out, del, ex, fb, act, con);
            int span = (int) ChronoUnit.DAYS.between(FIRST, today.plusMonths(2));
            int pending = 0;
            for (int i = 1; i <= consultations; i++) {
                LocalDate opens = FIRST.plusDays(random.nextInt(span));
                boolean shortOne = random.nextInt(10) == 0;
                LocalDate closes = opens.plusDays(shortOne ? 41 : 83 + random.nextInt(30));
                LocalDate decision = closes.plusDays(random.nextInt(100) < 85 ? 35 + random.nextInt(60) : 10);
                int lead = 10 + random.nextInt(60);
                LocalDate notified = opens.minusDays(lead);
                String status;
                boolean withdrawn = random.nextInt(50) == 0;
                LocalDate recorded = closes.plusDays(5 + random.nextInt(115));
                if (withdrawn) {
                    status = "WITHDRAWN";
                } else if (!opens.isAfter(today)) {
                    status = closes.isBefore(today) ? (recorded.isBefore(today) && random.nextInt(4) > 0
                            ? "FEEDBACK_GIVEN" : "CLOSED") : "OPEN";
                } else {
                    status = "NOTIFIED";
                }
                StringBuilder audiences = new StringBuilder("[");
                int n = random.nextInt(4);
                for (int g = 0; g < n; g++) {
                    audiences.append(g == 0 ? "" : ",").append('"').append(GROUPS.get(random.nextInt(GROUPS.size())))
                            .append('"');
                }
                audiences.append(']');
                int p = 1;
                cons.setLong(p++, i);
                cons.setLong(p++, 1001 + random.nextInt(AGENCIES));
                cons.setString(p++, status);
                cons.setString(p++, "Bench consultation " + i);
                cons.setString(p++, audiences.toString());
                cons.setString(p++, random.nextInt(20) == 0 ? "[]" : "[\"ONLINE_SURVEY\"]");
                cons.setObject(p++, decision);
                cons.setObject(p++, opens);
                cons.setObject(p++, closes);
                cons.setString(p++, random.nextInt(3) == 0 ? "[" + Math.max(1, i - 1) + "]" : "[]");
                cons.setString(p++, random.nextInt(10) == 0 ? null : "None relevant.");
                cons.setObject(p++, notified);
                cons.setTimestamp(p++, Timestamp.from(notified.atTime(9, 0).atZone(LONDON).toInstant()));
                boolean opened = !opens.isAfter(today) && !withdrawn;
                cons.setObject(p++, opened ? opens : null);
                cons.setObject(p++, opened && closes.isBefore(today) ? closes.plusDays(1) : null);
                cons.setObject(p++, withdrawn ? notified.plusDays(3) : null);
                cons.setTimestamp(p++, Timestamp.from(now));
                cons.setTimestamp(p, Timestamp.from(now));
                cons.addBatch();

                int firstOrganisation = random.nextInt(ORGANISATIONS);
                for (int d = 0; d < perConsultation; d++) {
                    long organisation = 1 + (firstOrganisation + d * 37L) % ORGANISATIONS;
                    String messageId = "notice-" + i + "-" + organisation + "-" + (++messageSeq) + "@bench.example";
                    Instant queued = notified.atTime(9, 0).atZone(LONDON).toInstant();
                    int fate = random.nextInt(100);
                    Instant sent = fate < 2 ? null : queued.plusSeconds(fate < 7 ? 86_400L * (1 + random.nextInt(3))
                            : random.nextInt(600));
                    out.setString(1, messageId);
                    out.setString(2, "info@group" + organisation + ".example");
                    out.setString(3, "consultation:" + i);
                    out.setString(4, sent == null ? "FAILED" : "SENT");
                    out.setTimestamp(5, Timestamp.from(queued));
                    out.setTimestamp(6, sent == null ? null : Timestamp.from(sent));
                    out.setTimestamp(7, Timestamp.from(queued));
                    out.addBatch();
                    del.setLong(1, i);
                    del.setLong(2, organisation);
                    del.setString(3, "info@group" + organisation + ".example");
                    del.setString(4, messageId);
                    del.setTimestamp(5, Timestamp.from(queued));
                    del.addBatch();
                }
                if (shortOne) {
                    ex.setLong(1, ++exemptionId);
                    ex.setLong(2, i);
                    ex.setString(3, "DURATION");
                    ex.setTimestamp(4, Timestamp.from(notified.atTime(8, 0).atZone(LONDON).toInstant()));
                    ex.addBatch();
                }
                if (lead < 31 && random.nextInt(3) == 0) {
                    ex.setLong(1, ++exemptionId);
                    ex.setLong(2, i);
                    ex.setString(3, "NOTICE");
                    ex.setTimestamp(4, Timestamp.from(notified.atTime(10, 0).atZone(LONDON).toInstant()));
                    ex.addBatch();
                }
                if (status.equals("FEEDBACK_GIVEN")) {
                    fb.setLong(1, i);
                    fb.setString(2, random.nextBoolean() ? "https://bench.example/results/" + i : null);
                    fb.setTimestamp(3, Timestamp.from(recorded.atTime(11, 0).atZone(LONDON).toInstant()));
                    fb.addBatch();
                    if (random.nextInt(10) < 3) {
                        for (int k = 0; k < 2; k++) {
                            LocalDate due = recorded.plusDays(60);
                            act.setLong(1, ++actionId);
                            act.setLong(2, i);
                            act.setObject(3, due);
                            act.setObject(4, random.nextInt(10) < 6 && due.isBefore(today) ? due.minusDays(3) : null);
                            act.addBatch();
                        }
                    }
                }
                if (random.nextInt(100) == 0 && !status.equals("NOTIFIED")) {
                    Instant raised = opens.atTime(14, 0).atZone(LONDON).toInstant();
                    con.setLong(1, ++concernId);
                    con.setLong(2, i);
                    con.setLong(3, 1 + firstOrganisation);
                    con.setTimestamp(4, Timestamp.from(raised));
                    con.setTimestamp(5, random.nextInt(10) < 7 ? Timestamp.from(raised.plus(1 + random.nextInt(30),
                            ChronoUnit.DAYS)) : null);
                    con.addBatch();
                }
                if (++pending >= BATCH / perConsultation || i == consultations) {
                    for (PreparedStatement s : all) {
                        s.executeBatch();
                    }
                    c.commit();
                    pending = 0;
                }
            }
            for (PreparedStatement s : all) {
                s.close();
            }
            Map<String, Long> counts = new TreeMap<>();
            try (Statement s = c.createStatement()) {
                for (String table : Arrays.asList("consultation", "delivery", "outbox_message", "consultation_exemption",
                        "feedback", "feedback_action", "concern")) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                        rs.next();
                        counts.put(table, rs.getLong(1));
                    }
                }
            }
            c.commit();
            return counts;
        }
    }

    /** A database given by -Dbench.db.url that an earlier run filled is used as it is. */
    private static boolean alreadyFilled(DataSource pool, int consultations) throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM consultation")) {
            rs.next();
            long found = rs.getLong(1);
            if (found > 0 && found != consultations) {
                throw new IllegalStateException("The database holds " + found + " consultations, not " + consultations);
            }
            return found > 0;
        }
    }

    private static Map<String, Long> counts(DataSource pool) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String table : Arrays.asList("consultation", "delivery", "outbox_message", "consultation_exemption",
                    "feedback", "feedback_action", "concern")) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    private static Map<String, Object> properties() throws Exception {
        Path db = Path.of("target", "bench-db").toAbsolutePath();
        Files.createDirectories(db);
        Map<String, Object> props = new HashMap<>();
        String url = System.getProperty("bench.db.url", "");
        if (url.isBlank()) {
            props.put("datasources.default.url", "jdbc:h2:file:" + db.resolve("compliance-" + UUID.randomUUID())
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        } else {
            // Another database (PostgreSQL, or an H2 file an earlier run filled, which is then reused).
            props.put("datasources.default.url", url);
            if (!System.getProperty("bench.db.username", "").isBlank()) {
                props.put("datasources.default.username", System.getProperty("bench.db.username"));
                props.put("datasources.default.password", System.getProperty("bench.db.password", ""));
            }
        }
        props.put("tracker.jobs.enabled", false);
        props.put("tracker.admin.password", "bench-admin-password");
        props.put("micronaut.server.port", -1);
        return props;
    }
}
