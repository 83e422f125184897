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
 * One line of an organisation's change log: who changed its directory entry, when, by which way, and each field
 * with its value before and after ("areas: Ordsall → Ordsall, Langworthy").
 */
@MappedEntity("organisation_change")
public record OrganisationChange(
        @Id @GeneratedValue @Nullable Long id,
        Long organisationId,
        Instant at,
        String actor,
        Via via,
        @TypeDef(type = DataType.STRING, converter = StringListConverter.class) List<String> changes) {

    /** The way the change came in. */
    public enum Via {
        /** An officer or admin, through {@code /api/organisations}. */ API,
        /** The organisation itself, through the signed preferences link of its mail (JSON or the page). */ LINK
    }
}
