package org.compact.tracker.web.pages;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.compact.tracker.consultation.ConsultationView;
import org.compact.tracker.security.Actor;
import org.compact.tracker.security.AgencyService;

import java.util.List;

/**
 * How the officers' pages name the agencies of a consultation: one agency, or a joint consultation's lead and
 * partners ("Salford City Council, with NHS Salford and Greater Manchester Police"), and the note a partner's
 * officer sees in their lists ("Joint, led by Salford City Council").
 */
@Singleton
class JointWording {
    private final AgencyService agencies;

    JointWording(AgencyService agencies) {
        this.agencies = agencies;
    }

    /** The consultation's agencies in words, its lead first. */
    String agencies(ConsultationView c) {
        String lead = name(c.agencyId());
        if (c.partnerAgencyIds().isEmpty()) {
            return lead;
        }
        return lead + " (leads it), with " + and(c.partnerAgencyIds().stream().map(this::name).toList());
    }

    /**
     * "Joint, led by …" for a joint consultation: for the lead's officers "Joint, with …" instead; null for a
     * consultation of one agency.
     */
    @Nullable
    String note(Actor actor, ConsultationView c) {
        if (c.partnerAgencyIds().isEmpty()) {
            return null;
        }
        if (actor.agencyId() != null && actor.agencyId().equals(c.agencyId())) {
            return "Joint, with " + and(c.partnerAgencyIds().stream().map(this::name).toList());
        }
        return "Joint, led by " + name(c.agencyId());
    }

    /** An agency an officer may tick as a partner of a joint consultation. */
    public record Choice(String id, String name, boolean checked) {
    }

    /** Every agency but the lead, by name, to tick as partners; {@code checked} are the ids ticked. */
    List<Choice> choices(@Nullable Long lead, List<String> checked) {
        return agencies.list().stream().filter(a -> !a.id().equals(lead))
                .sorted(java.util.Comparator.comparing(a -> a.name(), String.CASE_INSENSITIVE_ORDER))
                .map(a -> new Choice(String.valueOf(a.id()), a.name(), checked.contains(String.valueOf(a.id())))).toList();
    }

    /** The lead agency and the partners: the agencies whose officers read the consultation in full. */
    static List<Long> agencyIds(ConsultationView c) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(c.agencyId()), c.partnerAgencyIds().stream()).toList();
    }

    private String name(Long id) {
        return agencies.find(id).map(a -> a.name()).orElse("agency " + id);
    }

    static String and(List<String> names) {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
