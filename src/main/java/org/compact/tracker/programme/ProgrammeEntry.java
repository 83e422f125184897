package org.compact.tracker.programme;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.compact.tracker.consultation.ConsultationStatus;
import org.compact.tracker.notice.Translation;
import org.compact.tracker.support.ConsultationEvent;
import org.compact.tracker.support.HowToRespond;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One consultation as the programme publishes it. It carries no personal data: no officer, no organisation, no
 * contact. An empty {@code areas} means city-wide.
 *
 * @param noticeDeadline the last day notice can go out and still give the full notice period (NOTICE)
 * @param feedbackDue    when feedback is due (FEEDBACK): the close date plus the feedback period; none once withdrawn
 * @param result         the published feedback, once given
 * @param url            the consultation's row on the programme page
 * @param listedAt       when the consultation was registered
 * @param lastChanged    its last public step or change
 * @param noticeReceivedOn the day the last targeted organisation received its notice; null while the notice is being
 *                         delivered, or when it reached no organisation (then {@code notifiedOn} is when it was given)
 * @param noticeBeingDelivered whether some targeted organisation's notice is still waiting for the mail server
 * @param translations   its translated summaries (title, summary, what is open to change and fixed), by language tag
 * @param howToRespond   where to respond: a web address, an email address, a postal address (each may be null)
 * @param events         the meetings and other events, local times in Europe/London, with the help each offers
 * @param revision       grows with every change to the consultation: the calendar event's SEQUENCE
 */
@Serdeable
public record ProgrammeEntry(
        long id,
        String title,
        String summary,
        long agencyId,
        String agency,
        List<String> themes,
        List<String> areas,
        ConsultationStatus status,
        String statusLabel,
        @Nullable LocalDate noticeDeadline,
        @Nullable LocalDate notifiedOn,
        @Nullable LocalDate opensOn,
        @Nullable LocalDate closesOn,
        @Nullable LocalDate feedbackDue,
        @Nullable LocalDate decisionDate,
        @Nullable LocalDate withdrawnOn,
        @Nullable String withdrawalReason,
        @Schema(nullable = false) @Nullable Result result,
        String url,
        Instant listedAt,
        Instant lastChanged,
        @Nullable LocalDate noticeReceivedOn,
        boolean noticeBeingDelivered,
        List<Translation> translations,
        HowToRespond howToRespond,
        List<ConsultationEvent> events,
        long revision) {

    public ProgrammeEntry {
        translations = translations == null ? List.of() : List.copyOf(translations);
        howToRespond = howToRespond == null ? HowToRespond.NONE : howToRespond;
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** An entry without translations, ways to respond or events (as tests build them). */
    public ProgrammeEntry(long id, String title, String summary, long agencyId, String agency, List<String> themes,
                          List<String> areas, ConsultationStatus status, String statusLabel,
                          @Nullable LocalDate noticeDeadline, @Nullable LocalDate notifiedOn, @Nullable LocalDate opensOn,
                          @Nullable LocalDate closesOn, @Nullable LocalDate feedbackDue, @Nullable LocalDate decisionDate,
                          @Nullable LocalDate withdrawnOn, @Nullable String withdrawalReason, @Nullable Result result,
                          String url, Instant listedAt, Instant lastChanged, @Nullable LocalDate noticeReceivedOn,
                          boolean noticeBeingDelivered) {
        this(id, title, summary, agencyId, agency, themes, areas, status, statusLabel, noticeDeadline, notifiedOn,
                opensOn, closesOn, feedbackDue, decisionDate, withdrawnOn, withdrawalReason, result, url, listedAt,
                lastChanged, noticeReceivedOn, noticeBeingDelivered, List.of(), HowToRespond.NONE, List.of(), 0);
    }

    /** The headline of published feedback; the full "you said, we did" is at {@code url}. */
    @Serdeable
    public record Result(LocalDate givenOn, Instant publishedAt, String outcome, String weDid, String url) {
    }
}
