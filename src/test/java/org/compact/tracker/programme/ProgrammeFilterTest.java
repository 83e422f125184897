package org.compact.tracker.programme;

import org.compact.tracker.consultation.ConsultationStatus;
import org.compact.tracker.support.Refusal;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgrammeFilterTest {
    private static ConsultationRow row(long agency, ConsultationStatus status, List<String> themes, List<String> areas) {
        Instant t = Instant.parse("2027-01-04T09:00:00Z");
        return new ConsultationRow(1, agency, "Salford City Council", status, "Title", "Summary", themes, areas, null,
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 23), null, null, null, null, t, t, null, null, null, null, false);
    }

    @Test
    void blankValuesMeanNoFilter() {
        ProgrammeFilter f = ProgrammeFilter.parse("", " ", null, "", "");
        assertTrue(f.isEmpty());
        assertEquals("", f.query());
    }

    @Test
    void readsStatusCodesIgnoringCaseAndSeveralSeparatedByCommas() {
        ProgrammeFilter f = ProgrammeFilter.parse(null, null, null, "open, planned", null);
        assertEquals(Set.of(ConsultationStatus.OPEN, ConsultationStatus.PLANNED), f.status());
    }

    @Test
    void namesEveryBadValueAtOnce() {
        Refusal r = catchThrowableOfType(Refusal.class, () -> ProgrammeFilter.parse("three", null, null, "OPEN,SHUT", "1850"));
        assertEquals(422, r.status());
        assertThat(r.errors()).extracting(e -> e.field()).containsExactly("agency", "status", "year");
    }

    @Test
    void matchesThemeAndAreaIgnoringCaseAndPutsCityWideConsultationsInEveryArea() {
        ProgrammeFilter ordsall = ProgrammeFilter.parse(null, "ORDSALL", "Housing", null, null);
        assertTrue(ordsall.matches(row(1, ConsultationStatus.OPEN, List.of("housing"), List.of("Ordsall"))));
        assertTrue(ordsall.matches(row(1, ConsultationStatus.OPEN, List.of("housing"), List.of())), "city-wide");
        assertFalse(ordsall.matches(row(1, ConsultationStatus.OPEN, List.of("housing"), List.of("Kersal"))));
        assertFalse(ordsall.matches(row(1, ConsultationStatus.OPEN, List.of("parks"), List.of("Ordsall"))));
    }

    @Test
    void matchesAgencyAndStatus() {
        ProgrammeFilter f = ProgrammeFilter.parse("7", null, null, "OPEN", null);
        assertTrue(f.matches(row(7, ConsultationStatus.OPEN, List.of(), List.of())));
        assertFalse(f.matches(row(8, ConsultationStatus.OPEN, List.of(), List.of())));
        assertFalse(f.matches(row(7, ConsultationStatus.CLOSED, List.of(), List.of())));
    }

    @Test
    void aJointConsultationLedByAnotherAgencyIsKeptOnceTheDatabaseChoseItForThePartner() {
        ProgrammeFilter f = ProgrammeFilter.parse("7", null, null, "OPEN", null);
        assertTrue(f.matchesBesidesAgency(row(8, ConsultationStatus.OPEN, List.of(), List.of())), "led by 8, 7 a partner");
        assertFalse(f.matchesBesidesAgency(row(8, ConsultationStatus.CLOSED, List.of(), List.of())), "the status still counts");
    }

    @Test
    void writesTheFiltersAsOneCanonicalQuery() {
        ProgrammeFilter f = ProgrammeFilter.parse("3", "St Mary's & Co", "housing", "planned,open", "2027");
        assertEquals("?agency=3&area=St%20Mary%27s%20%26%20Co&theme=housing&status=PLANNED,OPEN&year=2027", f.query());
        assertEquals(LocalDate.of(2027, 1, 1), f.yearStart());
        assertEquals(LocalDate.of(2027, 12, 31), f.yearEnd());
    }
}
