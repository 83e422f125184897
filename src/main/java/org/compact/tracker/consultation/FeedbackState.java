package org.compact.tracker.consultation;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * What the register needs to know of a consultation's feedback for its checks (FEEDBACK, ACTION). Implemented by
 * the feedback feature, which depends on the register, not the other way round.
 */
public interface FeedbackState {
    /** When feedback was given, or null. */
    @Nullable
    LocalDate givenOn(long consultationId);

    /** The due dates of promised actions not yet done. */
    List<LocalDate> openActionDues(long consultationId);
}
