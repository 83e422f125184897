package org.compact.tracker.consultation;

import jakarta.inject.Singleton;
import org.compact.tracker.clock.DueWork;
import org.compact.tracker.notice.NoticeService;
import org.compact.tracker.rules.RuleBook;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Watches the notice deadlines of planned consultations (the last day notice can go out and still give a full
 * month before opening). Seven days before, the lead officer is reminded; once it has passed, it is a NOTICE breach,
 * mailed to the officer and the agency's compliance contact, and again each week until the consultation is notified
 * or re-planned. Each alert goes once, however often the watch runs.
 */
@Singleton
class NoticeWatch implements DueWork {
    static final int REMIND_DAYS_BEFORE = 7;

    private final ConsultationRepository consultations;
    private final RuleBook rules;
    private final NoticeService notices;
    private final ConsultationService recipients;
    private final Clock clock;

    NoticeWatch(ConsultationRepository consultations, RuleBook rules, NoticeService notices,
                ConsultationService recipients, Clock clock) {
        this.consultations = consultations;
        this.rules = rules;
        this.notices = notices;
        this.recipients = recipients;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "notice watch";
    }

    @Override
    public String runDue() {
        LocalDate today = LocalDate.now(clock);
        int reminders = 0;
        int breaches = 0;
        for (Consultation c : consultations.findByStatus(ConsultationStatus.PLANNED)) {
            if (c.getOpensOn() == null) {
                continue;
            }
            LocalDate deadline = rules.noticeDeadline(c.getOpensOn());
            if (today.isAfter(deadline)) {
                long week = ChronoUnit.WEEKS.between(deadline.plusDays(1), today);
                List<String> to = recipients.alertRecipients(c.getLeadOfficer(), c.getAgencyId(), true);
                if (notices.alertOnce(c.getId(), "NOTICE_BREACH", deadline + "-w" + week, to,
                        "NOTICE breach: " + c.getTitle(),
                        "The consultation \"" + c.getTitle() + "\" (id " + c.getId() + ") opens on " + c.getOpensOn()
                                + ", but notice was not sent by " + deadline + ". Third-sector organisations are owed at "
                                + "least " + rules.noticePeriodInWords() + " of notice (rule NOTICE of the local Compact).\n\n"
                                + "Either move the open date to " + rules.earliestOpening(today) + " or later, or send notice "
                                + "now and record a NOTICE exemption with the reason before it opens.")) {
                    breaches++;
                }
            } else if (!today.isBefore(deadline.minusDays(REMIND_DAYS_BEFORE))) {
                List<String> officer = recipients.alertRecipients(c.getLeadOfficer(), c.getAgencyId(), false);
                if (!officer.isEmpty() && notices.alertOnce(c.getId(), "NOTICE_DUE", deadline.toString(), officer,
                        "Send notice by " + deadline + ": " + c.getTitle(),
                        "The consultation \"" + c.getTitle() + "\" (id " + c.getId() + ") opens on " + c.getOpensOn()
                                + ". To give organisations their full notice (" + rules.noticePeriodInWords() + "), notify them by " + deadline
                                + " (POST /api/consultations/" + c.getId() + "/notify).")) {
                    reminders++;
                }
            }
        }
        return reminders + " reminders, " + breaches + " breaches";
    }
}
