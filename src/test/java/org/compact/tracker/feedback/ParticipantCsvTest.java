package org.compact.tracker.feedback;

import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A participants file is read whole or refused whole, every bad line named by its line number in the file. */
class ParticipantCsvTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, LONDON);

    @Test
    void aGoodFileGivesEveryParticipantWithTheirConsentTime() {
        String csv = """
                name,email,consent_at
                Ordsall Tenants,Tenants@Ordsall.example,2027-02-14
                "Kersal Youth, Salford",youth@kersal.example,2027-02-20T18:30:00Z
                Aisha Khan,aisha@example.org,
                Ben Marsh,ben@example.org,2027-02-21 09:15
                """;
        List<ParticipantCsv.Row> rows = ParticipantCsv.read(csv, Set.of(), CLOCK);

        assertThat(rows).extracting(ParticipantCsv.Row::name)
                .containsExactly("Ordsall Tenants", "Kersal Youth, Salford", "Aisha Khan", "Ben Marsh");
        assertThat(rows).extracting(ParticipantCsv.Row::line).containsExactly(2, 3, 4, 5);
        assertEquals("tenants@ordsall.example", rows.get(0).email());
        assertEquals(Instant.parse("2027-02-14T00:00:00Z"), rows.get(0).consentAt());
        assertEquals(Instant.parse("2027-02-20T18:30:00Z"), rows.get(1).consentAt());
        assertEquals(NOW, rows.get(2).consentAt(), "no consent time means now");
        assertEquals(Instant.parse("2027-02-21T09:15:00Z"), rows.get(3).consentAt());
    }

    @Test
    void columnsMayComeInAnyOrderAndConsentAtMayBeLeftOut() {
        String csv = "\uFEFFEmail , Name\r\nzoe@example.org,Zoe Ng\r\n\r\nsam@example.org,Sam Hall\r\n";
        List<ParticipantCsv.Row> rows = ParticipantCsv.read(csv, Set.of(), CLOCK);

        assertThat(rows).extracting(ParticipantCsv.Row::email).containsExactly("zoe@example.org", "sam@example.org");
        assertThat(rows).extracting(ParticipantCsv.Row::line).containsExactly(2, 4);
        assertThat(rows).allSatisfy(r -> assertEquals(NOW, r.consentAt()));
    }

    @Test
    void aWrongHeaderIsReportedOnLineOne() {
        List<FieldError> errors = refused("name,e-mail,phone\nZoe,zoe@example.org,0161\n");

        assertThat(errors).extracting(FieldError::field).containsExactly("line 1: header");
        assertThat(errors.get(0).reason()).contains("missing: email").contains("'e-mail'").contains("'phone'");
    }

    @Test
    void aSemicolonSeparatedHeaderIsToldToUseCommas() {
        List<FieldError> errors = refused("name;email\nZoe;zoe@example.org\n");

        assertThat(errors).extracting(FieldError::field).containsExactly("line 1: header");
        assertThat(errors.get(0).reason()).contains("commas");
    }

    @Test
    void aBlankNameIsReportedWithItsLine() {
        List<FieldError> errors = refused("""
                name,email
                Zoe Ng,zoe@example.org
                   ,blank@example.org
                """);

        assertThat(errors).extracting(FieldError::field).containsExactly("line 3: name");
        assertThat(errors.get(0).reason()).contains("blank");
    }

    @Test
    void aBadEmailIsReportedWithItsLine() {
        List<FieldError> errors = refused("""
                name,email
                Zoe Ng,zoe@example.org
                Sam Hall,sam at example.org
                Ann Lee,ann@
                """);

        assertThat(errors).extracting(FieldError::field).containsExactly("line 3: email", "line 4: email");
        assertThat(errors.get(0).reason()).contains("not an email address");
    }

    @Test
    void aDuplicateWithinTheFileNamesBothLines() {
        List<FieldError> errors = refused("""
                name,email
                Zoe Ng,zoe@example.org
                Sam Hall,sam@example.org
                Zoe Again,ZOE@example.org
                """);

        assertThat(errors).extracting(FieldError::field).containsExactly("line 4: email");
        assertThat(errors.get(0).reason()).contains("line 2");
    }

    @Test
    void someoneAlreadyListedOnTheConsultationIsReported() {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> ParticipantCsv.read(
                "name,email\nZoe Ng,zoe@example.org\nSam Hall,sam@example.org\n", Set.of("sam@example.org"), CLOCK));

        assertThat(refusal.errors()).extracting(FieldError::field).containsExactly("line 3: email");
        assertThat(refusal.errors().get(0).reason()).contains("already a participant");
    }

    @Test
    void aBadOrFutureConsentDateIsReportedWithItsLine() {
        List<FieldError> errors = refused("""
                name,email,consent_at
                Zoe Ng,zoe@example.org,31/01/2027
                Sam Hall,sam@example.org,2027-02-30
                Ann Lee,ann@example.org,2027-02-01
                Bo Li,bo@example.org,2027-12-01
                """);

        assertThat(errors).extracting(FieldError::field)
                .containsExactly("line 2: consent_at", "line 3: consent_at", "line 5: consent_at");
        assertThat(errors.get(0).reason()).contains("31/01/2027").contains("2027-01-31");
        assertThat(errors.get(2).reason()).contains("future");
    }

    @Test
    void aConsentDateOutsideYears1900To2100IsReportedWithItsLine() {
        List<FieldError> errors = refused("""
                name,email,consent_at
                Zoe Ng,zoe@example.org,0000-12-31
                Sam Hall,sam@example.org,-4713-01-01T10:00
                Ann Lee,ann@example.org,1900-01-01
                Bo Li,bo@example.org,1900-01-01T00:00+09:00
                Cy Dee,cy@example.org,+10000-01-01T00:00Z
                Di Fox,di@example.org,9999-12-31
                Ed Gray,ed@example.org,2101-01-01T00:00Z
                """);

        assertThat(errors).extracting(FieldError::field)
                .containsExactly("line 2: consent_at", "line 3: consent_at", "line 6: consent_at", "line 7: consent_at",
                        "line 8: consent_at");
    }

    @Test
    void aLineWithTheWrongNumberOfValuesIsReported() {
        List<FieldError> errors = refused("""
                name,email
                Zoe Ng,zoe@example.org
                Smith, John,john@example.org
                """);

        assertThat(errors).extracting(FieldError::field).containsExactly("line 3");
        assertThat(errors.get(0).reason()).contains("3 values").contains("quotes");
    }

    @Test
    void everyBadLineIsListedAtOnceAndTheLineCountsFollowQuotedLineBreaks() {
        List<FieldError> errors = refused("""
                name,email,consent_at
                "Ordsall
                Tenants",not-an-email,
                ,ben@example.org,yesterday
                """);

        assertThat(errors).extracting(FieldError::field)
                .containsExactly("line 2: email", "line 4: name", "line 4: consent_at");
    }

    @Test
    void moreThanTenThousandRowsIsRefusedNamingTheFirstLineOverTheLimit() {
        StringBuilder csv = new StringBuilder("name,email\n");
        for (int i = 1; i <= ParticipantCsv.MAX_ROWS + 5; i++) {
            csv.append("P").append(i).append(",p").append(i).append("@example.org\n");
        }
        List<FieldError> errors = refused(csv.toString());

        assertThat(errors).extracting(FieldError::field).containsExactly("line " + (ParticipantCsv.MAX_ROWS + 2));
        assertThat(errors.get(0).reason()).contains("more than 10000 rows");
    }

    @Test
    void exactlyTenThousandRowsIsAccepted() {
        StringBuilder csv = new StringBuilder("name,email\n");
        for (int i = 1; i <= ParticipantCsv.MAX_ROWS; i++) {
            csv.append("P").append(i).append(",p").append(i).append("@example.org\n");
        }
        assertThat(ParticipantCsv.read(csv.toString(), Set.of(), CLOCK)).hasSize(ParticipantCsv.MAX_ROWS);
    }

    @Test
    void aFileOverOneMegabyteIsRefusedWith413() {
        String csv = "name,email\n" + ("A very long name indeed,x@example.org\n".repeat(30_000));
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> ParticipantCsv.read(csv, Set.of(), CLOCK));
        assertEquals(413, refusal.status());
        assertThat(refusal.errors()).extracting(FieldError::field).containsExactly("file");
    }

    @Test
    void anUnclosedQuoteIsReportedWithTheLineItStartsOn() {
        List<FieldError> errors = refused("name,email\nZoe Ng,zoe@example.org\n\"Sam Hall,sam@example.org\n");

        assertThat(errors).extracting(FieldError::field).containsExactly("line 3");
        assertThat(errors.get(0).reason()).contains("quote");
    }

    @Test
    void anEmptyFileOrAHeaderWithoutRowsIsRefused() {
        assertThat(refused("")).extracting(FieldError::field).containsExactly("file");
        assertThat(refused("name,email\n\n")).extracting(FieldError::field).containsExactly("file");
    }

    @Test
    void aFileOfNonsenseListsAtMostFiveHundredProblemsAndCountsTheRest() {
        String csv = "name,email\n" + ",x\n".repeat(600);
        List<FieldError> errors = refused(csv);

        assertThat(errors).hasSize(ParticipantCsv.MAX_REPORTED + 1);
        assertThat(errors.get(errors.size() - 1).reason()).contains("700 more");
    }

    private static List<FieldError> refused(String csv) {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> ParticipantCsv.read(csv, Set.of(), CLOCK));
        assertThat(refusal).as("refused").isNotNull();
        assertEquals(422, refusal.status(), refusal::getMessage);
        return refusal.errors();
    }
}
