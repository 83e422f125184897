package org.compact.tracker.organisation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import org.compact.tracker.support.Refusal;
import org.compact.tracker.support.StringListConverter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A change of an organisation's contacts made through a link in its mail. Anyone holding a contact's link could
 * otherwise hand the organisation to an address of their choosing, so an address is added only when its owner
 * confirms it from the mail sent to it: each new address confirms for itself (an address nobody confirms is never
 * added, and one mistyped address does not hold the others back), and the contacts the change removes go with the
 * first confirmation, so the organisation is never left without a contact. A change that only removes contacts is
 * applied at once. Either way the removed contacts are mailed a link to undo it for {@link #UNDO_WITHIN}.
 */
@MappedEntity("contact_change")
public record ContactChange(
        @Id @GeneratedValue @Nullable Long id,
        @Version @Nullable Long version,
        Long organisationId,
        String requestedBy,
        Instant requestedAt,
        State state,
        @TypeDef(type = DataType.STRING, converter = StringListConverter.class) List<String> added,
        @TypeDef(type = DataType.STRING, converter = StringListConverter.class) List<String> removed,
        @TypeDef(type = DataType.STRING, converter = StringListConverter.class) List<String> confirmed,
        Instant confirmUntil,
        @Nullable Instant appliedAt,
        @Nullable Instant undoUntil,
        @Nullable Instant undoneAt) {

    /** How long a new address has to confirm. */
    public static final Duration CONFIRM_WITHIN = Duration.ofDays(7);
    /** How long a removed contact can undo the change that removed it. */
    public static final Duration UNDO_WITHIN = Duration.ofDays(30);

    /** Where a change stands. */
    public enum State {
        /** Waiting for a new address to confirm; nothing has changed yet. */ HELD,
        /** Some new addresses confirmed (they were added, the removed contacts went); others may still confirm. */ PARTLY_CONFIRMED,
        /** Made: every new address confirmed, or the time to confirm is over, or it only removed contacts. */ APPLIED,
        /** No new address confirmed in time: it never took effect. */ EXPIRED,
        /** Replaced by a newer change from a link before any new address confirmed: it never took effect. */ SUPERSEDED,
        /** A removed contact undid it: the contacts are as they were before it. */ UNDONE
    }

    /** A change adding {@code added} (and removing {@code removed} with the first confirmation), held from {@code now}. */
    static ContactChange held(long organisationId, String requestedBy, List<String> added, List<String> removed, Instant now) {
        return new ContactChange(null, null, organisationId, requestedBy, now, State.HELD, List.copyOf(added),
                List.copyOf(removed), List.of(), now.plus(CONFIRM_WITHIN), null, null, null);
    }

    /** A change that only removed contacts, made at once. */
    static ContactChange removal(long organisationId, String requestedBy, List<String> removed, Instant now) {
        return new ContactChange(null, null, organisationId, requestedBy, now, State.APPLIED, List.of(),
                List.copyOf(removed), List.of(), now, now, now.plus(UNDO_WITHIN), null);
    }

    /** The new addresses that have not confirmed yet. */
    public List<String> waiting() {
        return added.stream().filter(a -> !contains(confirmed, a)).toList();
    }

    /** Whether the new addresses can still confirm it. */
    public boolean open(Instant now) {
        return (state == State.HELD || state == State.PARTLY_CONFIRMED) && now.isBefore(confirmUntil);
    }

    /**
     * {@code address} confirms: it is added, and with the first confirmation the removed contacts go ({@code removedNow}:
     * those of them still contacts at that moment, which an undo puts back).
     */
    ContactChange confirm(String address, Instant now, List<String> removedNow) {
        if (state != State.HELD && state != State.PARTLY_CONFIRMED) {
            throw Refusal.conflict("This change of contacts " + inWords() + ", so it cannot be confirmed.");
        }
        if (!now.isBefore(confirmUntil)) {
            throw Refusal.conflict("This change of contacts was not confirmed in time, so it cannot be confirmed now.");
        }
        if (!contains(waiting(), address)) {
            throw Refusal.conflict(address + " has already confirmed this change.");
        }
        List<String> nowConfirmed = new ArrayList<>(confirmed);
        nowConfirmed.add(address);
        boolean first = appliedAt == null;
        State next = nowConfirmed.size() == added.size() ? State.APPLIED : State.PARTLY_CONFIRMED;
        List<String> gone = first ? List.copyOf(removedNow) : removed;
        return new ContactChange(id, version, organisationId, requestedBy, requestedAt, next, added, gone,
                List.copyOf(nowConfirmed), confirmUntil, first ? now : appliedAt,
                first && !gone.isEmpty() ? now.plus(UNDO_WITHIN) : undoUntil, null);
    }

    /** The time to confirm is over: a change nobody confirmed expires, a partly confirmed one stays as it is. */
    ContactChange expire() {
        return switch (state) {
            case HELD -> with(State.EXPIRED);
            case PARTLY_CONFIRMED -> with(State.APPLIED);
            default -> throw Refusal.conflict("This change of contacts " + inWords() + ", so it cannot expire.");
        };
    }

    /** A newer change from a link replaces it: the addresses still waiting can no longer confirm. */
    ContactChange supersede() {
        return switch (state) {
            case HELD -> with(State.SUPERSEDED);
            case PARTLY_CONFIRMED -> with(State.APPLIED);
            default -> throw Refusal.conflict("This change of contacts " + inWords() + ", so it cannot be replaced.");
        };
    }

    /** Whether a removed contact can still undo it. */
    public boolean undoable(Instant now) {
        return (state == State.APPLIED || state == State.PARTLY_CONFIRMED) && !removed.isEmpty() && appliedAt != null
                && undoUntil != null && now.isBefore(undoUntil);
    }

    /** A removed contact undoes it: the addresses still waiting can no longer confirm. */
    ContactChange undo(Instant now) {
        if (!undoable(now)) {
            throw Refusal.conflict(state == State.UNDONE ? "This change of contacts has already been undone."
                    : "This change of contacts " + inWords() + ", so it cannot be undone now.");
        }
        return new ContactChange(id, version, organisationId, requestedBy, requestedAt, State.UNDONE, added, removed,
                confirmed, confirmUntil, appliedAt, undoUntil, now);
    }

    private ContactChange with(State next) {
        return new ContactChange(id, version, organisationId, requestedBy, requestedAt, next, added, removed, confirmed,
                confirmUntil, appliedAt, undoUntil, undoneAt);
    }

    /** "was replaced by a newer one": where it stands, for a refusal. */
    String inWords() {
        return switch (state) {
            case HELD -> "is waiting for confirmation";
            case PARTLY_CONFIRMED -> "is partly confirmed";
            case APPLIED -> "has been made" + (undoUntil == null ? "" : " and the time to undo it is over");
            case EXPIRED -> "was not confirmed in time";
            case SUPERSEDED -> "was replaced by a newer one";
            case UNDONE -> "has been undone";
        };
    }

    static boolean contains(List<String> values, String wanted) {
        return values.stream().anyMatch(v -> v.equalsIgnoreCase(wanted));
    }

    static String lower(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
