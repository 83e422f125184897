package org.compact.tracker.organisation;

import org.compact.tracker.consultation.Provision;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the change log writes for a change, and the format codes an organisation can say it needs. */
class OrganisationChangesTest {
    private static Organisation org(List<String> emails, List<String> areas, List<String> formats, boolean optOutAll,
                                    List<String> themes) {
        return new Organisation(1L, 0L, "Ordsall Tenants", OrganisationKind.COMMUNITY_GROUP, emails, areas,
                List.of("housing"), List.of(), formats, List.of(), optOutAll, themes, MailFrequency.IMMEDIATE, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void eachChangedFieldIsWrittenWithItsValueBeforeAndAfter() {
        Organisation before = org(List.of("a@example.org"), List.of("Ordsall"), List.of(), false, List.of());
        Organisation after = org(List.of("a@example.org", "b@example.org"), List.of(), List.of("LARGE_PRINT"), true,
                List.of("transport"));

        assertThat(OrganisationService.differences(before, after)).containsExactly(
                "emails: a@example.org \u2192 a@example.org, b@example.org",
                "areas: Ordsall \u2192 (none)",
                "formats: (none) \u2192 LARGE_PRINT",
                "optOut.all: no \u2192 yes",
                "optOut.themes: (none) \u2192 transport");
    }

    @Test
    void anUnchangedEntryHasNoDifferences() {
        Organisation o = org(List.of("a@example.org"), List.of("Ordsall"), List.of("BRAILLE"), false, List.of("transport"));
        assertThat(OrganisationService.differences(o, o)).isEmpty();
    }

    @Test
    void everyFormatAnOrganisationCanNeedIsAProvisionAConsultationCanOffer() {
        List<String> provisions = Arrays.stream(Provision.values()).map(Enum::name).toList();
        assertThat(Arrays.stream(AccessFormat.values()).map(Enum::name)).allMatch(provisions::contains);
    }
}
