package org.compact.tracker.organisation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import org.compact.tracker.support.StringListConverter;

import java.time.Instant;
import java.util.List;

/**
 * One line of an organisation's change log: who changed its directory entry, when, by which way, which step it was
 * (a change of contacts through a link is held first, then confirmed and applied, or expires; a removal can be
 * undone), and each field with its value before and after ("areas: Ordsall → Ordsall, Langworthy").
 */
@MappedEntity("organisation_change")
public record OrganisationChange(
        @Id @GeneratedValue @Nullable Long id,
        Long organisationId,
        Instant at,
        String actor,
        Via via,
        Step step,
        @TypeDef(type = DataType.STRING, converter = StringListConverter.class) List<String> changes) {

    /** The way the change came in. */
    public enum Via {
        /** An officer or admin, through {@code /api/organisations}. */ API,
        /** The organisation itself, through the signed preferences link of its mail (JSON or the page). */ LINK,
        /** The service itself: a held change that was not confirmed in time. */ SERVICE
    }

    /** What the line records. */
    public enum Step {
        /** The entry was changed (every change of an officer, and every change through a link that needs no confirmation). */ APPLIED,
        /** A change adding contacts, held until each new address confirms it; nothing changed yet. */ HELD,
        /** A new address confirmed a held change (the APPLIED line that follows says what changed). */ CONFIRMED,
        /** A removed contact undid the change that removed it. */ UNDONE,
        /** A held change that was not confirmed in time: it never took effect. */ EXPIRED,
        /** A held change replaced by a newer one from a link before it was confirmed. */ SUPERSEDED
    }
}
