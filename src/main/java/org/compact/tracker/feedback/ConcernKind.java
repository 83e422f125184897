package org.compact.tracker.feedback;

/**
 * What an organisation's concern is about, with the words it sees on the form. {@link #FORMAT_REQUEST} is not raised
 * on the form: it is what an organisation's answer "we need an accessible format or another language" to a notice
 * becomes, kept, listed, chased and answered with the concerns.
 */
public enum ConcernKind {
    NO_NOTICE("We did not get notice of this consultation, or it came too late"),
    NO_FEEDBACK("We have not had feedback on this consultation yet"),
    FORMAT_UNSUITABLE("The way we were asked to take part did not suit us"),
    OTHER("Something else"),
    FORMAT_REQUEST("We need an accessible format or another language");

    private final String label;

    ConcernKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the concern form offers this kind (a format request comes from the answer to a notice instead). */
    public boolean raisedOnTheForm() {
        return this != FORMAT_REQUEST;
    }
}
