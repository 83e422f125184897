package org.compact.tracker.notice;

import java.util.List;

/** Whom a consultation asks: organisations by name (id), and those serving its areas, interests or communities. */
public record Targets(List<Long> organisationIds, List<String> areas, List<String> interests, List<String> communities) {
}
