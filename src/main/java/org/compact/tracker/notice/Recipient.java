package org.compact.tracker.notice;

import java.util.List;

/** A targeted organisation and its contacts, as the register resolved it. */
public record Recipient(long organisationId, String name, List<String> emails, boolean optedOut) {
}
