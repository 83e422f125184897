package org.compact.tracker.organisation;

/**
 * An accessible format or kind of help an organisation needs to take part (seed 001: "accessible formats …
 * community languages"). The codes are the same as those of a consultation's provisions, so what an organisation
 * needs can be set beside what a consultation offers. Codes are stable: partners' scripts use them.
 */
public enum AccessFormat {
    EASY_READ("Easy read"),
    LARGE_PRINT("Large print"),
    BRAILLE("Braille"),
    AUDIO("Audio"),
    BSL_INTERPRETER("A British Sign Language interpreter at meetings"),
    HEARING_LOOP("A hearing loop at meetings"),
    TRANSLATION("Documents translated into our language"),
    INTERPRETER("A spoken-language interpreter at meetings"),
    ACCESSIBLE_VENUE("A step-free, accessible venue"),
    PAPER_OPTION("Paper copies and a paper form");

    private final String label;

    AccessFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
