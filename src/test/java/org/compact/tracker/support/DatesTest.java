package org.compact.tracker.support;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatesTest {
    @Test
    void acceptsTheFirstAndLastDaysOfYears1900To2100() {
        assertThat(Dates.parse("1900-01-01")).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(Dates.parse("2100-12-31")).isEqualTo(LocalDate.of(2100, 12, 31));
        assertThat(Dates.inRange(Instant.parse("2100-12-31T23:59:59Z"))).isTrue();
        assertThat(Dates.inRange(Instant.parse("1900-01-01T00:00:00Z"))).isTrue();
        assertThat(Dates.inRange((LocalDate) null)).isTrue();
    }

    @Test
    void refusesYearsThatJavaReadsButADatabaseCannotKeep() {
        for (String text : new String[] {"0000-12-31", "-4713-01-17", "+10000-01-01", "9999-12-31", "0001-01-01",
                "1899-12-31", "2101-01-01"}) {
            assertThatThrownBy(() -> Dates.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
        assertThat(Dates.inRange(Instant.parse("+10000-01-01T00:00:00Z"))).isFalse();
        assertThat(Dates.inRange(Instant.parse("0000-12-31T23:59:59Z"))).isFalse();
        assertThat(Dates.inRange(Instant.parse("2101-01-01T00:00:00Z"))).isFalse();
        assertThat(Dates.inRange(Instant.parse("1899-12-31T23:59:59Z"))).isFalse();
    }

    @Test
    void aCalendarCanPrintOnlyFourDigitYears() {
        assertThat(Dates.printable(LocalDate.of(9999, 12, 31))).isTrue();
        assertThat(Dates.printable(LocalDate.of(10000, 1, 1))).isFalse();
        assertThat(Dates.printable(LocalDate.of(0, 12, 31))).isFalse();
    }

    @Test
    void refusesTextThatIsNotADateAsLocalDateDoes() {
        assertThatThrownBy(() -> Dates.parse("2027-02-30")).isInstanceOf(DateTimeParseException.class);
    }
}
