package org.compact.tracker.feedback;

/** What an organisation's concern is about, with the words it sees on the form. */
public enum ConcernKind {
    NO_NOTICE("We did not get notice of this consultation, or it came too late"),
    NO_FEEDBACK("We have not had feedback on this consultation yet"),
    FORMAT_UNSUITABLE("The way we were asked to take part did not suit us"),
    OTHER("Something else");

    private final String label;

    ConcernKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
