package org.compact.tracker.web.pages;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Words for codes and dates, as people read them. */
final class Labels {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Labels() {
    }

    /** ONLINE_SURVEY becomes "Online survey"; free text stays as it is. */
    static String code(@Nullable String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        if (!code.equals(code.toUpperCase(Locale.ROOT))) {
            return code;
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String day(@Nullable LocalDate date) {
        return date == null ? "not set" : DAY.format(date);
    }
}
