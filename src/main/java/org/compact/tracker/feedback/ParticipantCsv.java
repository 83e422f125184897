package org.compact.tracker.feedback;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.support.Dates;
import org.compact.tracker.support.Text;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a participants file ({@code name,email,consent_at}, header first, columns in any order, {@code consent_at}
 * optional) and checks every line before anything is saved: one bad line refuses the whole file, each bad line
 * named ("line 7: email") so it can be fixed in the spreadsheet and sent again. Line numbers are the file's own,
 * the header being line 1.
 */
public final class ParticipantCsv {
    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_ROWS = 10_000;
    /** Past this many problems the answer stops listing them and says how many more there are. */
    static final int MAX_REPORTED = 500;

    static final String NAME = "name";
    static final String EMAIL = "email";
    static final String CONSENT_AT = "consent_at";
    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 320;

    private static final String COLUMNS = "name, email and (optionally) consent_at";
    private static final Pattern EMAIL_PATTERN = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]");
    private static final Pattern START_LINE = Pattern.compile("startline (\\d+)");
    private static final Pattern SPACED_DATE_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}.*)$");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    private ParticipantCsv() {
    }

    /** One checked line of the file: the participant to add. */
    public record Row(int line, String name, String email, Instant consentAt) {
    }

    /**
     * The participants of the file, in file order, or a refusal listing every bad line: 422 for bad content, 413 for
     * a file over 1 MB. {@code alreadyParticipants} are the (lower-case) emails the consultation already has.
     */
    public static List<Row> read(@Nullable String csv, Set<String> alreadyParticipants, Clock clock) {
        String text = csv == null ? "" : csv;
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new Refusal(413, "Payload too large", "The file is larger than 1 MB: split it and import each part.",
                    List.of(FieldError.of("file", "must be at most 1 MB (about " + MAX_ROWS + " rows)")));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Problems problems = new Problems();
        List<Row> rows = new ArrayList<>();
        Lines lines = new Lines(text);
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            Map<String, Integer> columns = header(records, lines, problems);
            if (columns == null) {
                throw problems.refusal();
            }
            Map<String, Integer> seen = new HashMap<>();
            Instant now = clock.instant();
            int count = 0;
            int lastLine = 1;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    problems.add(FieldError.of("line " + unreadableLine(e, lastLine + 1), "could not be read: a quote (\") "
                            + "is opened and never closed, or stray text follows a closing quote; nothing after it was checked"));
                    break;
                }
                int line = lines.of(record.getCharacterPosition());
                lastLine = line;
                if (blank(record)) {
                    continue;
                }
                count++;
                if (count > MAX_ROWS) {
                    problems.add(FieldError.of("line " + line, "the file has more than " + MAX_ROWS
                            + " rows: split it into files of at most " + MAX_ROWS + " rows and import each"));
                    break;
                }
                Row row = row(record, line, columns, seen, alreadyParticipants, clock, now, problems);
                if (row != null) {
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw problems.refusal();
        }
        if (rows.isEmpty()) {
            throw Refusal.invalid("file", "has no participants after the header line");
        }
        return rows;
    }

    /** The column positions, or null (with the problem recorded) when the header is not name,email[,consent_at]. */
    @Nullable
    private static Map<String, Integer> header(Iterator<CSVRecord> records, Lines lines, Problems problems) {
        CSVRecord header;
        try {
            header = records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            problems.add(FieldError.of("line 1: header", "could not be read: a quote (\") is opened and never closed"));
            return null;
        }
        if (header == null) {
            problems.add(FieldError.of("file", "is empty: the first line must name the columns " + COLUMNS));
            return null;
        }
        String field = "line " + lines.of(header.getCharacterPosition()) + ": header";
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (!name.equals(NAME) && !name.equals(EMAIL) && !name.equals(CONSENT_AT)) {
                wrong.add(name.isEmpty() ? "an unnamed column (column " + (i + 1) + ")" : "'" + header.get(i).strip() + "'");
            } else if (columns.putIfAbsent(name, i) != null) {
                wrong.add("'" + name + "' a second time");
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of(NAME, EMAIL)) {
            if (!columns.containsKey(required)) {
                missing.add(required);
            }
        }
        if (wrong.isEmpty() && missing.isEmpty()) {
            return columns;
        }
        StringBuilder reason = new StringBuilder("the first line must name the columns " + COLUMNS + ", in any order");
        if (!missing.isEmpty()) {
            reason.append("; missing: ").append(String.join(", ", missing));
        }
        if (!wrong.isEmpty()) {
            reason.append("; not expected: ").append(String.join(", ", wrong));
        }
        if (header.size() == 1 && (header.get(0).contains(";") || header.get(0).contains("\t"))) {
            reason.append(" (separate the columns with commas)");
        }
        problems.add(FieldError.of(field, reason.toString()));
        return null;
    }

    @Nullable
    private static Row row(CSVRecord record, int line, Map<String, Integer> columns, Map<String, Integer> seen,
                           Set<String> alreadyParticipants, Clock clock, Instant now, Problems problems) {
        String at = "line " + line;
        if (record.size() != columnCount(columns)) {
            problems.add(FieldError.of(at, "has " + record.size() + (record.size() == 1 ? " value" : " values")
                    + " but the header names " + columnCount(columns) + " columns (" + String.join(",", columns.keySet())
                    + "); a value with a comma needs quotes"));
            return null;
        }
        boolean ok = true;
        String name = cleanName(record.get(columns.get(NAME)));
        String nameProblem = nameProblem(name);
        if (nameProblem != null) {
            problems.add(FieldError.of(at + ": " + NAME, nameProblem));
            ok = false;
        }
        String email = cleanEmail(record.get(columns.get(EMAIL)));
        String emailProblem = emailProblem(email);
        if (emailProblem != null) {
            problems.add(FieldError.of(at + ": " + EMAIL, emailProblem));
            ok = false;
        } else {
            Integer first = seen.putIfAbsent(email, line);
            if (first != null) {
                problems.add(FieldError.of(at + ": " + EMAIL, "repeats " + email + " from line " + first));
                ok = false;
            } else if (alreadyParticipants.contains(email)) {
                problems.add(FieldError.of(at + ": " + EMAIL, email + " is already a participant of this consultation"));
                ok = false;
            }
        }
        Instant consentAt = now;
        Integer consentColumn = columns.get(CONSENT_AT);
        String consentText = consentColumn == null ? "" : record.get(consentColumn).strip();
        if (!consentText.isEmpty()) {
            try {
                consentAt = consentTime(consentText, clock);
                if (consentAt.isAfter(now)) {
                    problems.add(FieldError.of(at + ": " + CONSENT_AT, "'" + consentText + "' is in the future"));
                    ok = false;
                }
            } catch (DateTimeParseException e) {
                problems.add(FieldError.of(at + ": " + CONSENT_AT, dateProblem(consentText)));
                ok = false;
            }
        }
        return ok ? new Row(line, name, email, consentAt) : null;
    }

    /** A name with its spacing tidied: line breaks and runs of spaces become one space, control characters go. */
    static String cleanName(@Nullable String raw) {
        if (raw == null) {
            return "";
        }
        return raw.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
    }

    /** Why a (cleaned) name cannot be used, or null. */
    @Nullable
    static String nameProblem(String name) {
        if (name.isEmpty()) {
            return "must not be blank";
        }
        if (name.length() > MAX_NAME) {
            return "must be at most " + MAX_NAME + " characters (it has " + name.length() + ")";
        }
        if (name.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            return "must not contain control characters";
        }
        // A name is one line of visible text: it heads the participant's thank-you mail.
        return Text.problem(name, true);
    }

    /** An email as kept: trimmed and in lower case, so the same address is one participant however it is typed. */
    static String cleanEmail(@Nullable String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    /** Why a (cleaned) email cannot be used, or null. */
    @Nullable
    static String emailProblem(String email) {
        if (email.isEmpty()) {
            return "must not be blank";
        }
        if (email.length() > MAX_EMAIL) {
            return "must be at most " + MAX_EMAIL + " characters";
        }
        int at = email.indexOf('@');
        if (!EMAIL_PATTERN.matcher(email).matches() || at > 64 || email.length() - at - 1 > 255) {
            return "'" + email + "' is not an email address such as name@example.org";
        }
        return null;
    }

    /**
     * A consent time: an ISO date (the start of that day in the service's zone) or date-time (with an offset, or
     * in the service's zone without one). Throws {@link DateTimeParseException} for anything else.
     */
    static Instant consentTime(String value, Clock clock) {
        String text = value.strip();
        Matcher spaced = SPACED_DATE_TIME.matcher(text);
        if (spaced.matches()) {
            text = spaced.group(1) + "T" + spaced.group(2);
        }
        if (text.length() <= 10) {
            return Dates.parse(text).atStartOfDay(clock.getZone()).toInstant();
        }
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
        // The date as typed is held to years 1900-2100, as a date alone is, whatever the zone makes of it.
        Dates.checked(LocalDate.from(parsed), text);
        if (parsed instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        return ((LocalDateTime) parsed).atZone(clock.getZone()).toInstant();
    }

    static String dateProblem(String value) {
        return "'" + value + "' is not a date: use an ISO date such as 2027-01-31 or a date-time such as 2027-01-31T14:30";
    }

    private static int columnCount(Map<String, Integer> columns) {
        return columns.values().stream().mapToInt(i -> i).max().orElse(-1) + 1;
    }

    private static boolean blank(CSVRecord record) {
        for (String value : record) {
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static int unreadableLine(RuntimeException e, int fallback) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = START_LINE.matcher(t.getMessage());
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        return fallback;
    }

    /** Where each line of the text starts, to turn a record's character position into its line number. */
    private static final class Lines {
        private final String text;
        private final int[] starts;

        Lines(String text) {
            this.text = text;
            int[] found = new int[64];
            int n = 0;
            found[n++] = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean end = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
                if (end) {
                    if (n == found.length) {
                        found = Arrays.copyOf(found, n * 2);
                    }
                    found[n++] = i + 1;
                }
            }
            starts = Arrays.copyOf(found, n);
        }

        /** The line a record starts on; its position is before any empty lines the parser skipped to reach it. */
        int of(long position) {
            int p = (int) Math.min(position, text.length());
            while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
                p++;
            }
            int i = Arrays.binarySearch(starts, p);
            return (i >= 0 ? i : -i - 2) + 1;
        }
    }

    /** The problems found, capped so a file of nonsense does not make a megabyte of answer. */
    private static final class Problems {
        private final List<FieldError> errors = new ArrayList<>();
        private int more;

        void add(FieldError error) {
            if (errors.size() < MAX_REPORTED) {
                errors.add(error);
            } else {
                more++;
            }
        }

        boolean isEmpty() {
            return errors.isEmpty();
        }

        Refusal refusal() {
            List<FieldError> all = new ArrayList<>(errors);
            if (more > 0) {
                all.add(FieldError.of("file", "and " + more + " more problems not listed"));
            }
            int count = errors.size() + more;
            String detail = "Nothing was imported: " + (count == 1 ? "1 problem needs" : count + " problems need")
                    + " fixing first. Correct the lines listed and send the whole file again.";
            return new Refusal(422, "Invalid input", detail, all);
        }
    }
}
