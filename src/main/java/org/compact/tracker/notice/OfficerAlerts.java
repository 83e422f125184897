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

    private List<String> to(About c, boolean escalate) {
        List<String> to = new ArrayList<>();
        users.findByUsername(c.leadOfficer()).map(AppUser::email).ifPresent(to::add);
        if (escalate) {
            agencies.find(c.agencyId()).map(a -> a.complianceContactEmail()).ifPresent(to::add);
        }
        return to;
    }
}
