package org.compact.tracker.compliance;

import java.time.Period;
import java.util.Locale;

/**
 * How the report words what it reads: a period as configuration writes it and in words for the definitions, and a
 * catalogue code (a status, a concern kind) as the camel-case name of its figure.
 */
final class ReportText {
    private ReportText() {
    }

    /** A period as configuration writes it: P12W rather than Period's P84D. */
    static String iso(Period p) {
        if (p.getYears() == 0 && p.getMonths() == 0 && p.getDays() > 0 && p.getDays() % 7 == 0) {
            return "P" + (p.getDays() / 7) + "W";
        }
        return p.toString();
    }

    /** A period in words: P1M is "one calendar month", P12W "12 weeks". */
    static String describe(Period p) {
        if (p.getYears() == 0 && p.getDays() == 0 && p.getMonths() == 1) {
            return "one calendar month";
        }
        if (p.getYears() == 0 && p.getMonths() == 0 && p.getDays() % 7 == 0) {
            return (p.getDays() / 7) + " weeks";
        }
        return p.toString();
    }

    /** A code as a figure's name: FEEDBACK_GIVEN is feedbackGiven. */
    static String camel(String code) {
        String[] parts = code.toLowerCase(Locale.ROOT).split("_");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            out.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return out.toString();
    }

    /** A code as the tail of a figure's name: NO_NOTICE is NoNotice (as in raisedNoNotice). */
    static String capitalised(String code) {
        String camel = camel(code);
        return Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
    }
}
