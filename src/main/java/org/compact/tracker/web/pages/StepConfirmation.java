package org.compact.tracker.web.pages;

import jakarta.inject.Singleton;
import org.compact.tracker.consultation.RegisterReads;
import org.compact.tracker.consultation.ConsultationStatus;
import org.compact.tracker.consultation.ConsultationView;
import org.compact.tracker.consultation.Step;
import org.compact.tracker.notice.DeliveryReport;
import org.compact.tracker.notice.NoticeKind;
import org.compact.tracker.organisation.OrganisationService;
import org.compact.tracker.support.Refusal;
import org.compact.tracker.support.Wording;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What taking a step will do, in words, for the page that asks the officer to confirm it: what moves, who gets mail
 * and what falls due. The steps themselves (which are offered, what they are called, what gates them) are the
 * {@link Step} table's; feedback has a page of its own.
 */
@Singleton
class StepConfirmation {
    private final RegisterReads consultations;
    private final OrganisationService organisations;
    private final Deadlines deadlines;
    private final Clock clock;

    StepConfirmation(RegisterReads consultations, OrganisationService organisations, Deadlines deadlines,
                     Clock clock) {
        this.consultations = consultations;
        this.organisations = organisations;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** The page's heading, its button, and what will happen. */
    record Words(String heading, String button, List<String> what) {
    }

    Words of(Step step, ConsultationView c) {
        LocalDate today = LocalDate.now(clock);
        return switch (step) {
            case NOTIFY -> new Words("Send notice of this consultation", "Send the notice", List.of(
                    "The consultation moves from planned to notified, and the month's notice starts today ("
                            + Wording.day(today) + ").",
                    MailReach.of(c, organisations.search(null, null, null)).sentence(),
                    "Each notice has a calendar, reply links and an unsubscribe link. Contacts who unsubscribed are skipped."));
            case OPEN -> new Words("Open the consultation for responses", "Open it now", List.of(
                    "The consultation opens today (" + Wording.day(today) + ") and takes responses until "
                            + Wording.day(c.closesOn()) + ".",
                    "No mail is sent: organisations were told the dates in the notice."));
            case CLOSE -> {
                LocalDate due = deadlines.feedbackDue(c);
                yield new Words("Close the consultation", "Close it now", List.of(
                        "Responses stop today (" + Wording.day(today) + ").",
                        "No mail is sent now. Feedback to everyone notified and everyone who took part is then due"
                                + (due == null ? "." : " by " + Wording.day(due) + ".")));
            }
            case WITHDRAW -> new Words("Withdraw the consultation", "Withdraw it", List.of(withdrawalMail(c),
                    "It cannot be reopened: register a new consultation to consult again."));
            case GIVE_FEEDBACK -> throw Refusal.notFound("step", step.path());
        };
    }

    private String withdrawalMail(ConsultationView c) {
        if (c.status() == ConsultationStatus.PLANNED) {
            return "No organisation has been told about it yet, so no mail is sent.";
        }
        DeliveryReport report = consultations.deliveries(c.id());
        long contacts = report.deliveries().stream().filter(d -> d.kind() == NoticeKind.NOTICE)
                .map(d -> d.email().toLowerCase(Locale.ROOT)).distinct().count();
        long orgs = report.deliveries().stream().filter(d -> d.kind() == NoticeKind.NOTICE)
                .map(DeliveryReport.Line::organisationId).distinct().count();
        return "Everyone who was sent the notice (" + contacts + " " + MailReach.plural((int) contacts, "contact", "contacts")
                + " of " + orgs + " " + MailReach.plural((int) orgs, "organisation", "organisations")
                + ") will be emailed that it is withdrawn, with your reason.";
    }
}
