package org.compact.tracker.organisation;

/**
 * An accessible format or kind of help an organisation needs to take part (seed 001: "accessible formats …
 * community languages"). The codes are the same as those of a consultation's provisions, so what an organisation
 * needs can be set beside what a consultation offers. Codes are stable: partners' scripts use them.
 */
public enum AccessFormat {
    EASY_READ("Easy read", "easy-read documents"),
    LARGE_PRINT("Large print", "large print"),
    BRAILLE("Braille", "Braille"),
    AUDIO("Audio", "audio versions"),
    BSL_INTERPRETER("A British Sign Language interpreter at meetings", "a British Sign Language interpreter at meetings"),
    HEARING_LOOP("A hearing loop at meetings", "a hearing loop at meetings"),
    TRANSLATION("Documents translated into our language", "documents translated into its language"),
    INTERPRETER("A spoken-language interpreter at meetings", "a spoken-language interpreter at meetings"),
    ACCESSIBLE_VENUE("A step-free, accessible venue", "a step-free, accessible venue"),
    PAPER_OPTION("Paper copies and a paper form", "paper copies and a paper form");

    private final String label;
    private final String need;

    AccessFormat(String label, String need) {
        this.label = label;
        this.need = need;
    }

    /** The need as words that follow "it needs" in a sentence about the organisation (the METHODS check's reason). */
    public String need() {
        return need;
    }

    public String label() {
        return label;
    }
}
