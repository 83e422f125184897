package org.compact.tracker.compliance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.compact.tracker.compliance.ComplianceReport.Rate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The annual Compact monitoring report: for one calendar year, per partner agency, what was consulted on, how each
 * Gold Standard was kept (with the exemptions and their reasons), feedback and actions, concerns and how they were
 * answered, and the figures against the previous year. Built from the same queries as the compliance report
 * ({@link CountQueries}, {@link ListQueries}, {@link RatesByAgency}), so its rates are the report's rates for the
 * same year and agency. Lists hold at most {@value ListQueries#LIMIT} rows; {@code …Total} says how many there were.
 *
 * @param year     the calendar year: consultations whose planned open date falls in it
 * @param asOf     the day overdue feedback, actions and open concerns are judged on
 * @param partners one per agency reported on, by name
 */
@Serdeable
public record AnnualReport(int year, LocalDate from, LocalDate to, LocalDate asOf, Instant generatedAt,
                           List<Partner> partners) {

    /**
     * One partner agency's year.
     *
     * @param thisYear  the year's figures
     * @param lastYear  the same figures for the year before
     * @param standards each Gold Standard's rate this year and last, with its exemptions this year
     * @param consulted the year's consultations, by planned open date
     */
    @Serdeable
    public record Partner(long agencyId, String name, Figures thisYear, Figures lastYear, List<Standard> standards,
                          List<Consulted> consulted, long consultedTotal, List<Exempted> exemptions,
                          long exemptionsTotal, List<LateFeedback> lateFeedback, List<LateAction> lateActions,
                          List<ConcernItem> concerns, long concernsTotal) {
    }

    /**
     * A year's figures for one agency.
     *
     * @param consultations consultations whose planned open date is in the year, any status
     * @param counted       of those, notice sent and not withdrawn
     */
    @Serdeable
    public record Figures(long consultations, long counted, long withdrawn, long feedbackGiven, long feedbackOnTime,
                          long feedbackOverdue, long actionsPromised, long actionsDone, long actionsOverdue,
                          long concernsRaised, long concernsAnswered, long exemptions) {
    }

    /**
     * One Gold Standard: the rule, the standard in words, the share of consultations (or notices, feedback,
     * actions, concerns) that kept it this year and last, and how many exemptions of it were recorded this year.
     */
    @Serdeable
    public record Standard(String rule, String standard, String measure, Rate thisYear, Rate lastYear,
                           long exemptions) {
    }

    /**
     * A consultation of the year.
     *
     * @param joint          true when it was run jointly with other agencies (it has partner agencies); a joint
     *                       consultation is listed under each of its agencies
     * @param leadAgencyId   the agency that leads it
     * @param leadAgencyName that agency's name
     * @param jointWith      the names of its other agencies than the one whose section lists it (the lead first,
     *                       then the partners in their order); empty when not joint
     */
    @Serdeable
    public record Consulted(long id, String title, String status, @Nullable LocalDate opensOn,
                            @Nullable LocalDate closesOn, @Nullable LocalDate feedbackOn, boolean joint,
                            long leadAgencyId, String leadAgencyName, List<String> jointWith) {
    }

    /** An exemption recorded for a consultation of the year: the standard set aside and the written reason. */
    @Serdeable
    public record Exempted(String rule, String standard, long consultationId, String title, String reason,
                           String recordedBy, LocalDate recordedOn) {
    }

    /** A consultation closed without feedback after the day its feedback was due. */
    @Serdeable
    public record LateFeedback(long consultationId, String title, LocalDate closesOn, LocalDate dueOn) {
    }

    /** A promised action not done by its due day. */
    @Serdeable
    public record LateAction(long consultationId, String title, String what, String owner, LocalDate due) {
    }

    /** A concern about a consultation of the year and, once answered, the answer and the day. */
    @Serdeable
    public record ConcernItem(long consultationId, String title, String kind, LocalDate raisedOn,
                              @Nullable LocalDate answeredOn, @Nullable String answer) {
    }
}
