package org.compact.tracker.notice;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;

/** What the feedback mail says: what was heard, what was decided and why, and the actions promised. */
public record FeedbackContent(String youSaid, String weDid, String outcome, @Nullable String reasons,
                              @Nullable String reportUrl, @Nullable LocalDate decidedOn, List<String> actions) {
}
