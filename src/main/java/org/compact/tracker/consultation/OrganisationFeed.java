package org.compact.tracker.consultation;

import jakarta.inject.Singleton;
import org.compact.tracker.notice.LinkSigner;
import org.compact.tracker.notice.OrganisationCalendar;
import org.compact.tracker.organisation.Organisation;
import org.compact.tracker.organisation.OrganisationService;
import org.compact.tracker.rules.FeedbackRules;
import org.compact.tracker.support.Refusal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An organisation's own calendar feed, gathered from the register: every consultation it was sent notice of and that
 * was not withdrawn, with the day its notice was received and the day feedback is due
 * ({@link FeedbackRules#dueDate}), written by {@link OrganisationCalendar}. The link is the key: it opens the feed only
 * while the address it was sent to is still one of the organisation's contacts.
 */
@Singleton
public class OrganisationFeed {
    private final OrganisationCalendar calendar;
    private final OrganisationService organisations;
    private final ConsultationRepository consultations;
    private final HistoryRepository history;
    private final NoticeContents contents;
    private final FeedbackRules feedback;
    private final Clock clock;

    OrganisationFeed(OrganisationCalendar calendar, OrganisationService organisations,
                     ConsultationRepository consultations, HistoryRepository history, NoticeContents contents,
                     FeedbackRules feedback, Clock clock) {
        this.calendar = calendar;
        this.organisations = organisations;
        this.consultations = consultations;
        this.history = history;
        this.contents = contents;
        this.feedback = feedback;
        this.clock = clock;
    }

    /** The feed the token opens: 404 when it is not valid, expired, or its address is no longer a contact. */
    public OrganisationCalendar.Feed of(String token) {
        LinkSigner.Link link = calendar.open(token);
        Organisation organisation;
        try {
            organisation = organisations.get(link.subject());
        } catch (Refusal gone) {
            throw notFound();
        }
        if (organisation.emails().stream().noneMatch(e -> e.equalsIgnoreCase(link.email()))) {
            throw notFound();
        }
        List<OrganisationCalendar.Notified> notified = calendar.notifiedOf(organisation.id());
        Map<Long, Consultation> byId = consultations.findByIdInList(
                        notified.stream().map(OrganisationCalendar.Notified::consultationId).toList()).stream()
                .collect(Collectors.toMap(Consultation::getId, Function.identity()));
        List<OrganisationCalendar.Entry> entries = new ArrayList<>();
        for (OrganisationCalendar.Notified n : notified) {
            Consultation c = byId.get(n.consultationId());
            if (c == null || c.getStatus() == ConsultationStatus.WITHDRAWN) {
                continue;
            }
            Instant changed = history.findByConsultationIdOrderById(c.getId()).stream().map(HistoryEntry::at)
                    .max(Comparator.naturalOrder()).orElse(c.getUpdatedAt());
            if (c.getUpdatedAt() != null && c.getUpdatedAt().isAfter(changed)) {
                changed = c.getUpdatedAt();
            }
            LocalDate receivedOn = null;
            if (n.receivedAt() != null) {
                receivedOn = n.receivedAt().atZone(clock.getZone()).toLocalDate();
                changed = n.receivedAt().isAfter(changed) ? n.receivedAt() : changed;
            }
            LocalDate due = c.getClosesOn() == null ? null : feedback.dueDate(c.getClosesOn());
            String url = calendarUrl(c);
            entries.add(new OrganisationCalendar.Entry(contents.of(c), receivedOn, due, changed, url));
        }
        return calendar.feed(organisation.name(), entries);
    }

    /** The public page of the consultation: its results once feedback is given, else its row in the programme. */
    private String calendarUrl(Consultation c) {
        return c.getStatus() == ConsultationStatus.FEEDBACK_GIVEN
                ? calendar.publicAddress("/results/" + c.getId())
                : calendar.publicAddress("/programme#c" + c.getId());
    }

    private static Refusal notFound() {
        return new Refusal(404, "Not found", "This calendar link is not valid or has expired: every mail we send "
                + "your organisation carries a fresh one.", List.of());
    }
}
