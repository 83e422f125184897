package org.compact.tracker.consultation;

/**
 * What the consultation offers so that its audiences can take part: accessible formats, languages, venues,
 * meeting times and expenses (seed 001 Public Sector commitments; seed 003 "meetings at times convenient … offer
 * expenses"). Codes are stable: partners' scripts use them.
 */
public enum Provision {
    /** Easy-read versions of documents. */ EASY_READ,
    LARGE_PRINT, BRAILLE, AUDIO,
    /** British Sign Language interpretation at meetings. */ BSL_INTERPRETER,
    HEARING_LOOP,
    /** Documents translated into community languages (name them in {@code languages}). */ TRANSLATION,
    /** Spoken-language interpreters at meetings. */ INTERPRETER,
    /** Step-free, accessible venues with accessible toilets. */ ACCESSIBLE_VENUE,
    /** Venues in the neighbourhoods concerned, known to the community. */ LOCAL_VENUE,
    EVENING_MEETINGS, WEEKEND_MEETINGS, DAYTIME_MEETINGS, CHILDCARE,
    /** Replacement care so that carers can attend. */ REPLACEMENT_CARE,
    /** Travel and out-of-pocket expenses paid to volunteers and community representatives. */ EXPENSES,
    ONLINE_OPTION, PAPER_OPTION,
    /** Formats designed with and for young people. */ YOUTH_FORMAT,
    /** A support worker or advocate can attend with a participant. */ SUPPORT_WORKER
}
