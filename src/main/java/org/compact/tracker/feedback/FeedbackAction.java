package org.compact.tracker.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/** An action promised in feedback, with its owner (a username or an email) and due date, tracked to done (ACTION). */
@Serdeable
@MappedEntity("feedback_action")
public record FeedbackAction(
        @Id @GeneratedValue @Nullable Long id,
        Long consultationId,
        String what,
        String owner,
        LocalDate due,
        @Nullable LocalDate doneOn,
        @Nullable String doneBy,
        @Nullable String note) {
}
