package org.compact.tracker.consultation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The whole transition table, without the container: the legal path and every illegal jump. */
class ConsultationStatusTest {
    private static final LocalDate DAY = LocalDate.of(2027, 3, 1);

    /** Each transition method and the status it leads to. */
    private static final Map<ConsultationStatus, Consumer<Consultation>> STEPS = Map.of(
            ConsultationStatus.NOTIFIED, c -> c.markNotified(Instant.parse("2027-03-01T09:00:00Z"), DAY),
            ConsultationStatus.OPEN, c -> c.markOpened(DAY),
            ConsultationStatus.CLOSED, c -> c.markClosed(DAY),
            ConsultationStatus.FEEDBACK_GIVEN, Consultation::markFeedbackGiven,
            ConsultationStatus.WITHDRAWN, c -> c.markWithdrawn(DAY, "The scheme was cancelled."));

    private static final Map<ConsultationStatus, Set<ConsultationStatus>> LEGAL = Map.of(
            ConsultationStatus.PLANNED, EnumSet.of(ConsultationStatus.NOTIFIED, ConsultationStatus.WITHDRAWN),
            ConsultationStatus.NOTIFIED, EnumSet.of(ConsultationStatus.OPEN, ConsultationStatus.WITHDRAWN),
            ConsultationStatus.OPEN, EnumSet.of(ConsultationStatus.CLOSED, ConsultationStatus.WITHDRAWN),
            ConsultationStatus.CLOSED, EnumSet.of(ConsultationStatus.FEEDBACK_GIVEN),
            ConsultationStatus.FEEDBACK_GIVEN, EnumSet.noneOf(ConsultationStatus.class),
            ConsultationStatus.WITHDRAWN, EnumSet.noneOf(ConsultationStatus.class));

    @Test
    void walksTheLegalPathFromPlannedToFeedbackGiven() {
        Consultation c = in(ConsultationStatus.PLANNED);
        c.markNotified(Instant.parse("2027-01-04T09:00:00Z"), LocalDate.of(2027, 1, 4));
        c.markOpened(LocalDate.of(2027, 2, 4));
        c.markClosed(LocalDate.of(2027, 4, 30));
        c.markFeedbackGiven();
        assertEquals(ConsultationStatus.FEEDBACK_GIVEN, c.getStatus());
        assertEquals(LocalDate.of(2027, 1, 4), c.getNotifiedOn());
        assertEquals(LocalDate.of(2027, 2, 4), c.getOpenedOn());
        assertEquals(LocalDate.of(2027, 4, 30), c.getClosedOn());
    }

    @ParameterizedTest
    @EnumSource(ConsultationStatus.class)
    void allowsExactlyTheLegalStepsFrom(ConsultationStatus from) {
        for (ConsultationStatus to : STEPS.keySet()) {
            Consultation c = in(from);
            if (LEGAL.get(from).contains(to)) {
                STEPS.get(to).accept(c);
                assertEquals(to, c.getStatus(), from + " → " + to);
            } else {
                assertThatThrownBy(() -> STEPS.get(to).accept(c))
                        .as(from + " → " + to)
                        .isInstanceOf(IllegalTransition.class)
                        .hasMessageContaining("the consultation is " + from);
                assertEquals(from, c.getStatus(), "a refused step changes nothing");
            }
        }
        assertEquals(LEGAL.get(from), from.next());
    }

    @Test
    void aRefusalSaysFromWhichStatusesTheStepIsAllowed() {
        assertThatThrownBy(() -> in(ConsultationStatus.CLOSED).markOpened(DAY))
                .hasMessage("Cannot open: the consultation is CLOSED (open is allowed only from NOTIFIED).");
        assertThatThrownBy(() -> in(ConsultationStatus.FEEDBACK_GIVEN).markWithdrawn(DAY, "x"))
                .hasMessageContaining("PLANNED, NOTIFIED, OPEN");
    }

    @ParameterizedTest
    @EnumSource(value = ConsultationStatus.class, names = {"CLOSED", "FEEDBACK_GIVEN", "WITHDRAWN"})
    void detailsCannotChangeOnceClosedOrWithdrawn(ConsultationStatus status) {
        assertThatThrownBy(() -> in(status).requireEditable()).isInstanceOf(IllegalTransition.class);
        assertThat(ConsultationStatus.LIVE).doesNotContain(status);
    }

    /** A consultation brought to {@code status} the only way there is: by walking the real transitions. */
    private static Consultation in(ConsultationStatus status) {
        Consultation c = Consultation.planned(1L, "olivia", "olivia", Instant.parse("2027-01-04T09:00:00Z"));
        if (status == ConsultationStatus.WITHDRAWN) {
            STEPS.get(ConsultationStatus.WITHDRAWN).accept(c);
        }
        for (ConsultationStatus next : List.of(ConsultationStatus.NOTIFIED, ConsultationStatus.OPEN,
                ConsultationStatus.CLOSED, ConsultationStatus.FEEDBACK_GIVEN)) {
            if (c.getStatus() == status) {
                break;
            }
            STEPS.get(next).accept(c);
        }
        return c;
    }
}
