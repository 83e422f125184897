package org.compact.tracker.notice;

/** An organisation's one-click answer to a notice. */
public enum Reply {
    TAKING_PART("We will take part"),
    NOT_THIS_TIME("Not this time"),
    NEEDS_FORMAT("We need an accessible format or another language");

    private final String label;

    Reply(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
