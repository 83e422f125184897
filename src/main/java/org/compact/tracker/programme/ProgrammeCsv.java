package org.compact.tracker.programme;

import io.micronaut.core.annotation.Nullable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * The programme as RFC 4180 CSV (commons-csv): a header row, then one row per consultation, CRLF line ends, fields
 * quoted when they need it. Lists (themes, areas) are joined with "; "; empty areas mean city-wide. Dates are ISO
 * (yyyy-mm-dd). A text field that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
 * return) is prefixed with an apostrophe.
 */
public final class ProgrammeCsv {
    static final List<String> HEADER = List.of("id", "title", "agency_id", "agency", "status", "themes", "areas",
            "notice_deadline", "notified_on", "opens_on", "closes_on", "feedback_due", "decision_date", "withdrawn_on",
            "withdrawal_reason", "feedback_given_on", "outcome", "url", "summary", "notice_received_on");

    private ProgrammeCsv() {
    }

    public static String write(Programme programme) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            for (ProgrammeEntry e : programme.consultations()) {
                csv.printRecord(e.id(), text(e.title()), e.agencyId(), text(e.agency()), e.status().name(),
                        text(String.join("; ", e.themes())), text(String.join("; ", e.areas())),
                        day(e.noticeDeadline()), day(e.notifiedOn()), day(e.opensOn()), day(e.closesOn()),
                        day(e.feedbackDue()), day(e.decisionDate()), day(e.withdrawnOn()), text(e.withdrawalReason()),
                        e.result() == null ? "" : day(e.result().givenOn()),
                        e.result() == null ? "" : e.result().outcome(),
                        e.result() == null ? e.url() : e.result().url(), text(e.summary()),
                        day(e.noticeReceivedOn()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String day(@Nullable LocalDate d) {
        return d == null ? "" : d.toString();
    }

    static String text(@Nullable String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        char first = s.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + s : s;
    }
}
