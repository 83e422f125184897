package org.compact.tracker.feedback;

import org.compact.tracker.consultation.ConsultationStatus;
import org.compact.tracker.support.FieldError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which kinds a person may raise, and how a kind that does not fit the consultation is refused. */
class ConcernKindsTest {

    @Test
    void aPlanningCommentIsOfferedOnlyWhileTheConsultationIsPlannedOrNotified() {
        assertThat(ConcernKind.raisable(ConsultationStatus.PLANNED)).contains(ConcernKind.PLANNING_COMMENT);
        assertThat(ConcernKind.raisable(ConsultationStatus.NOTIFIED)).contains(ConcernKind.PLANNING_COMMENT);
        for (ConsultationStatus later : List.of(ConsultationStatus.OPEN, ConsultationStatus.CLOSED,
                ConsultationStatus.FEEDBACK_GIVEN)) {
            assertThat(ConcernKind.raisable(later)).as(later.name()).doesNotContain(ConcernKind.PLANNING_COMMENT)
                    .contains(ConcernKind.NO_NOTICE, ConcernKind.NO_FEEDBACK, ConcernKind.FORMAT_UNSUITABLE, ConcernKind.OTHER);
        }
    }

    @Test
    void aPlanningCommentOnAnOpenConsultationIsRefusedNamingKindAndWhy() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(ConcernService.kindOf("PLANNING_COMMENT", ConsultationStatus.OPEN, errors)).isNull();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("kind");
            assertThat(e.reason()).contains("planned or notified", "OPEN");
        });
    }

    @Test
    void anUnknownOrMissingKindIsNamedWithTheKindsThatWouldDo() {
        List<FieldError> errors = new ArrayList<>();
        ConcernService.kindOf("COMPLAINT", ConsultationStatus.PLANNED, errors);
        ConcernService.kindOf(" ", ConsultationStatus.PLANNED, errors);
        assertThat(errors).hasSize(2).allSatisfy(e -> {
            assertThat(e.field()).isEqualTo("kind");
            assertThat(e.reason()).contains("NO_NOTICE", "PLANNING_COMMENT");
        });
        assertThat(ConcernService.kindOf("no_notice", ConsultationStatus.CLOSED, new ArrayList<>()))
                .isEqualTo(ConcernKind.NO_NOTICE);
    }
}
