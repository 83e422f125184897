package org.compact.tracker.organisation;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryIndexTest {
    private static Organisation org(long id, String area, String interest, String community) {
        return new Organisation(id, 0L, "Group " + id, OrganisationKind.COMMUNITY_GROUP, List.of("g" + id + "@example.org"),
                List.of(area), List.of(interest), List.of(community), List.of(), List.of(), false, List.of(), MailFrequency.IMMEDIATE, Instant.EPOCH,
                Instant.EPOCH);
    }

    private final DirectoryIndex index = DirectoryIndex.of(List.of(
            org(1, "Ordsall", "housing", "OLDER_PEOPLE"),
            org(2, "Kersal", "youth services", "YOUNG_PEOPLE"),
            org(3, "Weaste and Seedley", "housing", "CARERS")));

    @Test
    void findsNamedOrganisationsAndThoseMatchingAnyAreaInterestOrCommunityOnce() {
        assertThat(index.targets(List.of(2L), List.of("ordsall"), List.of("Housing"), List.of()))
                .extracting(Organisation::id).containsExactly(1L, 2L, 3L);
    }

    @Test
    void matchesNamesWrittenWithSpacesHyphensOrUnderscoresAlike() {
        assertThat(index.targets(List.of(), List.of("weaste-and-seedley"), List.of(), List.of("older people")))
                .extracting(Organisation::id).containsExactly(1L, 3L);
    }

    @Test
    void targetsNothingWhenNothingIsAsked() {
        assertThat(index.targets(List.of(), List.of(), List.of(), List.of())).isEmpty();
        assertThat(index.targets(List.of(99L), List.of("Atlantis"), List.of(), List.of())).isEmpty();
    }
}
