package org.compact.tracker.consultation;

import jakarta.inject.Singleton;
import org.compact.tracker.clock.DueWork;
import org.compact.tracker.mail.MailWaiting;
import org.compact.tracker.notice.NoticeService;
import org.compact.tracker.notice.OfficerAlerts;
import org.compact.tracker.rules.RuleBook;
import org.compact.tracker.rules.RuleId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Watches the notice deadlines of planned consultations (the last day notice can go out and still give a full
 * month before opening). Seven days before, the lead officer is reminded; once it has passed, it is a NOTICE breach,
 * mailed to the officer and the agency's compliance contact, and again each week until the consultation is notified
 * or re-planned. Each alert goes once, however often the watch runs. A consultation with a recorded NOTICE
 * exemption is sent no breach: the shorter notice was decided, with its written reason, and shows in reports.
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
    private final Exemptions exemptions;
    private final NoticeService notices;
    private final OfficerAlerts alerts;
    private final Clock clock;

    NoticeWatch(ConsultationRepository consultations, RuleBook rules, Exemptions exemptions, NoticeService notices,
                OfficerAlerts alerts, Clock clock) {
        this.consultations = consultations;
        this.rules = rules;
        this.exemptions = exemptions;
        this.notices = notices;
        this.alerts = alerts;
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
            OfficerAlerts.About about = ConsultationSummary.of(c).about();
            if (today.isAfter(deadline)) {
                if (exemptions.of(c.getId()).contains(RuleId.NOTICE)) {
                    continue;
                }
                long week = ChronoUnit.WEEKS.between(deadline.plusDays(1), today);
                if (alerts.noticeBreach(about, c.getOpensOn(), deadline, week, rules.noticePeriodInWords(),
                        rules.earliestOpening(today))) {
                    breaches++;
                }
            } else if (!today.isBefore(deadline.minusDays(REMIND_DAYS_BEFORE))
                    && alerts.noticeDue(about, c.getOpensOn(), deadline, rules.noticePeriodInWords())) {
                reminders++;
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
