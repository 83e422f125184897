package org.compact.tracker.web.pages;

import org.compact.tracker.support.ConsultationEvent;
import org.compact.tracker.support.FieldError;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The officers' form's events box: one event a line, read back as it was written. */
class EventLinesTest {

    @Test
    void aLineWithDateTimesTitleVenueHelpAndDetailsIsOneEventAndWritesBackTheSame() {
        List<FieldError> errors = new ArrayList<>();
        List<ConsultationEvent> events = EventLines.read(
                "2027-04-14 18:30-20:00 | Public meeting | Ordsall Library, Ordsall Lane | Hearing loop, BSL interpreter | Tea\n"
                        + "\n2027-04-20 9:00–11:00 | Drop-in\n", errors);

        assertThat(errors).isEmpty();
        assertThat(events).hasSize(2);
        ConsultationEvent first = events.get(0);
        assertThat(first.startsAt()).isEqualTo(LocalDateTime.of(2027, 4, 14, 18, 30));
        assertThat(first.endsAt()).isEqualTo(LocalDateTime.of(2027, 4, 14, 20, 0));
        assertThat(first.venue()).isEqualTo("Ordsall Library, Ordsall Lane");
        assertThat(first.provisions()).containsExactly("HEARING_LOOP", "BSL_INTERPRETER");
        assertThat(first.details()).isEqualTo("Tea");
        assertThat(events.get(1).venue()).isNull();
        assertThat(EventLines.read(EventLines.write(events), errors)).isEqualTo(events);
    }

    @Test
    void aLineThatCannotBeReadIsNamedInTheErrors() {
        List<FieldError> errors = new ArrayList<>();
        EventLines.read("next Tuesday evening | Meeting", errors);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("events");
            assertThat(e.reason()).startsWith("line 1 must read");
        });
    }
}
