package org.compact.tracker.support;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The first working day of a month in England and Wales, as the monthly letter goes on it. */
class WorkingDaysTest {
    private final WorkingDays days = new WorkingDays(Set.of(LocalDate.of(2023, 5, 8)));

    @Test
    void aMonthStartingOnAWeekdayThatIsNoHolidayStartsWorkOnItsFirstDay() {
        assertEquals(LocalDate.of(2027, 2, 1), days.first(YearMonth.of(2027, 2)));
    }

    @Test
    void aMonthStartingAtTheWeekendStartsWorkOnTheMonday() {
        assertEquals(LocalDate.of(2031, 2, 3), days.first(YearMonth.of(2031, 2)));
    }

    @Test
    void newYearsDayAndItsSubstituteAreNotWorkingDays() {
        assertEquals(LocalDate.of(2027, 1, 4), days.first(YearMonth.of(2027, 1)), "1 January 2027 is a Friday");
        assertEquals(LocalDate.of(2028, 1, 4), days.first(YearMonth.of(2028, 1)),
                "1 January 2028 is a Saturday: Monday 3 January is the holiday");
    }

    @Test
    void easterMondayAndTheEarlyMayHolidayPutTheFirstWorkingDayOff() {
        assertEquals(LocalDate.of(2024, 4, 2), days.first(YearMonth.of(2024, 4)), "Easter Monday, 1 April 2024");
        assertEquals(LocalDate.of(2028, 5, 2), days.first(YearMonth.of(2028, 5)), "early May holiday, 1 May 2028");
        assertThat(WorkingDays.bankHolidays(2027)).contains(LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29));
    }

    @Test
    void christmasAtTheWeekendHasItsSubstituteDays() {
        assertThat(WorkingDays.bankHolidays(2027)).contains(LocalDate.of(2027, 12, 27), LocalDate.of(2027, 12, 28))
                .doesNotContain(LocalDate.of(2027, 12, 24));
        assertThat(WorkingDays.bankHolidays(2022)).contains(LocalDate.of(2022, 12, 26), LocalDate.of(2022, 12, 27));
        assertThat(WorkingDays.bankHolidays(2026)).contains(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28));
    }

    @Test
    void anExtraHolidayNamedInTheSettingsIsNoWorkingDay() {
        assertThat(days.isWorkingDay(LocalDate.of(2023, 5, 8))).isFalse();
        assertThat(new WorkingDays(Set.of()).isWorkingDay(LocalDate.of(2023, 5, 8))).isTrue();
    }
}
