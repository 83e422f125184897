package org.compact.tracker.compliance;

import org.compact.tracker.consultation.ConsultationStatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What the one scan of the period's consultations counts, for one agency or added up over several: every
 * consultation by status, and of the counted ones (notice sent, not withdrawn) how many meet each per-consultation
 * test of {@link Criteria}. Each count is the column of the same name in {@link CountQueries#consultations}.
 *
 * @param byStatus      consultations in the period by status on the report day
 * @param namingGroup   counted consultations naming each socially excluded group of the setting, in its order
 */
record ConsultationCounts(long total, Map<ConsultationStatus, Long> byStatus, long counted, long opened,
                          long openedShort, long pastDeadline, long priorWorkRelated, long priorWorkStatement,
                          long influenceMet, long influenceStated, long durationMet, long methodsMet,
                          Map<String, Long> namingGroup, long namingAnyGroup, long feedbackClosed, long feedbackGiven,
                          long feedbackOnTime, long feedbackOverdue, long feedbackNotYetDue, long feedbackPublished) {

    static final ConsultationCounts NONE = new ConsultationCounts(0, statuses(s -> 0L), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            Map.of(), 0, 0, 0, 0, 0, 0, 0);

    /** The column of a status's count. */
    static String statusColumn(ConsultationStatus status) {
        return "st_" + status.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The column of the count of the {@code index}th group of the setting (by position, since a council's own codes
     * need not make SQL names).
     */
    static String groupColumn(int index) {
        return "g_" + index;
    }

    /** One row of the scan's result, with a count per group of {@code groups} (the setting, in its order). */
    static ConsultationCounts read(ResultSet rs, List<String> groups) throws SQLException {
        Map<ConsultationStatus, Long> byStatus = new EnumMap<>(ConsultationStatus.class);
        for (ConsultationStatus status : ConsultationStatus.values()) {
            byStatus.put(status, rs.getLong(statusColumn(status)));
        }
        Map<String, Long> naming = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            naming.put(groups.get(i), rs.getLong(groupColumn(i)));
        }
        return new ConsultationCounts(rs.getLong("total"), byStatus, rs.getLong("counted"), rs.getLong("opened"),
                rs.getLong("opened_short"), rs.getLong("past_deadline"), rs.getLong("pw_related"),
                rs.getLong("pw_statement"), rs.getLong("influence_met"), rs.getLong("influence_stated"),
                rs.getLong("duration_met"), rs.getLong("methods_met"), naming, rs.getLong("inclusion_any"),
                rs.getLong("fb_closed"), rs.getLong("fb_given"), rs.getLong("fb_on_time"), rs.getLong("fb_overdue"),
                rs.getLong("fb_not_yet_due"), rs.getLong("fb_published"));
    }

    ConsultationCounts plus(ConsultationCounts o) {
        return new ConsultationCounts(total + o.total, statuses(s -> byStatus.get(s) + o.byStatus.get(s)),
                counted + o.counted, opened + o.opened, openedShort + o.openedShort, pastDeadline + o.pastDeadline,
                priorWorkRelated + o.priorWorkRelated, priorWorkStatement + o.priorWorkStatement,
                influenceMet + o.influenceMet, influenceStated + o.influenceStated, durationMet + o.durationMet,
                methodsMet + o.methodsMet, groups(namingGroup, o.namingGroup),
                namingAnyGroup + o.namingAnyGroup, feedbackClosed + o.feedbackClosed, feedbackGiven + o.feedbackGiven,
                feedbackOnTime + o.feedbackOnTime, feedbackOverdue + o.feedbackOverdue,
                feedbackNotYetDue + o.feedbackNotYetDue, feedbackPublished + o.feedbackPublished);
    }

    /** PRIOR_WORK met: earlier work linked, or a statement that none is relevant. */
    long priorWorkMet() {
        return priorWorkRelated + priorWorkStatement;
    }

    /** FEEDBACK's denominator: feedback given or overdue (not yet due is left out). */
    long feedbackDueOrGiven() {
        return feedbackGiven + feedbackOverdue;
    }

    private static Map<ConsultationStatus, Long> statuses(Function<ConsultationStatus, Long> count) {
        Map<ConsultationStatus, Long> out = new EnumMap<>(ConsultationStatus.class);
        for (ConsultationStatus status : ConsultationStatus.values()) {
            out.put(status, count.apply(status));
        }
        return out;
    }

    /** Counted consultations naming {@code group}; 0 for a group no row counted. */
    long naming(String group) {
        return namingGroup.getOrDefault(group, 0L);
    }

    /** Both counts per group added up, in the order of {@code a} and then of any group only {@code b} has. */
    private static Map<String, Long> groups(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new LinkedHashMap<>(a);
        b.forEach((group, count) -> out.merge(group, count, Long::sum));
        return out;
    }
}
