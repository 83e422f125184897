package org.compact.tracker.consultation;

import jakarta.inject.Singleton;
import org.compact.tracker.clock.DueWork;
import org.compact.tracker.mail.MailWaiting;
import org.compact.tracker.notice.NoticeService;
import org.compact.tracker.rules.RuleBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Watches the notice deadlines of planned consultations (the last day notice can go out and still give a full
 * month before opening). Seven days before, the lead officer is reminded; once it has passed, it is a NOTICE breach,
 * mailed to the officer and the agency's compliance contact, and again each week until the consultation is notified
 * or re-planned. Each alert goes once, however often the watch runs.
 *
 * <p>It also says, in its result (the job's record, the sim clock's answer) and the log, how many notices are still
 * waiting because the mail server does not take them, and since when: a notice the officer sent on Friday is not
 * in the organisations' inboxes on Monday if the mail server was down all weekend, and the notice period counts
 * from when it was sent.
 */
@Singleton
class NoticeWatch implements DueWork {
    static final int REMIND_DAYS_BEFORE = 7;
    private static final Logger LOG = LoggerFactory.getLogger(NoticeWatch.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

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
        return reminders + " reminders, " + breaches + " breaches" + notices.noticesWaitingForMailServer()
                .map(this::waiting).orElse("");
    }

    /** "; 40 notices of 2 consultations waiting for the mail server since 6 March 2027, 18:00", and a WARN line. */
    private String waiting(MailWaiting w) {
        String words = "; " + w.messages() + (w.messages() == 1 ? " notice" : " notices") + " of " + w.references()
                + (w.references() == 1 ? " consultation" : " consultations")
                + " waiting for the mail server since " + WHEN.format(w.since().atZone(clock.getZone()))
                + " (it has not taken them; they are tried again until it does)";
        LOG.warn("Notice watch{}", words);
        return words;
    }
}
