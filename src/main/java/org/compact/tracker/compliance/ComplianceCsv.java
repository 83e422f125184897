package org.compact.tracker.compliance;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The report as CSV (RFC 4180, CRLF, a header row): one row per figure, {@code section, figure, value, unit,
 * definition}. A figure without a value has an empty value cell. Lists are not in the CSV (they are in the JSON
 * and on the page), apart from the most-consulted organisations, which are figures of OVERLOAD. A text cell that a
 * spreadsheet would read as a formula (starting with = + - @ or a tab) is prefixed with an apostrophe; numbers are
 * written as they are.
 */
public final class ComplianceCsv {
    /** The media type, with the charset. */
    public static final String MEDIA_TYPE = "text/csv; charset=utf-8";

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE]-?\\d+)?");

    private ComplianceCsv() {
    }

    public static String write(ComplianceReport report) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader("section", "figure", "value", "unit", "definition").get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            csv.printRecord("PERIOD", "from", report.period().from(), "day", report.period().rule());
            csv.printRecord("PERIOD", "to", report.period().to(), "day", "The last day of the period, included.");
            csv.printRecord("PERIOD", "asOf", report.asOf(), "day", "The report day: overdue and deadline figures are "
                    + "judged on it (" + report.zone() + ").");
            csv.printRecord("PERIOD", "agency", report.agency() == null ? "all" : safe(report.agency().name()), "text",
                    report.agency() == null ? "All agencies." : "Agency " + report.agency().id() + ".");
            for (ComplianceReport.Section section : report.sections().values()) {
                for (Map.Entry<String, ComplianceReport.Figure> f : section.figures().entrySet()) {
                    csv.printRecord(section.id(), f.getKey(), number(f.getValue().value()), f.getValue().unit(),
                            f.getValue().definition());
                }
                ComplianceReport.Listing busiest = section.lists().get("mostConsulted");
                if (busiest != null) {
                    int rank = 1;
                    for (Map<String, Object> row : busiest.rows()) {
                        csv.printRecord(section.id(), safe("mostConsulted[" + rank++ + "] " + row.get("name")
                                        + " (organisation " + row.get("organisationId") + ")"), row.get("notices"),
                                "count", "NOTICE deliveries about counted consultations this organisation was sent ("
                                        + row.get("consultations") + " consultations).");
                    }
                }
            }
            for (ComplianceReport.AgencyRates agency : report.byAgency()) {
                csv.printRecord("BY_AGENCY", safe(agency.agencyName() + " (agency " + agency.agencyId()
                        + ") jointConsultations"), agency.jointConsultations(), "count", "Of the agency's "
                        + agency.consultations() + " counted consultations, those run jointly with other agencies "
                        + "(led by it with partners, or led by another agency with it as a partner); each is counted "
                        + "in the row of every one of its agencies and once in the totals.");
                for (Map.Entry<String, ComplianceReport.Rate> r : agency.rates().entrySet()) {
                    csv.printRecord("BY_AGENCY", safe(agency.agencyName() + " (agency " + agency.agencyId() + ") "
                            + r.getKey()), number(r.getValue().rate()), "share", r.getValue().met() + " of "
                            + r.getValue().of() + ": " + RatesByAgency.DEFINITIONS.get(r.getKey()) + ".");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String number(Number value) {
        return value == null ? "" : value.toString();
    }

    /** A text cell a spreadsheet will not run as a formula. */
    static String safe(String text) {
        if (text == null || text.isEmpty() || NUMBER.matcher(text).matches()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
