package org.compact.tracker.feedback;

import org.compact.tracker.consultation.ConsultationStatus;

import java.util.List;

/**
 * What a concern is about, with the words people see on the form. {@link #FORMAT_REQUEST} is not raised on a form: it is
 * what an organisation's answer "we need an accessible format or another language" to a notice becomes, kept, listed,
 * chased and answered with the concerns.
 */
public enum ConcernKind {
    NO_NOTICE("We did not get notice of this consultation, or it came too late"),
    NO_FEEDBACK("We have not had feedback on this consultation yet"),
    FORMAT_UNSUITABLE("The way we were asked to take part did not suit us"),
    OTHER("Something else"),
    FORMAT_REQUEST("We need an accessible format or another language"),
    /** A partner's comment on a consultation still being planned (seed 001: partners' comments at the planning stage). */
    PLANNING_COMMENT("A comment on the plans for this consultation");

    private final String label;

    ConcernKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a concern of this kind can be raised about a consultation in {@code status} (a comment only before it opens). */
    public boolean raisableAt(ConsultationStatus status) {
        return this != PLANNING_COMMENT || status == ConsultationStatus.PLANNED || status == ConsultationStatus.NOTIFIED;
    }

    /**
     * The kinds a person may choose on a form or send to the API for a consultation in {@code status}, in the order
     * shown (other kinds, such as requests made by a reply, are recorded by the service itself).
     */
    public static List<ConcernKind> raisable(ConsultationStatus status) {
        return List.of(NO_NOTICE, NO_FEEDBACK, FORMAT_UNSUITABLE, OTHER, PLANNING_COMMENT).stream()
                .filter(k -> k.raisableAt(status)).toList();
    }
}
