package org.compact.tracker.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days in England and Wales: Monday to Friday, less the bank holidays (New Year's Day, Good Friday, Easter
 * Monday, the early May, spring and summer bank holidays, Christmas Day and Boxing Day, each with its substitute day
 * when it falls at a weekend) and any extra days named (one-off holidays such as a coronation). A holiday moved by
 * proclamation (the spring holiday of 2022, say) is the rule's day plus the extra day named.
 */
public final class WorkingDays {
    private final Set<LocalDate> extra;

    public WorkingDays(Set<LocalDate> extra) {
        this.extra = Set.copyOf(extra);
    }

    /** The first working day of {@code month}. */
    public LocalDate first(YearMonth month) {
        LocalDate day = month.atDay(1);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !extra.contains(day)
                && !bankHolidays(day.getYear()).contains(day);
    }

    /** The bank holidays of England and Wales in {@code year} by the standing rules, substitute days included. */
    public static Set<LocalDate> bankHolidays(int year) {
        Set<LocalDate> days = new TreeSet<>();
        days.add(weekday(LocalDate.of(year, Month.JANUARY, 1)));
        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(2));
        days.add(easter.plusDays(1));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        LocalDate christmas = LocalDate.of(year, Month.DECEMBER, 25);
        LocalDate boxing = christmas.plusDays(1);
        switch (christmas.getDayOfWeek()) {
            case FRIDAY -> {
                days.add(christmas);
                days.add(boxing.plusDays(2));
            }
            case SATURDAY -> {
                days.add(christmas.plusDays(2));
                days.add(christmas.plusDays(3));
            }
            case SUNDAY -> {
                days.add(boxing);
                days.add(christmas.plusDays(2));
            }
            default -> {
                days.add(christmas);
                days.add(boxing);
            }
        }
        return days;
    }

    /** The day, or the Monday after it when it falls at a weekend. */
    private static LocalDate weekday(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.plusDays(2);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
