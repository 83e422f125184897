package org.compact.tracker.compliance;

import java.time.Period;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * The few date expressions the report needs, in forms that PostgreSQL and H2 (PostgreSQL mode) both run and agree
 * on (each was checked on both):
 * <ul>
 *   <li>a day plus a period: {@code CAST(d + INTERVAL '1' MONTH + INTERVAL '84' DAY AS DATE)}. Months are added
 *       first and the month end is kept as {@link java.time.LocalDate#plus(java.time.temporal.TemporalAmount)}
 *       keeps it (31 January plus one month is 28 February), so the SQL and the rule policies agree;</li>
 *   <li>whole days between two days: {@code CAST(a - b AS INTEGER)} (an integer on PostgreSQL, an INTERVAL DAY that
 *       casts to one on H2);</li>
 *   <li>the day of an instant in the service's zone:
 *       {@code CAST(CAST(t AT TIME ZONE 'Europe/London' AS VARCHAR(10)) AS DATE)}. On PostgreSQL
 *       {@code AT TIME ZONE} gives the local date-time, on H2 a date-time with the zone's offset; both print it
 *       ISO first (the PostgreSQL JDBC driver always sets {@code DateStyle=ISO}), and the first ten characters are
 *       the local day. A plain {@code CAST(… AS DATE)} is not portable: H2 converts to the session's zone first.</li>
 * </ul>
 */
final class Sql {
    private static final Pattern ZONE_ID = Pattern.compile("[A-Za-z0-9/_+\\-]+");

    private final String zone;

    Sql(ZoneId zone) {
        String id = zone.getId();
        if (!ZONE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Unexpected zone id: " + id);
        }
        this.zone = id;
    }

    String zone() {
        return zone;
    }

    /** The day, in the service's zone, of the instant in {@code column} (a TIMESTAMP WITH TIME ZONE). */
    String localDate(String column) {
        return "CAST(CAST(" + column + " AT TIME ZONE '" + zone + "' AS VARCHAR(10)) AS DATE)";
    }

    /** The day {@code date} plus {@code period}, as a DATE. */
    static String plus(String date, Period period) {
        long months = period.toTotalMonths();
        int days = period.getDays();
        if (months < 0 || days < 0) {
            throw new IllegalArgumentException("Negative periods are not reported: " + period);
        }
        StringBuilder sql = new StringBuilder("CAST(").append(date);
        if (months > 0) {
            sql.append(" + INTERVAL '").append(months).append("' MONTH");
        }
        if (days > 0) {
            sql.append(" + INTERVAL '").append(days).append("' DAY");
        }
        return sql.append(" AS DATE)").toString();
    }

    /** Whole days from {@code earlier} to {@code later} (both DATE expressions); negative when later is earlier. */
    static String days(String later, String earlier) {
        return "CAST(" + later + " - " + earlier + " AS INTEGER)";
    }
}
