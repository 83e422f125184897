package org.compact.tracker.support;

import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * RFC 5545 text as calendar programs expect it, written line by line: content lines end in CRLF and are folded at
 * 75 octets (3.1), never inside a multi-byte UTF-8 character; text values escape backslash, semicolon, comma and
 * line breaks (3.3.11), so a comma inside a theme stays one category. Timed events are local times in Europe/London
 * with the {@link #VTIMEZONE} they refer to. ical4j folds at 75 characters, not octets (DEPENDENCIES.md trap 18),
 * so the service writes its calendars through here, or has them {@link #refold refolded}.
 */
public final class Ics {
    /** The time zone every timed event refers to (TZID). */
    public static final String TZID = "Europe/London";

    /**
     * Europe/London as a VTIMEZONE: GMT, and BST from the last Sunday of March at 01:00 UTC to the last Sunday of
     * October at 01:00 UTC (the rule in force since 1996).
     */
    public static final List<String> VTIMEZONE = List.of(
            "BEGIN:VTIMEZONE", "TZID:" + TZID, "X-LIC-LOCATION:" + TZID,
            "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "TZNAME:BST", "DTSTART:19700329T010000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
            "BEGIN:STANDARD", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT", "DTSTART:19701025T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
            "END:VTIMEZONE");

    private static final int LIMIT = 75;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder(2048);

    /** Adds one content line ({@code NAME:value} or {@code NAME;PARAM=x:value}), folded. */
    public Ics line(String contentLine) {
        fold(contentLine, out);
        return this;
    }

    /** Adds {@code name:value} with the value escaped as TEXT. */
    public Ics text(String name, String value) {
        return line(name + ":" + escape(value));
    }

    /** Adds several lines as they are (a VTIMEZONE). */
    public Ics lines(List<String> lines) {
        lines.forEach(this::line);
        return this;
    }

    /** The calendar as UTF-8 bytes. */
    public byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /**
     * The domain this deployment's UIDs end in: {@code setting} ({@code tracker.calendar.uid-domain}) when given,
     * else the host of the public address, so two deployments do not collide (the mail sender's default
     * domain, which the notices' UIDs once ended in, is the same everywhere).
     */
    public static String uidDomain(String publicUrl, @Nullable String setting) {
        if (setting != null && !setting.isBlank()) {
            return setting.strip();
        }
        try {
            java.net.URI uri = java.net.URI.create(publicUrl);
            // the host alone, as the programme's UIDs have always had it: subscribers' events keep their UIDs
            return uri.getHost() == null ? "localhost" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "localhost";
        }
    }

    /** A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as \n. */
    public static String escape(String value) {
        String v = value == null ? "" : value;
        StringBuilder b = new StringBuilder(v.length() + 8);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                case '\r' -> {
                    if (i + 1 >= v.length() || v.charAt(i + 1) != '\n') {
                        b.append("\\n");
                    }
                }
                default -> b.append(c < 0x20 || c == 0x7f ? ' ' : c);
            }
        }
        return b.toString();
    }

    /** A list of TEXT values (CATEGORIES), each escaped, separated by commas. */
    public static String textList(List<String> values) {
        return String.join(",", values.stream().map(Ics::escape).toList());
    }

    public static String date(LocalDate day) {
        return DAY.format(day);
    }

    public static String local(LocalDateTime at) {
        return LOCAL.format(at);
    }

    public static String utc(Instant at) {
        return UTC.format(at);
    }

    /**
     * Calendar text with every content line unfolded and folded again at 75 octets, with CRLF line ends: for what
     * ical4j wrote.
     */
    public static String refold(String calendar) {
        String unfolded = calendar.replace("\r\n", "\n").replace("\n ", "").replace("\n\t", "");
        StringBuilder b = new StringBuilder(calendar.length() + 64);
        for (String line : unfolded.split("\n")) {
            if (!line.isEmpty()) {
                fold(line, b);
            }
        }
        return b.toString();
    }

    /** Appends {@code line} folded so that no physical line exceeds 75 octets of UTF-8, then CRLF. */
    static void fold(String line, StringBuilder b) {
        int octets = 0;
        int i = 0;
        while (i < line.length()) {
            int cp = line.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (octets + size > LIMIT) {
                b.append("\r\n ");
                octets = 1;
            }
            b.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        b.append("\r\n");
    }
}
