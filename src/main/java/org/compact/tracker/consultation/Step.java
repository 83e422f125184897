package org.compact.tracker.consultation;

import org.compact.tracker.rules.RuleId;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The lifecycle, written once: each step a consultation can take, the statuses it may be taken from, the status it
 * leads to, the gate whose BLOCK rules refuse it, and the words the officers' pages and the API use for it. The
 * aggregate's transitions, the status enum, the pages, feedback and the API all read this table.
 */
public enum Step {
    /** Notice goes to the targeted organisations and the month's notice starts. */
    NOTIFY(EnumSet.of(ConsultationStatus.PLANNED), ConsultationStatus.NOTIFIED, RuleId.Gate.NOTIFY,
            "notify", "notify", "Send notice", ApiSummary.NOTIFY,
            "Notice is on its way. The progress below shows the mail as it goes."),
    /** Responses are taken from today. */
    OPEN(EnumSet.of(ConsultationStatus.NOTIFIED), ConsultationStatus.OPEN, RuleId.Gate.OPEN,
            "open", "open", "Open for responses", ApiSummary.OPEN,
            "The consultation is open for responses."),
    /** Responses stop; feedback falls due. */
    CLOSE(EnumSet.of(ConsultationStatus.OPEN), ConsultationStatus.CLOSED, RuleId.Gate.NONE,
            "close", "close", "Close", ApiSummary.CLOSE,
            "The consultation is closed. Feedback is now due."),
    /** Feedback recorded and mailed to everyone notified and everyone who took part. */
    GIVE_FEEDBACK(EnumSet.of(ConsultationStatus.CLOSED), ConsultationStatus.FEEDBACK_GIVEN, RuleId.Gate.FEEDBACK,
            "feedback", "give feedback", "Give feedback", ApiSummary.GIVE_FEEDBACK,
            "Feedback is recorded and is being emailed."),
    /** Stopped before it closed, with a reason told to everyone already notified. */
    WITHDRAW(EnumSet.of(ConsultationStatus.PLANNED, ConsultationStatus.NOTIFIED, ConsultationStatus.OPEN), ConsultationStatus.WITHDRAWN, RuleId.Gate.NONE,
            "withdraw", "withdraw", "Withdraw", ApiSummary.WITHDRAW,
            "The consultation is withdrawn.");

    /**
     * What the API's operations say of each step (annotations need constants): the step's from and to statuses and
     * the rules that must hold, as {@code StepTest} checks against the table.
     */
    public static final class ApiSummary {
        public static final String NOTIFY = "Send notice: PLANNED → NOTIFIED (PRIOR_WORK, INFLUENCE, DURATION must hold)";
        public static final String OPEN = "Open: NOTIFIED → OPEN (NOTICE must hold)";
        public static final String CLOSE = "Close: OPEN → CLOSED";
        public static final String GIVE_FEEDBACK =
                "Give feedback: CLOSED → FEEDBACK_GIVEN; mails everyone notified and every consenting participant";
        public static final String WITHDRAW = "Withdraw before closing, with a reason";

        private ApiSummary() {
        }
    }

    private final Set<ConsultationStatus> from;
    private final ConsultationStatus to;
    private final RuleId.Gate gate;
    private final String path;
    private final String action;
    private final String label;
    private final String apiSummary;
    private final String done;

    Step(Set<ConsultationStatus> from, ConsultationStatus to, RuleId.Gate gate, String path, String action,
         String label, String apiSummary, String done) {
        this.from = Set.copyOf(from);
        this.to = to;
        this.gate = gate;
        this.path = path;
        this.action = action;
        this.label = label;
        this.apiSummary = apiSummary;
        this.done = done;
    }

    /** The statuses the step may be taken from. */
    public Set<ConsultationStatus> from() {
        return from;
    }

    public ConsultationStatus to() {
        return to;
    }

    /** The gate whose BLOCK rules refuse the step when they fail without an exemption (NONE: no rule gates it). */
    public RuleId.Gate gate() {
        return gate;
    }

    /** The BLOCK rules that gate the step, in the catalogue's order. */
    public List<RuleId> gatingRules() {
        return gate == RuleId.Gate.NONE ? List.of() : Arrays.stream(RuleId.values())
                .filter(r -> r.kind() == RuleId.Kind.BLOCK && r.gate() == gate).toList();
    }

    /** The step's name in the officers' pages' addresses ({@code /consultations/{id}/notify}). */
    public String path() {
        return path;
    }

    /** The verb a refusal uses: "Cannot give feedback: …". */
    public String action() {
        return action;
    }

    /** What the button offering the step says. */
    public String label() {
        return label;
    }

    public String apiSummary() {
        return apiSummary;
    }

    /** What the officer is told once the step is taken. */
    public String done() {
        return done;
    }

    /** Whether the step cannot be undone and ends the consultation early (offered with a warning). */
    public boolean ends() {
        return to == ConsultationStatus.WITHDRAWN;
    }

    /** Refuses (409, naming {@code current}) unless the step may be taken from {@code current}. */
    public void requireFrom(ConsultationStatus current) {
        if (!from.contains(current)) {
            throw new IllegalTransition(action, current, Arrays.stream(ConsultationStatus.values())
                    .filter(from::contains).map(Enum::name).reduce((a, b) -> a + ", " + b).orElse(""));
        }
    }

    /** The steps that may be taken from {@code status}, in the table's order. */
    public static List<Step> from(ConsultationStatus status) {
        return Arrays.stream(values()).filter(s -> s.from.contains(status)).toList();
    }

    /** The step named {@code path} in the pages' addresses, if there is one. */
    public static Optional<Step> byPath(String path) {
        return Arrays.stream(values()).filter(s -> s.path.equals(path)).findFirst();
    }
}
