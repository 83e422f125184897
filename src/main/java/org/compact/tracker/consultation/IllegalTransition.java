package org.compact.tracker.consultation;

import org.compact.tracker.support.Refusal;

import java.util.List;

/** A step the lifecycle does not allow from the current status: answered 409, naming that status. */
public class IllegalTransition extends Refusal {
    private final ConsultationStatus current;

    IllegalTransition(String action, ConsultationStatus current, String allowedFrom) {
        super(409, "Transition not allowed",
                "Cannot " + action + ": the consultation is " + current + " (" + action + " is allowed only from "
                        + allowedFrom + ").", List.of());
        this.current = current;
    }

    public ConsultationStatus current() {
        return current;
    }
}
