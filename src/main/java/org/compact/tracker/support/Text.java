package org.compact.tracker.support;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * Free text as people type it: letters, punctuation, tabs and line breaks. Control characters (a NUL, say) are
 * refused, naming the field: they have no business in a consultation, and PostgreSQL cannot store a NUL at all.
 */
public final class Text {
    private Text() {
    }

    /** The value unchanged, or a 422 refusal naming {@code field} if it holds a control character. */
    @Nullable
    public static String plain(String field, @Nullable String value) {
        if (value != null && hasControl(value)) {
            throw Refusal.invalid(field, "must not contain control characters");
        }
        return value;
    }

    /** Every value of the list checked as {@link #plain}, naming the element ("areas[2]"). */
    @Nullable
    public static List<String> plain(String field, @Nullable List<String> values) {
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                plain(field + "[" + i + "]", values.get(i));
            }
        }
        return values;
    }

    static boolean hasControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                return true;
            }
        }
        return false;
    }
}
