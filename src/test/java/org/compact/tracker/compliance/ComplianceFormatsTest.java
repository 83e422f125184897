package org.compact.tracker.compliance;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The pieces of the report that need no database: SQL date expressions, the median, CSV and HTML writing. */
class ComplianceFormatsTest {

    @Test
    void periodsBecomeMonthsThenDaysAsLocalDatePlusAddsThem() {
        assertEquals("CAST(c.opens_on + INTERVAL '1' MONTH AS DATE)", Sql.plus("c.opens_on", Period.ofMonths(1)));
        assertEquals("CAST(d + INTERVAL '84' DAY AS DATE)", Sql.plus("d", Period.ofWeeks(12)));
        assertEquals("CAST(d + INTERVAL '14' MONTH + INTERVAL '3' DAY AS DATE)", Sql.plus("d", Period.of(1, 2, 3)));
        assertEquals("CAST(d AS DATE)", Sql.plus("d", Period.ZERO));
        assertThatThrownBy(() -> Sql.plus("d", Period.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
        assertEquals("CAST(a - b AS INTEGER)", Sql.days("a", "b"));
        assertEquals("P12W", ReportText.iso(Period.ofWeeks(12)));
        assertEquals("P1M", ReportText.iso(Period.ofMonths(1)));
        assertEquals("P10D", ReportText.iso(Period.ofDays(10)));
    }

    @Test
    void instantsBecomeDaysInTheServiceZoneAndOnlyAZoneIdIsPastedIn() {
        assertEquals("CAST(CAST(o.sent_at AT TIME ZONE 'Europe/London' AS VARCHAR(10)) AS DATE)",
                new Sql(ZoneId.of("Europe/London")).localDate("o.sent_at"));
        assertEquals("Etc/GMT+1", new Sql(ZoneId.of("Etc/GMT+1")).zone());
    }

    @Test
    void theMedianOfCountedDaysIsTheMiddleOrTheMeanOfTheTwoMiddles() {
        assertNull(Statistics.median(new TreeMap<>()));
        assertEquals(36.0, Statistics.median(histogram(14, 2, 36, 2, 56, 1, 64, 2)));
        assertEquals(36.0, Statistics.median(histogram(14, 2, 36, 2, 64, 2)));
        assertEquals(21.0, Statistics.median(histogram(14, 1, 28, 1)));
        assertEquals(-3.0, Statistics.median(histogram(-3, 1)));
        assertEquals(7.5, Statistics.median(histogram(5, 1, 7, 1, 8, 1, 9, 1)));
    }

    @Test
    void csvTextThatASpreadsheetWouldRunIsDefusedButNumbersAreNot() {
        assertEquals("'=HYPERLINK(\"x\")", ComplianceCsv.safe("=HYPERLINK(\"x\")"));
        assertEquals("'+1", ComplianceCsv.safe("+1"));
        assertEquals("'@SUM(A1)", ComplianceCsv.safe("@SUM(A1)"));
        assertEquals("'-x", ComplianceCsv.safe("-x"));
        assertEquals("-14", ComplianceCsv.safe("-14"));
        assertEquals("0.25", ComplianceCsv.safe("0.25"));
        assertEquals("Ordsall Tenants", ComplianceCsv.safe("Ordsall Tenants"));
    }

    @Test
    void theCsvReadsBackWithOneRowPerFigureAndEmptyCellsForNoValue() throws Exception {
        String csv = ComplianceCsv.write(report("=cmd|' /C calc'!A0"));
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).extracting(r -> r.get("section") + "." + r.get("figure")).containsExactly(
                    "PERIOD.from", "PERIOD.to", "PERIOD.asOf", "PERIOD.agency", "NOTICE.withFullNotice",
                    "NOTICE.fullNoticeRate", "OVERLOAD.mostConsulted[1] =cmd|' /C calc'!A0 (organisation 7)",
                    "BY_AGENCY.Salford, \"the city\" (agency 2) jointConsultations",
                    "BY_AGENCY.Salford, \"the city\" (agency 2) NOTICE");
            assertEquals("0", records.get(4).get("value"));
            assertEquals("", records.get(5).get("value"));
            assertEquals("0", records.get(7).get("value"), "no joint consultation");
            assertEquals("count", records.get(7).get("unit"));
            assertEquals("", records.get(8).get("value"));
            assertEquals("0 of 0: " + RatesByAgency.DEFINITIONS.get("NOTICE") + ".", records.get(8).get("definition"));
        }
        assertThat(csv).contains("\r\n");
    }

    @Test
    void thePageEscapesEveryTextAndDrawsWithPresentationAttributesOnly() {
        String html = ComplianceHtml.write(overview(report("<img src=x onerror=alert(1)>", 3)), null);
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;", "Salford, &quot;the city&quot;", "<svg",
                "nothing to judge").doesNotContain("<img", " style=", "<script", "<style");
        assertThat(ComplianceHtml.CSP).isEqualTo("default-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'");
    }

    @Test
    void aPeriodWithNothingCountedSaysSoOnceInsteadOfAFigureByFigureNoData() {
        String html = ComplianceHtml.write(overview(report("Ordsall Tenants", 0)), null);
        assertThat(html).contains("Nothing to report for this period").doesNotContain("no data", "nothing to judge",
                "id=\"summary\"", "id=\"NOTICE\"");
        assertThat(html.split("Nothing to report", -1)).as("said once").hasSize(2);
    }

    @Test
    void thePageReadsInWordsNotCodesAndPutsTheSummaryBeforeTheTrendsAndTheSections() {
        String html = ComplianceHtml.write(overview(report("Ordsall Tenants", 3)), null);
        assertThat(html).contains("A month&#39;s notice", "Share of organisations given a full month&#39;s notice",
                "Organisations with full notice.", "Answer 2 open concerns", "Give the feedback that is late</a> on 1 consultation.",
                "Trends by quarter", "Jan–Mar 2031", "Consultations counted");
        assertThat(html).doesNotContain(">NOTICE<", ">fullNoticeRate<", ">withFullNotice<", ">organisationId<", "no data");
        assertThat(html.indexOf("id=\"summary\"")).isLessThan(html.indexOf("id=\"trends\""));
        assertThat(html.indexOf("id=\"trends\"")).isLessThan(html.indexOf("id=\"NOTICE\""));
        assertThat(html).as("the service's layout").contains("<link rel=\"stylesheet\" href=\"/assets/tracker.css\">",
                "<header class=\"site-header\">", "<main id=\"main\" class=\"main\">");
        assertThat(html).as("each figure links to the consultations behind it")
                .contains("href=\"/compliance/consultations?section=NOTICE&amp;figure=withFullNotice&amp;from=2031-01-01&amp;to=2031-12-31\"");
    }

    @Test
    void definitionsReadInWordsWhileTheCodesStayInTheData() {
        assertEquals("linking a published report / feedback given.", ReportWords.prose("withPublishedReport / feedbackGiven."));
        assertEquals("Consultations in the period whose status is feedback given on the report day.",
                ReportWords.prose("Consultations in the period whose status is FEEDBACK_GIVEN on the report day."));
        assertEquals("Exemptions of earlier work checked (on 2 consultations).",
                ReportWords.prose("Exemptions of PRIOR_WORK (on 2 consultations)."));
        assertEquals("Counted consultations naming LGBT as an audience, as PERCENTILE_CONT(0.5) in UTC.",
                ReportWords.prose("Counted consultations naming LGBT as an audience, as PERCENTILE_CONT(0.5) in UTC."));
        assertEquals("Feedback late, not yet given", ReportWords.figure("FEEDBACK", "overdue"));
        assertEquals("Days overdue", ReportWords.column("daysOverdue"));
    }

    @Test
    void theTrendsCoverTheEightQuartersUpToTheOneHoldingTheReportDay() {
        assertThat(Trends.starts(LocalDate.of(2031, 9, 1))).containsExactly(LocalDate.of(2029, 10, 1),
                LocalDate.of(2030, 1, 1), LocalDate.of(2030, 4, 1), LocalDate.of(2030, 7, 1), LocalDate.of(2030, 10, 1),
                LocalDate.of(2031, 1, 1), LocalDate.of(2031, 4, 1), LocalDate.of(2031, 7, 1));
        assertEquals("Oct–Dec 2029", Trends.label(LocalDate.of(2029, 10, 1)));
    }

    private static ComplianceOverview overview(ComplianceReport report) {
        List<ComplianceOverview.QuarterRates> quarters = Trends.starts(report.asOf()).stream()
                .map(q -> new ComplianceOverview.QuarterRates(q, q.plusMonths(3).minusDays(1), Trends.label(q), 0,
                        Map.of("NOTICE", ComplianceReport.Rate.of(0, 0)))).toList();
        return new ComplianceOverview(report, report.byAgency().stream().map(a -> new ComplianceOverview.AgencySummary(
                a.agencyId(), a.agencyName(), a.consultations(), a.jointConsultations(), 1, 2, a.rates())).toList(), quarters);
    }

    private static TreeMap<Integer, Long> histogram(int... pairs) {
        TreeMap<Integer, Long> h = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            h.put(pairs[i], (long) pairs[i + 1]);
        }
        return h;
    }

    /** The report the CSV test reads: no scope section, a NOTICE rate of 0 of 0. */
    private static ComplianceReport report(String organisationName) {
        return report(organisationName, 0, false);
    }

    private static ComplianceReport report(String organisationName, long counted) {
        return report(organisationName, counted, true);
    }

    private static ComplianceReport report(String organisationName, long counted, boolean withScope) {
        Map<String, ComplianceReport.Figure> scope = new LinkedHashMap<>();
        scope.put("counted", new ComplianceReport.Figure(counted, "count", "Counted consultations."));
        Map<String, ComplianceReport.Figure> notice = new LinkedHashMap<>();
        notice.put("withFullNotice", new ComplianceReport.Figure(0L, "count", "Organisations with full notice."));
        notice.put("fullNoticeRate", new ComplianceReport.Figure(null, "share", "withFullNotice / reached."));
        Map<String, Object> busiest = new LinkedHashMap<>();
        busiest.put("organisationId", 7L);
        busiest.put("name", organisationName);
        busiest.put("notices", 3L);
        busiest.put("consultations", 2L);
        Map<String, ComplianceReport.Section> sections = new LinkedHashMap<>();
        if (withScope) {
            sections.put("SCOPE", new ComplianceReport.Section("SCOPE", "Scope", "SCOPE", scope, Map.of()));
        }
        sections.put("NOTICE", new ComplianceReport.Section("NOTICE", "Notice", "BLOCK", notice, Map.of(
                "leadTimeBands", new ComplianceReport.Listing("Bands", "By band.", List.of("band", "full", "organisations"),
                        0, 6, List.of(Map.of("band", "after the open date", "full", "no", "organisations", 0L))))));
        sections.put("OVERLOAD", new ComplianceReport.Section("OVERLOAD", "Overload", "WARN", new LinkedHashMap<>(),
                Map.of("mostConsulted", new ComplianceReport.Listing("Most", "Most.", List.of("organisationId", "name",
                        "notices", "consultations"), 1, 10, List.of(busiest)))));
        Map<String, ComplianceReport.Rate> rates = new LinkedHashMap<>();
        rates.put("NOTICE", withScope ? ComplianceReport.Rate.of(1, 4) : ComplianceReport.Rate.of(0, 0));
        return new ComplianceReport(new ComplianceReport.ReportPeriod(LocalDate.of(2031, 1, 1), LocalDate.of(2031, 12, 31),
                ReportScope.PERIOD_RULE), null, LocalDate.of(2031, 9, 1), Instant.parse("2031-09-01T08:00:00Z"),
                "Europe/London", new ComplianceReport.Settings("P1M", "P12W", "P4W", "P12W"), sections,
                List.of(new ComplianceReport.AgencyRates(2, "Salford, \"the city\"", counted, 0, rates)));
    }
}
