package org.compact.tracker.notice;

import jakarta.inject.Singleton;
import org.compact.tracker.security.AgencyService;
import org.compact.tracker.security.AppUser;
import org.compact.tracker.security.UserService;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The alerts that keep officers to the Compact's dates, worded here and sent once each however often the watches run:
 * a notice deadline near or passed, a consultation held from opening, feedback due or overdue, an action overdue.
 * An alert goes to the lead officer (if the user still exists) and, for a breach, also to the agency's compliance
 * contact.
 */
@Singleton
public class OfficerAlerts {
    private final NoticeService notices;
    private final UserService users;
    private final AgencyService agencies;

    OfficerAlerts(NoticeService notices, UserService users, AgencyService agencies) {
        this.notices = notices;
        this.users = users;
        this.agencies = agencies;
    }

    /** The consultation an alert is about, as the register knows it. */
    public record About(long consultationId, String title, String leadOfficer, long agencyId) {
    }

    /**
     * NOTICE breach: notice was not sent by {@code deadline} for a consultation opening on {@code opensOn}; mailed
     * again each {@code week} after. False when this week's was already sent.
     */
    public boolean noticeBreach(About c, LocalDate opensOn, LocalDate deadline, long week, String noticePeriod,
                                LocalDate earliestOpening) {
        return notices.alertOnce(c.consultationId(), "NOTICE_BREACH", deadline + "-w" + week, to(c, true),
                "NOTICE breach: " + c.title(),
                "The consultation \"" + c.title() + "\" (id " + c.consultationId() + ") opens on " + opensOn
                        + ", but notice was not sent by " + deadline + ". Third-sector organisations are owed at "
                        + "least " + noticePeriod + " of notice (rule NOTICE of the local Compact).\n\n"
                        + "Either move the open date to " + earliestOpening + " or later, or send notice "
                        + "now and record a NOTICE exemption with the reason before it opens.");
    }

    /** The notice deadline is near: the lead officer is reminded to notify by {@code deadline}. */
    public boolean noticeDue(About c, LocalDate opensOn, LocalDate deadline, String noticePeriod) {
        List<String> officer = to(c, false);
        return !officer.isEmpty() && notices.alertOnce(c.consultationId(), "NOTICE_DUE", deadline.toString(), officer,
                "Send notice by " + deadline + ": " + c.title(),
                "The consultation \"" + c.title() + "\" (id " + c.consultationId() + ") opens on " + opensOn
                        + ". To give organisations their full notice (" + noticePeriod + "), notify them by " + deadline
                        + " (POST /api/consultations/" + c.consultationId() + "/notify).");
    }

    /**
     * Held from opening on its open date: by NOTICE (an organisation notified has not had the whole period from its
     * own receipt) or DURATION (too little time left to its close date). Mailed to the lead officer once per rule and
     * date (the open date for NOTICE, the close date for DURATION): moving it is a new hold worth a new alert.
     */
    public void openHeld(About c, String rule, LocalDate opensOn, LocalDate closesOn, String reason) {
        List<String> officer = to(c, false);
        if (!officer.isEmpty()) {
            boolean notice = "NOTICE".equals(rule);
            notices.alertOnce(c.consultationId(), "OPEN_HELD", rule + "-" + (notice ? opensOn : closesOn), officer,
                    "Not opened: " + c.title(),
                    "The consultation \"" + c.title() + "\" (id " + c.consultationId() + ") was due to open on "
                            + opensOn + " but has not been opened (rule " + rule + " of the local Compact). " + reason
                            + (notice ? "\n\nIt opens by itself on the first day every organisation notified has had "
                            + "its full notice; to open sooner, record a NOTICE exemption with the reason."
                            : "\n\nThe service tries again every hour."));
        }
    }

    /** Feedback due by {@code due} (a reminder), or overdue (a FEEDBACK breach); {@code key} makes each one once. */
    public boolean feedbackChase(About c, boolean breach, LocalDate due, String key) {
        List<String> to = to(c, breach);
        String subject = (breach ? "FEEDBACK breach: " : "Feedback due by " + due + ": ") + c.title();
        String text = breach
                ? "Feedback on \"" + c.title() + "\" (id " + c.consultationId() + ") was due by " + due + " and has not "
                + "been given. Everyone notified and everyone who took part is owed feedback, even when nothing "
                + "changed (rule FEEDBACK of the local Compact). Record it with POST /api/consultations/"
                + c.consultationId() + "/feedback."
                : "Feedback on \"" + c.title() + "\" (id " + c.consultationId() + ") is due by " + due
                + ": what was heard, what was decided, and why.";
        return !to.isEmpty() && notices.alertOnce(c.consultationId(), breach ? "FEEDBACK_BREACH" : "FEEDBACK_DUE", key,
                to, subject, text);
    }

    /**
     * Feedback due today: still on time, so the lead officer alone is told (a breach, to the compliance contact too,
     * follows only from the day after). {@code key} makes it once.
     */
    public boolean feedbackDueToday(About c, LocalDate due, String key) {
        List<String> to = to(c, false);
        return !to.isEmpty() && notices.alertOnce(c.consultationId(), "FEEDBACK_DUE", key, to,
                "Feedback due today: " + c.title(),
                "Feedback on \"" + c.title() + "\" (id " + c.consultationId() + ") is due today, " + due
                        + ". Given today it is on time; from tomorrow it is a breach of rule FEEDBACK of the local "
                        + "Compact, reported to the agency's compliance contact. Record what was heard, what was "
                        + "decided and why with POST /api/consultations/" + c.consultationId() + "/feedback.");
    }

    /**
     * An organisation answered the notice that it needs an accessible format or another language: the lead officer
     * (or, without an address, the agency's compliance contact) is told at once, with what the organisation wrote and
     * the needs it has recorded, and how to answer. Once per request.
     */
    public void formatRequest(About c, long requestId, String organisation, String contact, String text,
                              List<String> recorded) {
        List<String> to = to(c, false);
        if (to.isEmpty()) {
            to = to(c, true);
        }
        if (to.isEmpty()) {
            return;
        }
        notices.alertOnce(c.consultationId(), "FORMAT_REQUEST", String.valueOf(requestId), to,
                "Format request from " + organisation + ": " + c.title(),
                organisation + " (" + contact + ") answered the notice of \"" + c.title() + "\" (id "
                        + c.consultationId() + "): they need an accessible format or another language to take part."
                        + "\n\nWhat they wrote:\n\n" + text + "\n\n"
                        + (recorded.isEmpty() ? "They have recorded no format or language in the directory."
                        : "What they have recorded that they need: " + String.join("; ", recorded) + ".")
                        + "\n\nAnswer them on the consultation's concerns page (/consultations/" + c.consultationId()
                        + "/concerns), or with POST /api/consultations/" + c.consultationId() + "/concerns/" + requestId
                        + "/answer. Your answer is mailed to " + contact + ".");
    }

    /**
     * A promised action overdue, weekly to its owner ({@code owner} an address, or a user's name); false when the
     * owner has no address or this week's was already sent.
     */
    public boolean actionOverdue(long consultationId, long actionId, String what, String owner, LocalDate due,
                                 long week) {
        String address = owner.contains("@") ? owner : users.findByUsername(owner).map(AppUser::email).orElse(null);
        if (address == null) {
            return false;
        }
        return notices.alertOnce(consultationId, "ACTION_OVERDUE", actionId + ":w" + week, List.of(address),
                "Overdue action: " + what,
                "The action \"" + what + "\", promised in the feedback on consultation " + consultationId
                        + ", was due on " + due + ". Mark it done when it is (PATCH /api/consultations/"
                        + consultationId + "/actions/" + actionId + ").");
    }

    /**
     * A new concern (or comment, or request), once: to the lead officer and the agency's compliance contact, with who
     * raised it and what they said, so that someone answers it.
     */
    public boolean concernRaised(About c, long concernId, String kindLabel, String from, String text) {
        return notices.alertOnce(c.consultationId(), "CONCERN_RAISED", String.valueOf(concernId), to(c, true),
                "New concern: " + c.title(),
                "A concern (reference " + concernId + ") was raised about the consultation \"" + c.title() + "\" (id "
                        + c.consultationId() + ") by " + from + ".\n\nWhat it is about: " + kindLabel
                        + "\n\nWhat they said:\n\n" + text + "\n\nAnswer it on the consultation's concerns page, or with "
                        + "POST /api/consultations/" + c.consultationId() + "/concerns/" + concernId + "/answer. The "
                        + "answer is mailed to them. Unanswered, it is chased after 7 days and goes to the compliance "
                        + "contact after 14.");
    }

    /**
     * An open concern (or request) still unanswered after {@code days} whole days: a reminder to the lead officer
     * ({@code escalate} false, from 7 days), or to the officer and the agency's compliance contact ({@code escalate}
     * true, from 14 days and weekly after). {@code step} makes each one once; false when already sent or no one to send to.
     */
    public boolean concernUnanswered(About c, long concernId, String kindLabel, long days, String step, boolean escalate) {
        List<String> to = to(c, escalate);
        return !to.isEmpty() && notices.alertOnce(c.consultationId(), "CONCERN_CHASE", concernId + ":" + step, to,
                (escalate ? "Concern unanswered for " : "Please answer a concern open ") + days + " days: " + c.title(),
                "The concern with reference " + concernId + " about the consultation \"" + c.title() + "\" (id "
                        + c.consultationId() + ": " + kindLabel + ") has been open for " + days + " days without an "
                        + "answer." + (escalate ? " As it is 14 days or more, the agency's compliance contact is told as "
                        + "well, and will be every week until it is answered." : "")
                        + "\n\nAnswer it with POST /api/consultations/" + c.consultationId() + "/concerns/" + concernId
                        + "/answer (or on the consultation's concerns page); the answer is mailed to whoever raised it.");
    }

    private List<String> to(About c, boolean escalate) {
        List<String> to = new ArrayList<>();
        users.findByUsername(c.leadOfficer()).map(AppUser::email).ifPresent(to::add);
        if (escalate) {
            agencies.find(c.agencyId()).map(a -> a.complianceContactEmail()).ifPresent(to::add);
        }
        return to;
    }
}
