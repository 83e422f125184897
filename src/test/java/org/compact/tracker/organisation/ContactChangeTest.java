package org.compact.tracker.organisation;

import org.compact.tracker.support.Refusal;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The steps of a change of contacts made through a link, without the container: the legal paths and each refusal. */
class ContactChangeTest {
    private static final Instant NOW = Instant.parse("2027-01-04T09:00:00Z");

    private static ContactChange held() {
        return ContactChange.held(1, "secretary@a.example", List.of("chair@a.example", "treasurer@a.example"),
                List.of("secretary@a.example"), NOW);
    }

    @Test
    void eachNewAddressConfirmsForItselfAndTheRemovedContactsGoWithTheFirst() {
        ContactChange first = held().confirm("chair@a.example", NOW.plusSeconds(60), List.of("secretary@a.example"));
        assertThat(first.state()).isEqualTo(ContactChange.State.PARTLY_CONFIRMED);
        assertThat(first.waiting()).containsExactly("treasurer@a.example");
        assertThat(first.appliedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(first.undoUntil()).isEqualTo(NOW.plusSeconds(60).plus(Duration.ofDays(30)));

        ContactChange both = first.confirm("TREASURER@a.example", NOW.plusSeconds(120), List.of());
        assertThat(both.state()).isEqualTo(ContactChange.State.APPLIED);
        assertThat(both.appliedAt()).as("applied with the first confirmation").isEqualTo(NOW.plusSeconds(60));
        assertThat(both.waiting()).isEmpty();
    }

    @Test
    void anAddressConfirmsOnceAndOnlyWhileTheChangeWaits() {
        ContactChange first = held().confirm("chair@a.example", NOW, List.of());
        assertThatThrownBy(() -> first.confirm("chair@a.example", NOW, List.of())).isInstanceOf(Refusal.class)
                .hasMessageContaining("already confirmed");
        assertThatThrownBy(() -> held().confirm("chair@a.example", NOW.plus(Duration.ofDays(7)), List.of()))
                .isInstanceOf(Refusal.class).hasMessageContaining("not confirmed in time");
        for (ContactChange ended : List.of(held().expire(), held().supersede(),
                held().confirm("chair@a.example", NOW, List.of("secretary@a.example")).undo(NOW))) {
            assertThatThrownBy(() -> ended.confirm("treasurer@a.example", NOW, List.of()))
                    .as(ended.state().name()).isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).status())
                    .isEqualTo(409);
        }
    }

    @Test
    void anUnconfirmedChangeExpiresOrIsReplacedAndAPartlyConfirmedOneKeepsWhatWasConfirmed() {
        assertThat(held().expire().state()).isEqualTo(ContactChange.State.EXPIRED);
        assertThat(held().supersede().state()).isEqualTo(ContactChange.State.SUPERSEDED);
        ContactChange partly = held().confirm("chair@a.example", NOW, List.of());
        assertThat(partly.expire().state()).isEqualTo(ContactChange.State.APPLIED);
        assertThat(partly.supersede().state()).isEqualTo(ContactChange.State.APPLIED);
        assertThatThrownBy(() -> held().expire().expire()).isInstanceOf(Refusal.class);
    }

    @Test
    void aRemovalIsUndoneOnceWithinThirtyDaysAndAChangeThatRemovedNobodyCannotBeUndone() {
        ContactChange removal = ContactChange.removal(1, "secretary@a.example", List.of("chair@a.example"), NOW);
        assertThat(removal.undoable(NOW.plus(Duration.ofDays(30)).minusSeconds(1))).isTrue();
        assertThat(removal.undoable(NOW.plus(Duration.ofDays(30)))).isFalse();
        ContactChange undone = removal.undo(NOW.plusSeconds(5));
        assertThat(undone.state()).isEqualTo(ContactChange.State.UNDONE);
        assertThatThrownBy(() -> undone.undo(NOW.plusSeconds(6))).isInstanceOf(Refusal.class)
                .hasMessageContaining("already been undone");
        assertThatThrownBy(() -> held().undo(NOW)).as("nothing was applied yet").isInstanceOf(Refusal.class);
        ContactChange addedOnly = ContactChange.held(1, "s@a.example", List.of("c@a.example"), List.of(), NOW)
                .confirm("c@a.example", NOW, List.of());
        assertThat(addedOnly.undoable(NOW)).isFalse();
    }
}
