package org.compact.tracker.support;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Words for codes and dates, as people read them on every page: the officers', the organisations' and the public's. */
public final class Wording {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** Codes that are read as they are written. */
    private static final java.util.Set<String> ACRONYMS = java.util.Set.of("LGBT", "BSL", "NHS", "VCS");

    private Wording() {
    }

    /** ONLINE_SURVEY becomes "Online survey"; free text stays as it is. */
    public static String code(@Nullable String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        if (!code.equals(code.toUpperCase(Locale.ROOT)) || ACRONYMS.contains(code)) {
            return code;
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A count with its noun, singular or plural: "1 notice", "2 notices", "0 organisations". */
    public static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** A figure's or column's name in words: feedbackGiven is "Feedback given", days_overdue "Days overdue". */
    public static String name(@Nullable String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        if (name.equals(name.toUpperCase(Locale.ROOT))) {
            return code(name);
        }
        String spaced = name.replace('_', ' ').replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    public static String day(@Nullable LocalDate date) {
        return date == null ? "not set" : DAY.format(date);
    }
}
