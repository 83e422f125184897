package org.compact.tracker.organisation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.compact.tracker.support.EnumCodes;
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
 * area, interest and community is done on the loaded list rather than in SQL: {@link KeptDirectory} keeps it indexed
 * under the directory's stamp, which every change here moves; each change also tells the {@link DirectoryWatch}es.
 */
@Singleton
public class OrganisationService {
    private final OrganisationRepository organisations;
    private final OrganisationChangeRepository changes;
    private final Clock clock;
    private final org.compact.tracker.support.RegisterStamp stamp;
    private final org.compact.tracker.support.ConsultationStamps stamps;
    private final List<DirectoryWatch> watches;

    OrganisationService(OrganisationRepository organisations, OrganisationChangeRepository changes, Clock clock,
                        org.compact.tracker.support.RegisterStamp stamp,
                        org.compact.tracker.support.ConsultationStamps stamps, List<DirectoryWatch> watches) {
        this.organisations = organisations;
        this.changes = changes;
        this.clock = clock;
        this.stamp = stamp;
        this.stamps = stamps;
        this.watches = watches;
    }

    /**
     * Refuses line breaks, control characters and invisible formatting in any text of the request, naming the field:
     * each is a name or label on one line (mail subjects, the directory's CSV and pages show them).
     */
    private static void plain(OrganisationRequest r) {
        Text.singleLine("name", r.name());
        Text.singleLine("kind", r.kind());
        Text.singleLine("emails", r.emails());
        Text.singleLine("areas", r.areas());
        Text.singleLine("interests", r.interests());
        Text.singleLine("communities", r.communities());
        Text.singleLine("formats", r.formats());
        Text.singleLine("languages", r.languages());
        if (r.optOut() != null) {
            Text.singleLine("optOut.themes", r.optOut().themes());
        }
    }

    /** Adds an organisation to the directory, and a "created" line to its change log naming {@code actor}. */
    @Transactional
    public Organisation register(OrganisationRequest r, String actor) {
        plain(r);
        List<FieldError> errors = new ArrayList<>();
        if (r.name() == null || r.name().isBlank()) {
            errors.add(FieldError.of("name", "must not be blank"));
        }
        OrganisationKind kind = EnumCodes.parse(OrganisationKind.class, r.kind(), "kind");
        if (kind == null) {
            errors.add(FieldError.of("kind", "must be one of " + List.of(OrganisationKind.values())));
        }
        if (r.emails() == null || r.emails().isEmpty()) {
            errors.add(FieldError.of("emails", "at least one contact email is needed so the organisation can be notified"));
        }
        List<String> formats = formats(r.formats());
        refused(errors, () -> mail(r.mail(), null));
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        Instant now = clock.instant();
        Organisation o = organisations.save(new Organisation(null, null, r.name().trim(), kind, clean(r.emails()),
                clean(r.areas()), clean(r.interests()), clean(r.communities()), formats, clean(r.languages()),
                r.optOut() != null && Boolean.TRUE.equals(r.optOut().all()),
                r.optOut() == null ? List.of() : clean(r.optOut().themes()), mail(r.mail(), MailFrequency.IMMEDIATE),
                now, now));
        changes.save(new OrganisationChange(null, o.id(), now, actor, OrganisationChange.Via.API,
                OrganisationChange.Step.APPLIED, List.of("created")));
        stamp.moved();
        stamps.directoryMoved();
        watches.forEach(w -> w.changed(o.id()));
        return o;
    }

    /**
     * Changes an entry: absent fields stay as they are, an empty list clears one (but not {@code emails}). Each
     * change is logged with its fields before and after, who made it ({@code actor}) and how ({@code via}), in the
     * same transaction; a request that changes nothing writes nothing.
     */
    @Transactional
    public Organisation update(Long id, OrganisationRequest r, String actor, OrganisationChange.Via via) {
        Organisation o = get(id);
        List<FieldError> problems = problems(r);
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        Organisation changed = new Organisation(o.id(), o.version(),
                r.name() == null ? o.name() : r.name().trim(),
                r.kind() == null ? o.kind() : EnumCodes.parse(OrganisationKind.class, r.kind(), "kind"),
                r.emails() == null ? o.emails() : clean(r.emails()),
                r.areas() == null ? o.areas() : clean(r.areas()),
                r.interests() == null ? o.interests() : clean(r.interests()),
                r.communities() == null ? o.communities() : clean(r.communities()),
                r.formats() == null ? o.formats() : formats(r.formats()),
                r.languages() == null ? o.languages() : clean(r.languages()),
                r.optOut() == null || r.optOut().all() == null ? o.optOutAll() : r.optOut().all(),
                r.optOut() == null || r.optOut().themes() == null ? o.optOutThemes() : clean(r.optOut().themes()),
                mail(r.mail(), o.mail()), o.createdAt(), clock.instant());
        List<String> lines = differences(o, changed);
        if (lines.isEmpty()) {
            return o;
        }
        try {
            Organisation saved = organisations.update(changed);
            changes.save(new OrganisationChange(null, id, changed.updatedAt(), actor, via, OrganisationChange.Step.APPLIED,
                    lines));
            stamp.moved();
            stamps.directoryMoved();
            watches.forEach(w -> w.changed(saved.id()));
            return saved;
        } catch (io.micronaut.data.exceptions.OptimisticLockException e) {
            throw Refusal.conflict("Someone else changed this organisation at the same moment: reload it and try again.");
        }
    }

    /**
     * Sets the contacts of {@code o} (as it was read, so a change made in between is refused: 409) and logs the
     * difference, then the lines {@code more}, as {@code step} by {@code actor}, in the caller's transaction.
     */
    Organisation replaceContacts(Organisation o, List<String> emails, String actor, OrganisationChange.Via via,
                                 OrganisationChange.Step step, List<String> more) {
        Organisation changed = new Organisation(o.id(), o.version(), o.name(), o.kind(), List.copyOf(emails), o.areas(),
                o.interests(), o.communities(), o.formats(), o.languages(), o.optOutAll(), o.optOutThemes(), o.mail(),
                o.createdAt(), clock.instant());
        List<String> lines = new ArrayList<>(differences(o, changed));
        if (lines.isEmpty()) {
            return o;
        }
        lines.addAll(more);
        try {
            Organisation saved = organisations.update(changed);
            changes.save(new OrganisationChange(null, o.id(), changed.updatedAt(), actor, via, step, lines));
            stamp.moved();
            stamps.directoryMoved();
            watches.forEach(w -> w.changed(saved.id()));
            return saved;
        } catch (io.micronaut.data.exceptions.OptimisticLockException e) {
            throw Refusal.conflict("Someone else changed this organisation at the same moment: reload it and try again.");
        }
    }

    /** Writes a line of the change log that records a step other than a change applied. */
    void log(long organisationId, String actor, OrganisationChange.Via via, OrganisationChange.Step step,
             List<String> lines) {
        changes.save(new OrganisationChange(null, organisationId, clock.instant(), actor, via, step, lines));
    }

    /**
     * Everything in a change that the service refuses, all at once (a form shows them together): line breaks, control
     * characters or invisible formatting in any text, a blank name, no contact left, an unknown kind or format code. Empty when the change can be made.
     */
    public List<FieldError> problems(OrganisationRequest r) {
        List<FieldError> errors = new ArrayList<>();
        refused(errors, () -> Text.singleLine("name", r.name()));
        refused(errors, () -> Text.singleLine("kind", r.kind()));
        refused(errors, () -> Text.singleLine("emails", r.emails()));
        refused(errors, () -> Text.singleLine("areas", r.areas()));
        refused(errors, () -> Text.singleLine("interests", r.interests()));
        refused(errors, () -> Text.singleLine("communities", r.communities()));
        refused(errors, () -> Text.singleLine("formats", r.formats()));
        refused(errors, () -> Text.singleLine("languages", r.languages()));
        refused(errors, () -> Text.singleLine("optOut.themes", r.optOut() == null ? null : r.optOut().themes()));
        if (r.name() != null && r.name().isBlank()) {
            errors.add(FieldError.of("name", "must not be blank"));
        }
        if (r.emails() != null && clean(r.emails()).isEmpty()) {
            errors.add(FieldError.of("emails", "at least one contact email is needed so the organisation can be notified"));
        }
        refused(errors, () -> EnumCodes.parse(OrganisationKind.class, r.kind(), "kind"));
        refused(errors, () -> formats(r.formats()));
        refused(errors, () -> mail(r.mail(), null));
        return errors;
    }

    private static void refused(List<FieldError> errors, Runnable check) {
        try {
            check.run();
        } catch (Refusal refusal) {
            errors.addAll(refusal.errors());
        }
    }

    /** The change log of an organisation, newest first (404 for an unknown organisation). */
    public List<OrganisationChange> history(Long id) {
        get(id);
        return changes.findByOrganisationIdOrderByIdDesc(id);
    }

    /** Each field that differs, as "field: before → after". */
    static List<String> differences(Organisation a, Organisation b) {
        List<String> out = new ArrayList<>();
        diff(out, "name", a.name(), b.name());
        diff(out, "kind", a.kind().name(), b.kind().name());
        diff(out, "emails", a.emails(), b.emails());
        diff(out, "areas", a.areas(), b.areas());
        diff(out, "interests", a.interests(), b.interests());
        diff(out, "communities", a.communities(), b.communities());
        diff(out, "formats", a.formats(), b.formats());
        diff(out, "languages", a.languages(), b.languages());
        diff(out, "optOut.all", a.optOutAll() ? "yes" : "no", b.optOutAll() ? "yes" : "no");
        diff(out, "optOut.themes", a.optOutThemes(), b.optOutThemes());
        diff(out, "mail", a.mail().name(), b.mail().name());
        return out;
    }

    private static void diff(List<String> out, String field, List<String> before, List<String> after) {
        if (!before.equals(after)) {
            diff(out, field, shown(before), shown(after));
        }
    }

    private static void diff(List<String> out, String field, String before, String after) {
        if (!before.equals(after)) {
            out.add(field + ": " + before + " \u2192 " + after);
        }
    }

    private static String shown(List<String> values) {
        return values.isEmpty() ? "(none)" : String.join(", ", values);
    }

    /** The format codes, upper case, each once; unknown ones are refused, each named ("formats[1]"). */
    private static List<String> formats(@Nullable List<String> codes) {
        List<String> names = EnumCodes.names(AccessFormat.class, codes == null ? null : clean(codes), "formats");
        return names == null ? List.of() : names.stream().distinct().toList();
    }

    /** The mail preference a request asks ({@code IMMEDIATE} or {@code WEEKLY}), or {@code otherwise} when absent. */
    private static MailFrequency mail(@Nullable String code, @Nullable MailFrequency otherwise) {
        MailFrequency asked = EnumCodes.parse(MailFrequency.class, code, "mail");
        return asked == null ? otherwise : asked;
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

    /** The organisations of the directory of which {@code email} is a current contact (case ignored). */
    public List<Organisation> withContact(String email) {
        return organisations.listOrderByName().stream()
                .filter(o -> o.emails().stream().anyMatch(e -> e.equalsIgnoreCase(email)))
                .toList();
    }

    /** The ids among {@code ids} of organisations that chose one mail a week. */
    public java.util.Set<Long> weekly(Collection<Long> ids) {
        java.util.Set<Long> weekly = new java.util.HashSet<>();
        List<Long> all = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += 500) {
            weekly.addAll(organisations.findIdByMailAndIdInList(MailFrequency.WEEKLY, all.subList(from, Math.min(all.size(), from + 500))));
        }
        return weekly;
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

    static List<String> clean(@Nullable List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(Objects::nonNull).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
