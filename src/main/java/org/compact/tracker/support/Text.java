package org.compact.tracker.support;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * Free text as people type it. Control characters (a NUL, say) are refused, naming the field: they have no business
 * in a consultation, and PostgreSQL cannot store a NUL at all. So are the invisible formatting characters that
 * make text read differently from what it is: the bidirectional overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069; "U+202E" turns "txt.exe" into "exe.txt" on screen), the zero-width spaces, joiners and marks
 * (U+200B, U+200E, U+200F, U+2060–U+2064, U+FEFF, U+061C; not the joiners U+200C and U+200D, which Urdu, Persian and
 * the Indic scripts spell with) and the Unicode line and paragraph separators (U+2028, U+2029),
 * which some programs break lines at. Text of several lines ({@link #plain}: descriptions, summaries, reasons)
 * keeps tabs and line breaks; a name or title ({@link #singleLine}: what ends up in mail subjects, calendar
 * summaries, CSV cells and headings) is one line, so it refuses them too.
 */
public final class Text {
    /** The reason given for a control character in text of several lines. */
    public static final String CONTROL = "must not contain control characters";
    /** The reason given for a line break, tab or control character in a single-line field. */
    public static final String NOT_ONE_LINE = "must be one line: no line breaks, tabs or control characters";
    /** The reason given for invisible formatting. */
    public static final String INVISIBLE = "must not contain invisible or bidirectional formatting characters "
            + "(U+200B, U+200E, U+200F, U+202A–U+202E, U+2060–U+2069, U+FEFF and the like)";

    private Text() {
    }

    /** The value unchanged, or a 422 refusal naming {@code field} if it holds a control or formatting character. */
    @Nullable
    public static String plain(String field, @Nullable String value) {
        String problem = problem(value, false);
        if (problem != null) {
            throw Refusal.invalid(field, problem);
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

    /** As {@link #plain}, and a line break or tab is refused as well: a name, title or label. */
    @Nullable
    public static String singleLine(String field, @Nullable String value) {
        String problem = problem(value, true);
        if (problem != null) {
            throw Refusal.invalid(field, problem);
        }
        return value;
    }

    /** Every value of the list checked as {@link #singleLine}, naming the element ("themes[2]"). */
    @Nullable
    public static List<String> singleLine(String field, @Nullable List<String> values) {
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                singleLine(field + "[" + i + "]", values.get(i));
            }
        }
        return values;
    }

    /**
     * Why {@code value} cannot be accepted ({@link #CONTROL}, {@link #NOT_ONE_LINE} or {@link #INVISIBLE}), or null
     * when it can (null passes).
     */
    @Nullable
    public static String problem(@Nullable String value, boolean singleLine) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c) && (singleLine || (c != '\t' && c != '\n' && c != '\r'))) {
                return singleLine ? NOT_ONE_LINE : CONTROL;
            }
            if (isInvisibleFormatting(c)) {
                return INVISIBLE;
            }
        }
        return null;
    }

    /**
     * Text already stored, made safe for one line of output (a mail header, a calendar summary): each run of control
     * characters becomes one space and invisible formatting is dropped. Text saved before the checks above held
     * cannot break a header or turn a line round.
     */
    public static String oneLine(@Nullable String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c) || c == '\u2028' || c == '\u2029') {
                if (!space) {
                    out.append(' ');
                    space = true;
                }
            } else if (!isInvisibleFormatting(c)) {
                out.append(c);
                space = false;
            }
        }
        return out.toString();
    }

    /** C0 controls (with tab and line breaks), DEL and the C1 controls. */
    static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
    }

    /**
     * Bidirectional overrides, isolates and marks, the zero-width space and word joiner, the byte-order mark, line
     * separators. Not the zero-width non-joiner and joiner (U+200C, U+200D): Urdu, Persian and the Indic scripts need
     * them to spell words, and emoji sequences are made with them; they cannot reorder text.
     */
    static boolean isInvisibleFormatting(char c) {
        return c == '\u200B' || c == '\u200E' || c == '\u200F' || (c >= '\u2028' && c <= '\u202E')
                || (c >= '\u2060' && c <= '\u2069') || c == '\uFEFF' || c == '\u061C';
    }
}
