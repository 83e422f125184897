package org.compact.tracker.organisation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.compact.tracker.support.Codes;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;
import org.compact.tracker.support.Text;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Keeps the shared directory. The directory is small (hundreds to a few thousand groups per area), so targeting by
 * area, interest and community is done on the loaded list rather than in SQL.
 */
@Singleton
public class OrganisationService {
    private final OrganisationRepository organisations;
    private final Clock clock;
    private final org.compact.tracker.support.RegisterStamp stamp;

    OrganisationService(OrganisationRepository organisations, Clock clock, org.compact.tracker.support.RegisterStamp stamp) {
        this.organisations = organisations;
        this.clock = clock;
        this.stamp = stamp;
    }

    /** Refuses control characters in any text of the request, naming the field. */
    private static void plain(OrganisationRequest r) {
        Text.plain("name", r.name());
        Text.plain("kind", r.kind());
        Text.plain("emails", r.emails());
        Text.plain("areas", r.areas());
        Text.plain("interests", r.interests());
        Text.plain("communities", r.communities());
        if (r.optOut() != null) {
            Text.plain("optOut.themes", r.optOut().themes());
        }
    }

    @Transactional
    public Organisation register(OrganisationRequest r) {
        plain(r);
        List<FieldError> errors = new ArrayList<>();
        if (r.name() == null || r.name().isBlank()) {
            errors.add(FieldError.of("name", "must not be blank"));
        }
        OrganisationKind kind = Codes.parse(OrganisationKind.class, r.kind(), "kind");
        if (kind == null) {
            errors.add(FieldError.of("kind", "must be one of " + List.of(OrganisationKind.values())));
        }
        if (r.emails() == null || r.emails().isEmpty()) {
            errors.add(FieldError.of("emails", "at least one contact email is needed so the organisation can be notified"));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        Instant now = clock.instant();
        Organisation saved = organisations.save(new Organisation(null, null, r.name().trim(), kind, clean(r.emails()),
                clean(r.areas()), clean(r.interests()), clean(r.communities()),
                r.optOut() != null && Boolean.TRUE.equals(r.optOut().all()),
                r.optOut() == null ? List.of() : clean(r.optOut().themes()), now, now));
        stamp.moved();
        return saved;
    }

    @Transactional
    public Organisation update(Long id, OrganisationRequest r) {
        plain(r);
        Organisation o = get(id);
        if (r.name() != null && r.name().isBlank()) {
            throw Refusal.invalid("name", "must not be blank");
        }
        if (r.emails() != null && r.emails().isEmpty()) {
            throw Refusal.invalid("emails", "at least one contact email is needed so the organisation can be notified");
        }
        Organisation changed = new Organisation(o.id(), o.version(),
                r.name() == null ? o.name() : r.name().trim(),
                r.kind() == null ? o.kind() : Codes.parse(OrganisationKind.class, r.kind(), "kind"),
                r.emails() == null ? o.emails() : clean(r.emails()),
                r.areas() == null ? o.areas() : clean(r.areas()),
                r.interests() == null ? o.interests() : clean(r.interests()),
                r.communities() == null ? o.communities() : clean(r.communities()),
                r.optOut() == null || r.optOut().all() == null ? o.optOutAll() : r.optOut().all(),
                r.optOut() == null || r.optOut().themes() == null ? o.optOutThemes() : clean(r.optOut().themes()),
                o.createdAt(), clock.instant());
        try {
            Organisation saved = organisations.update(changed);
            stamp.moved();
            return saved;
        } catch (io.micronaut.data.exceptions.OptimisticLockException e) {
            throw Refusal.conflict("Someone else changed this organisation at the same moment: reload it and try again.");
        }
    }

    public Organisation get(Long id) {
        return organisations.findById(id).orElseThrow(() -> Refusal.notFound("organisation", id));
    }

    public List<Organisation> search(@Nullable String area, @Nullable String interest, @Nullable String community) {
        return organisations.listOrderByName().stream()
                .filter(o -> area == null || o.servesArea(area))
                .filter(o -> interest == null || o.hasInterest(interest))
                .filter(o -> community == null || o.represents(community))
                .toList();
    }

    /** The ids among {@code ids} that are not in the directory. */
    public List<Long> unknown(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> known = organisations.findByIdInList(List.copyOf(new LinkedHashSet<>(ids))).stream()
                .map(Organisation::id).toList();
        return ids.stream().filter(i -> !known.contains(i)).distinct().toList();
    }

    private static List<String> clean(@Nullable List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(Objects::nonNull).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
