package org.compact.tracker.notice;

import java.util.List;

/**
 * A targeted organisation and its contacts, as the register resolved it; {@code languages} are those it recorded that
 * it needs (as typed: "Polish", "ur"), which pick the translations at the top of its notice.
 */
public record Recipient(long organisationId, String name, List<String> emails, boolean optedOut, List<String> languages) {

    public Recipient {
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** An organisation that recorded no language need. */
    public Recipient(long organisationId, String name, List<String> emails, boolean optedOut) {
        this(organisationId, name, emails, optedOut, List.of());
    }
}
