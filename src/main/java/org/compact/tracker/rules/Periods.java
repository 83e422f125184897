package org.compact.tracker.rules;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/** Configured periods in the words a reason uses: P1M is "one calendar month", P12W (84 days) is "12 weeks". */
final class Periods {

    private Periods() {
    }

    static String describe(Period period) {
        List<String> parts = new ArrayList<>();
        if (period.getYears() != 0) {
            parts.add(count(period.getYears(), "year"));
        }
        if (period.getMonths() != 0) {
            parts.add(count(period.getMonths(), "calendar month"));
        }
        int days = period.getDays();
        if (days != 0 && days % 7 == 0) {
            parts.add(count(days / 7, "week"));
        } else if (days != 0) {
            parts.add(count(days, "day"));
        }
        return parts.isEmpty() ? "no time" : String.join(" and ", parts);
    }

    private static String count(int n, String unit) {
        return n == 1 ? "one " + unit : n + " " + unit + "s";
    }
}
