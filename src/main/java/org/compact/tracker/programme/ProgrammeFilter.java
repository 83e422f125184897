package org.compact.tracker.programme;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.compact.tracker.consultation.ConsultationStatus;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The filters every form of the programme takes: {@code agency} (an id), {@code area}, {@code theme} (either
 * matched ignoring case; a city-wide consultation, one without areas, is in every area), {@code status} (one code,
 * or several separated by commas) and {@code year} (consultations whose open period touches that calendar year,
 * in place of the default: everything planned, notified or open and what closed in the last twelve months).
 */
@Serdeable
public record ProgrammeFilter(@Nullable Long agency, @Nullable String area, @Nullable String theme,
                              @Nullable Set<ConsultationStatus> status, @Nullable Integer year) {
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    private static final int MAX_TEXT = 200;

    public static final ProgrammeFilter NONE = new ProgrammeFilter(null, null, null, null, null);

    /** Reads the query values as sent (blank means "not filtered"); every bad value is named at once (422). */
    public static ProgrammeFilter parse(@Nullable String agency, @Nullable String area, @Nullable String theme,
                                        @Nullable String status, @Nullable String year) {
        List<FieldError> errors = new ArrayList<>();
        Long agencyId = null;
        if (!blank(agency)) {
            try {
                agencyId = Long.parseLong(agency.strip());
            } catch (NumberFormatException e) {
                errors.add(FieldError.of("agency", "must be an agency id (a number)"));
            }
        }
        Set<ConsultationStatus> statuses = null;
        if (!blank(status)) {
            statuses = EnumSet.noneOf(ConsultationStatus.class);
            for (String code : status.split(",")) {
                if (code.isBlank()) {
                    continue;
                }
                try {
                    statuses.add(ConsultationStatus.valueOf(code.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    errors.add(FieldError.of("status", "'" + code.strip() + "' is not a status; use one of "
                            + List.of(ConsultationStatus.values())));
                }
            }
            if (statuses.isEmpty()) {
                statuses = null;
            }
        }
        Integer y = null;
        if (!blank(year)) {
            try {
                y = Integer.parseInt(year.strip());
                if (y < FIRST_YEAR || y > LAST_YEAR) {
                    errors.add(FieldError.of("year", "must be a year from " + FIRST_YEAR + " to " + LAST_YEAR));
                }
            } catch (NumberFormatException e) {
                errors.add(FieldError.of("year", "must be a year such as 2027"));
            }
        }
        for (String[] text : new String[][]{{"area", area}, {"theme", theme}}) {
            if (text[1] != null && text[1].length() > MAX_TEXT) {
                errors.add(FieldError.of(text[0], "must be at most " + MAX_TEXT + " characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new ProgrammeFilter(agencyId, blank(area) ? null : area.strip(), blank(theme) ? null : theme.strip(),
                statuses, y);
    }

    /** The filters the database does not apply: area, theme and status. */
    boolean matches(ConsultationRow row) {
        if (agency != null && row.agencyId() != agency) {
            return false;
        }
        if (status != null && !status.contains(row.status())) {
            return false;
        }
        if (theme != null && row.themes().stream().noneMatch(theme::equalsIgnoreCase)) {
            return false;
        }
        return area == null || row.areas().isEmpty() || row.areas().stream().anyMatch(area::equalsIgnoreCase);
    }

    /**
     * {@link #matches} less the agency, for rows the database already chose by agency: those it leads and the joint
     * consultations it is a partner of (V28), which are published under their lead's id.
     */
    boolean matchesBesidesAgency(ConsultationRow row) {
        return new ProgrammeFilter(null, area, theme, status, year).matches(row);
    }

    @Nullable
    LocalDate yearStart() {
        return year == null ? null : LocalDate.of(year, 1, 1);
    }

    @Nullable
    LocalDate yearEnd() {
        return year == null ? null : LocalDate.of(year, 12, 31);
    }

    boolean isEmpty() {
        return agency == null && area == null && theme == null && status == null && year == null;
    }

    /** The filters as a query string ("" when there are none, else "?agency=3&area=Ordsall"), always in one order. */
    public String query() {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        if (agency != null) {
            q.add("agency=" + agency);
        }
        if (area != null) {
            q.add("area=" + encode(area));
        }
        if (theme != null) {
            q.add("theme=" + encode(theme));
        }
        if (status != null) {
            q.add("status=" + String.join(",", status.stream().map(Enum::name).toList()));
        }
        if (year != null) {
            q.add("year=" + year);
        }
        return q.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
