package org.compact.tracker.organisation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.compact.tracker.notice.ContactMail;
import org.compact.tracker.notice.LinkSigner;
import org.compact.tracker.notice.Links;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;
import org.compact.tracker.support.Throttles;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.compact.tracker.organisation.ContactChange.contains;

/**
 * Changes an organisation's entry through a link in its mail so that the link cannot hand the organisation over:
 * new contacts are held until each confirms from its own mailbox (see {@link ContactChange}), removed contacts are
 * told, with a link to undo it for 30 days, and each step is in the change log. Everything else an organisation may
 * change (areas, interests, communities, needs, opt-outs) applies at once. Mail is queued in the same transaction
 * as the change it tells of; at most {@link #HELD_PER_DAY} changes adding contacts are held per organisation in 24
 * hours (wall clock, like the other throttles), so a link cannot be used to fill strangers' inboxes. Officers'
 * changes through the API do not come here.
 */
@Singleton
public class ContactChanges {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final List<ContactChange.State> OPEN = List.of(ContactChange.State.HELD,
            ContactChange.State.PARTLY_CONFIRMED);
    private static final String SERVICE = "the service";
    /** Held changes per organisation in 24 hours: each mails up to 20 addresses, so a link cannot be used to spam. */
    static final int HELD_PER_DAY = 10;

    private final OrganisationService organisations;
    private final ContactChangeRepository changes;
    private final ContactMail mail;
    private final LinkSigner signer;
    private final Clock clock;
    private final Throttles throttles;
    private final Clock wallClock = Clock.systemUTC();

    ContactChanges(OrganisationService organisations, ContactChangeRepository changes, ContactMail mail,
                   LinkSigner signer, Clock clock, Throttles throttles) {
        this.throttles = throttles;
        this.organisations = organisations;
        this.changes = changes;
        this.mail = mail;
        this.signer = signer;
        this.clock = clock;
    }

    /** The entry after a change through a link, and the new addresses still to confirm. */
    public record Outcome(Organisation organisation, List<Waiting> waiting) {
    }

    /** A new address waiting to confirm, who asked for it, and until when it can. */
    public record Waiting(String address, String requestedBy, Instant until) {
    }

    /** A checked confirm or undo link: the change, its organisation now, and the address the link was sent to. */
    public record Opened(ContactChange change, Organisation organisation, String address) {
    }

    /**
     * A change asked for through the preferences link sent to {@code requester}. Contacts it adds are held: each is
     * mailed a link to confirm, and an earlier change still waiting is replaced. A change that only removes contacts
     * is made at once and each removed contact is mailed a link to undo it. The other fields apply at once.
     */
    @Transactional
    public Outcome throughLink(long organisationId, OrganisationRequest r, String requester) {
        List<FieldError> problems = organisations.problems(r);
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        Organisation before = organisations.get(organisationId);
        if (r.emails() == null) {
            return new Outcome(organisations.update(organisationId, r, requester, OrganisationChange.Via.LINK),
                    waiting(organisationId));
        }
        Instant now = clock.instant();
        List<String> wanted = OrganisationService.clean(r.emails());
        List<String> added = wanted.stream().filter(e -> !contains(before.emails(), e)).toList();
        List<String> removed = before.emails().stream().filter(e -> !contains(wanted, e)).toList();
        if (added.isEmpty()) {
            Organisation saved = organisations.update(organisationId, r, requester, OrganisationChange.Via.LINK);
            if (!removed.isEmpty()) {
                ContactChange c = changes.save(ContactChange.removal(organisationId, requester, removed, now));
                tellRemoved(c, saved.name(), null, before.emails(), saved.emails());
            }
            return new Outcome(saved, waiting(organisationId));
        }
        if (!throttles.recordUnder("held contact changes of " + organisationId, wallClock.instant(),
                java.time.Duration.ofDays(1), HELD_PER_DAY)) {
            throw new Refusal(429, "Too many requests", "The contacts of this organisation have been changed through a "
                    + "link too often today: please try again tomorrow.", List.of());
        }
        OrganisationRequest others = new OrganisationRequest(r.name(), r.kind(), null, r.areas(), r.interests(),
                r.communities(), r.formats(), r.languages(), r.optOut(), r.mail());
        Organisation saved = organisations.update(organisationId, others, requester, OrganisationChange.Via.LINK);
        for (ContactChange open : changes.findByOrganisationIdAndStateInListOrderById(organisationId, OPEN)) {
            settle(open, requester, now);
        }
        ContactChange held = changes.save(ContactChange.held(organisationId, requester, added, removed, now));
        organisations.log(organisationId, requester, OrganisationChange.Via.LINK, OrganisationChange.Step.HELD, List.of(
                "emails: " + shown(before.emails()) + " \u2192 " + shown(wanted),
                "waiting for " + String.join(", ", added) + " to confirm, until " + day(held.confirmUntil())));
        ContactMail.About about = about(held, saved);
        for (String address : added) {
            mail.confirmation(about, address, removed, held.confirmUntil());
        }
        return new Outcome(saved, waiting(organisationId));
    }

    /** The new addresses of the organisation's changes that can still be confirmed. */
    public List<Waiting> waiting(long organisationId) {
        Instant now = clock.instant();
        return changes.findByOrganisationIdAndStateInListOrderById(organisationId, OPEN).stream()
                .filter(c -> c.open(now))
                .flatMap(c -> c.waiting().stream().map(a -> new Waiting(a, c.requestedBy(), c.confirmUntil())))
                .toList();
    }

    /**
     * Checks a confirm link: 403 when it is forged, expired or not for an address this change adds; 409 naming where
     * the change stands when it no longer waits for this address.
     */
    public Opened confirming(@Nullable String token) {
        Opened opened = opened(token, Links.CONFIRM_CONTACT, ContactChange::added);
        opened.change().confirm(opened.address(), clock.instant(), List.of());
        return opened;
    }

    /**
     * Checks an undo link: 403 when it is forged, expired or not for a contact this change removed; 409 naming where
     * the change stands when it can no longer be undone.
     */
    public Opened undoing(@Nullable String token) {
        Opened opened = opened(token, Links.UNDO_CONTACTS, ContactChange::removed);
        opened.change().undo(clock.instant());
        return opened;
    }

    /**
     * The address of the link confirms: it becomes a contact, and with the first confirmation the contacts the
     * change removes go and are told. 409 when the change is no longer waiting for this address.
     */
    @Transactional
    public Opened confirm(@Nullable String token) {
        Opened opened = confirming(token);
        ContactChange c = opened.change();
        String address = opened.address();
        Instant now = clock.instant();
        Organisation current = opened.organisation();
        boolean first = c.appliedAt() == null;
        List<String> removedNow = first ? current.emails().stream().filter(e -> contains(c.removed(), e)).toList()
                : c.removed();
        ContactChange next = update(c.confirm(address, now, removedNow));
        List<String> emails = new ArrayList<>(current.emails());
        if (first) {
            emails.removeIf(e -> contains(removedNow, e));
        }
        if (!contains(emails, address)) {
            emails.add(address);
        }
        organisations.log(current.id(), address, OrganisationChange.Via.LINK, OrganisationChange.Step.CONFIRMED,
                List.of(address + " confirmed the change asked for through the link sent to " + c.requestedBy()));
        Organisation saved = organisations.replaceContacts(current, emails, c.requestedBy(), OrganisationChange.Via.LINK,
                OrganisationChange.Step.APPLIED, List.of());
        if (first && !removedNow.isEmpty()) {
            tellRemoved(next, saved.name(), address, current.emails(), saved.emails());
        }
        return new Opened(next, saved, address);
    }

    /**
     * A removed contact undoes the change: the contacts it removed are put back and those it added are taken off
     * (never the last one: the removed contacts come back first); everyone concerned is told. 409 when the change
     * can no longer be undone.
     */
    @Transactional
    public Opened undo(@Nullable String token) {
        Opened opened = undoing(token);
        ContactChange c = opened.change();
        Organisation current = opened.organisation();
        ContactChange next = update(c.undo(clock.instant()));
        List<String> emails = new ArrayList<>(current.emails().stream().filter(e -> !contains(c.confirmed(), e)).toList());
        c.removed().stream().filter(e -> !contains(emails, e)).forEach(emails::add);
        Organisation saved = organisations.replaceContacts(current, emails, opened.address(),
                OrganisationChange.Via.LINK, OrganisationChange.Step.UNDONE,
                List.of(opened.address() + " undid the change asked for through the link sent to " + c.requestedBy()));
        Set<String> told = new LinkedHashSet<>();
        for (String address : concat(saved.emails(), current.emails())) {
            if (told.add(address.toLowerCase(Locale.ROOT))) {
                mail.undone(about(next, saved), address, opened.address(), saved.emails());
            }
        }
        return new Opened(next, saved, opened.address());
    }

    /**
     * Ends the changes whose time to confirm is over: one that no new address confirmed never takes effect; of one
     * partly confirmed, the addresses still waiting are dropped. Each is logged. Returns how many ended.
     */
    @Transactional
    public int expireDue() {
        Instant now = clock.instant();
        List<ContactChange> due = changes.findByStateInListAndConfirmUntilLessThanEqualsOrderById(OPEN, now);
        for (ContactChange c : due) {
            settle(c, SERVICE, now);
        }
        return due.size();
    }

    /** Ends an open change: it expires when its time is over, and is replaced by a newer change otherwise. */
    private void settle(ContactChange c, String actor, Instant now) {
        String waiting = String.join(", ", c.waiting());
        if (!c.open(now)) {
            update(c.expire());
            organisations.log(c.organisationId(), SERVICE, OrganisationChange.Via.SERVICE,
                    OrganisationChange.Step.EXPIRED, List.of(waiting + " did not confirm by " + day(c.confirmUntil())
                            + (c.state() == ContactChange.State.HELD ? ", so the change asked for through the link sent to "
                            + c.requestedBy() + " was not made" : ", so it was not added")));
        } else {
            update(c.supersede());
            organisations.log(c.organisationId(), actor, OrganisationChange.Via.LINK,
                    OrganisationChange.Step.SUPERSEDED, List.of("the change waiting for " + waiting
                            + " to confirm was replaced by a newer one"));
        }
    }

    private Opened opened(@Nullable String token, String purpose, java.util.function.Function<ContactChange, List<String>> addresses) {
        LinkSigner.Link link = signer.verify(token, purpose)
                .orElseThrow(() -> Refusal.forbidden("This link is not valid or has expired."));
        ContactChange c = changes.findById(link.subject())
                .filter(found -> contains(addresses.apply(found), link.email()))
                .orElseThrow(() -> Refusal.forbidden("This link is not valid or has expired."));
        String address = addresses.apply(c).stream().filter(a -> a.equalsIgnoreCase(link.email())).findFirst()
                .orElse(link.email());
        return new Opened(c, organisations.get(c.organisationId()), address);
    }

    private ContactChange update(ContactChange c) {
        try {
            return changes.update(c);
        } catch (io.micronaut.data.exceptions.OptimisticLockException e) {
            throw Refusal.conflict("This change of contacts was changed at the same moment: try again.");
        }
    }

    private void tellRemoved(ContactChange c, String name, @Nullable String confirmedBy, List<String> before,
                             List<String> after) {
        ContactMail.About about = new ContactMail.About(c.id(), name, c.requestedBy(), c.requestedAt());
        for (String address : c.removed()) {
            mail.removed(about, address, confirmedBy, before, after, c.undoUntil());
        }
    }

    private static ContactMail.About about(ContactChange c, Organisation o) {
        return new ContactMail.About(c.id(), o.name(), c.requestedBy(), c.requestedAt());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String shown(List<String> values) {
        return values.isEmpty() ? "(none)" : String.join(", ", values);
    }

    private String day(Instant at) {
        return DAY.format(at.atZone(clock.getZone()));
    }
}
