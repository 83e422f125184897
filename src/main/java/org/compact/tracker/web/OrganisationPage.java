package org.compact.tracker.web;

import org.compact.tracker.web.forms.BodyChecks;
import org.compact.tracker.web.forms.FormData;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import org.compact.tracker.consultation.RegisterReads;
import org.compact.tracker.feedback.ConcernService;
import org.compact.tracker.mail.MailStatus;
import org.compact.tracker.notice.Delivery;
import org.compact.tracker.notice.LinkSigner;
import org.compact.tracker.notice.NoticeKind;
import org.compact.tracker.notice.NoticeService;
import org.compact.tracker.organisation.AccessFormat;
import org.compact.tracker.organisation.ContactChanges;
import org.compact.tracker.organisation.Organisation;
import org.compact.tracker.organisation.OrganisationChange;
import org.compact.tracker.organisation.OrganisationRequest;
import org.compact.tracker.organisation.OrganisationService;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * An organisation's own page, reached through the preferences link in every mail it is sent (no password: the
 * signed link is the key): its entry in the directory to correct (contacts, areas, interests, communities, the
 * formats and languages it needs, what it does not want to hear about), the mail it received with its replies, the
 * concerns it raised with their answers, and the log of changes to its entry. The same data answers the JSON of
 * {@code GET /o/preferences} for API clients.
 */
@Singleton
class OrganisationPage {
    static final String VIEW = "org-page";
    private static final int CHANGES_SHOWN = 20;
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("emails", "Contacts"), Map.entry("areas", "Areas you work in"),
            Map.entry("interests", "What you work on"), Map.entry("communities", "Communities you speak for"),
            Map.entry("formats", "Formats and help you need"), Map.entry("languages", "Languages you need"),
            Map.entry("optOut.all", "No notices at all"), Map.entry("optOut.themes", "Themes you do not want to hear about"),
            Map.entry("name", "Name"), Map.entry("kind", "Kind of organisation"), Map.entry("mail", "How often we mail you"));
    private static final Map<String, String> FIELD_IDS = Map.of(
            "emails", "emails", "areas", "areas", "interests", "interests", "communities", "communities",
            "formats", "formats", "languages", "languages", "optOut.all", "optOut-all", "optOut.themes", "optOut-themes",
            "mail", "mail");
    private static final Map<NoticeKind, String> KINDS = Map.of(
            NoticeKind.NOTICE, "Notice of the consultation", NoticeKind.CHANGE, "A change to it",
            NoticeKind.WITHDRAWAL, "Its withdrawal", NoticeKind.FEEDBACK, "Feedback: what was decided");

    private final NoticeService notices;
    private final OrganisationService organisations;
    private final RegisterReads consultations;
    private final ConcernService concerns;
    private final ContactChanges contactChanges;
    private final Validator validator;
    private final Clock clock;
    private final org.compact.tracker.notice.Links links;

    OrganisationPage(NoticeService notices, OrganisationService organisations, RegisterReads consultations,
                     ConcernService concerns, ContactChanges contactChanges, Validator validator, Clock clock,
                     org.compact.tracker.notice.Links links) {
        this.links = links;
        this.notices = notices;
        this.contactChanges = contactChanges;
        this.organisations = organisations;
        this.consultations = consultations;
        this.concerns = concerns;
        this.validator = validator;
        this.clock = clock;
    }

    /** A preferences link that was checked: what it is for, and the organisation as it is now. */
    record Opened(LinkSigner.Link link, Organisation organisation) {
    }

    /**
     * Opens a preferences link: 403 when it is forged, expired or for another purpose, and when the address it was
     * sent to is no longer a contact of the organisation (someone who left keeps no key to its page).
     */
    Opened open(@Nullable String token) {
        LinkSigner.Link link = notices.preferencesLink(token);
        Organisation o;
        try {
            o = organisations.get(link.subject());
        } catch (Refusal gone) {
            throw Refusal.forbidden("This link is not valid or has expired; ask for a new one.");
        }
        if (!isContact(o, link.email())) {
            throw Refusal.forbidden("This link was sent to an address that is no longer a contact of the organisation.");
        }
        return new Opened(link, o);
    }

    static boolean isContact(Organisation o, String email) {
        return o.emails().stream().anyMatch(e -> e.equalsIgnoreCase(email));
    }

    /** The page's form as typed: each list as the text sent, so a refused form comes back exactly as it was. */
    public record Form(String emails, String areas, String interests, String communities, List<String> formats,
                String languages, boolean optOutAll, String optOutThemes, @Nullable String mail) {
        static Form of(Organisation o) {
            return new Form(lines(o.emails()), lines(o.areas()), lines(o.interests()), lines(o.communities()),
                    o.formats(), lines(o.languages()), o.optOutAll(), lines(o.optOutThemes()), o.mail().name());
        }

        static Form of(FormData f) {
            return new Form(f.get("emails"), f.get("areas"), f.get("interests"), f.get("communities"), f.all("formats"),
                    f.get("languages"), f.has("optOut.all"), f.get("optOut.themes"), f.has("mail") ? f.get("mail") : null);
        }

        /** The whole entry as the form states it: every list is sent, so an emptied box clears it. */
        OrganisationRequest request() {
            return new OrganisationRequest(null, null, FormData.entries(emails), FormData.entries(areas),
                    FormData.entries(interests), FormData.entries(communities), formats, FormData.entries(languages),
                    new OrganisationRequest.OptOut(optOutAll, FormData.entries(optOutThemes)), mail);
        }

        private static String lines(List<String> values) {
            return String.join("\n", values);
        }
    }

    /**
     * Saves the form: every field is checked first (all problems at once, 422, nothing written), then the entry is
     * changed and the change logged, in one transaction, as done by the contact the link was sent to. New contacts
     * are held until they confirm ({@link ContactChanges}).
     */
    ContactChanges.Outcome save(Opened opened, Form form) {
        OrganisationRequest r = form.request();
        List<FieldError> errors = new ArrayList<>(BodyChecks.problems(validator, r));
        errors.addAll(organisations.problems(r));
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(e -> e.field() == null ? "" : e.field()));
            throw Refusal.invalid(errors);
        }
        return contactChanges.throughLink(opened.organisation().id(), r, opened.link().email());
    }

    /**
     * Changes the entry from the JSON of {@code PATCH /o/preferences}: only what an organisation may change, new
     * contacts held until they confirm.
     */
    ContactChanges.Outcome patch(Opened opened, OrganisationRequest request) {
        OrganisationRequest own = new OrganisationRequest(null, null, request.emails(), request.areas(),
                request.interests(), request.communities(), request.formats(), request.languages(), request.optOut(),
                request.mail());
        return contactChanges.throughLink(opened.organisation().id(), own, opened.link().email());
    }

    // ---- the JSON answer ----

    /** An organisation's own view for API clients: its entry, the mail it received, its concerns. */
    @Serdeable
    record Preferences(OrganisationView organisation, List<Received> received, List<ConcernService.View> concerns,
                       List<String> unsubscribedContacts, List<Waiting> waitingContacts) {
    }

    /** A new contact asked for through a link, not added until it confirms from the mail sent to it. */
    @Serdeable
    record Waiting(String email, String requestedBy, Instant confirmUntil) {
        static Waiting of(ContactChanges.Waiting w) {
            return new Waiting(w.address(), w.requestedBy(), w.until());
        }
    }

    /** One mail an organisation received, what became of it, and the reply to it. */
    @Serdeable
    record Received(Long deliveryId, Long consultationId, String consultationTitle, String kind, String email,
                    Instant queuedAt, MailStatus status, @Nullable Instant sentAt, @Nullable String reply,
                    @Nullable String replyNote, @Nullable Instant repliedAt) {
    }

    Preferences json(Organisation o) {
        Function<Long, String> titles = titles();
        List<Received> received = notices.receivedWithState(o.id()).stream().map(r -> {
            Delivery d = r.delivery();
            return new Received(d.id(), d.consultationId(), titles.apply(d.consultationId()), d.kind().name(),
                    d.email(), d.queuedAt(), r.status(), r.sentAt(), d.reply() == null ? null : d.reply().name(),
                    d.replyNote(), d.repliedAt());
        }).toList();
        return new Preferences(OrganisationView.of(o), received, concerns.raisedBy(o.id()), unsubscribed(o),
                contactChanges.waiting(o.id()).stream().map(Waiting::of).toList());
    }

    // ---- the page ----

    /** A mail the organisation received, as a row of its page, with the links to reply and raise a concern. */
    public record NoticeRow(long consultationId, String consultationTitle, String kind, String email, String sent,
                            @Nullable String reply, @Nullable String replyNote, @Nullable String repliedOn,
                            @Nullable String replyHref, @Nullable String concernHref) {
    }

    /** A concern the organisation raised, with where it stands. */
    public record ConcernRow(long id, String consultationTitle, String kind, String raisedOn, String text,
                             boolean open, String status, @Nullable String answer) {
    }

    /** One line of the change log as the organisation reads it: when, which step (its code), who and what. */
    public record ChangeRow(String at, String step, String who, List<String> lines) {
    }

    /** A new contact waiting to confirm, as the page shows it. */
    public record WaitingRow(String email, String requestedBy, String until) {
    }

    Map<String, Object> model(Opened opened, String token, Form form, List<FieldError> errors, boolean saved) {
        Organisation o = opened.organisation();
        ZoneId zone = clock.getZone();
        Map<String, Object> model = LinkPages.model(o.name() + ": your organisation's page");
        model.put("org", o);
        model.put("t", token);
        model.put("linkEmail", opened.link().email());
        // the organisation's own calendar feed, for the contact the page was opened for (valid two years)
        model.put("calendarLink", links.calendarFeed(o.id(), opened.link().email()));
        model.put("expires", LinkPages.DAY.format(opened.link().expires()));
        model.put("saved", saved);
        model.put("form", form);
        model.put("formats", Arrays.stream(AccessFormat.values()).map(f -> new LinkPages.Choice(f.name(), f.label(),
                f.ordinal() == 0 ? "formats" : "formats-" + f.name(), form.formats().contains(f.name()))).toList());
        model.put("weekly", "WEEKLY".equals(form.mail()));
        model.put("unsubscribed", unsubscribed(o));
        model.put("notices", notices(opened, token, zone));
        model.put("concerns", concerns.raisedBy(o.id()).stream().map(c -> new ConcernRow(c.id(),
                c.consultationTitle() == null ? "" : c.consultationTitle(), c.kindLabel(), LinkPages.day(c.raisedAt(), zone),
                c.text(), c.open(), c.open() ? openFor(c.openDays())
                : "Answered on " + LinkPages.day(c.answeredAt(), zone), c.answer())).toList());
        model.put("waiting", contactChanges.waiting(o.id()).stream().map(w -> new WaitingRow(w.address(),
                w.requestedBy(), LinkPages.dayTime(w.until(), zone))).toList());
        model.put("changes", organisations.history(o.id()).stream().limit(CHANGES_SHOWN).map(c -> new ChangeRow(
                LinkPages.dayTime(c.at(), zone), c.step().name(), who(c), c.changes().stream().map(OrganisationPage::readable).toList()))
                .toList());
        LinkPages.errors(model, errors, OrganisationPage::fieldId, e -> text(e, form.request()));
        return model;
    }

    private List<NoticeRow> notices(Opened opened, String token, ZoneId zone) {
        Function<Long, String> titles = titles();
        String back = "&back=" + enc(token);
        return notices.receivedWithState(opened.organisation().id()).stream().map(r -> {
            Delivery d = r.delivery();
            String sent = switch (r.status()) {
                case SENT -> r.sentAt() == null ? "Sent" : LinkPages.dayTime(r.sentAt(), zone);
                case QUEUED -> r.held() ? "In your next weekly summary" : "Waiting to go";
                case FAILED -> "Could not be delivered";
            };
            String replyHref = null;
            String concernHref = null;
            if (d.kind() == NoticeKind.NOTICE) {
                String reply = enc(notices.replyToken(opened.link(), d));
                replyHref = "/o/reply?t=" + reply + back;
                concernHref = "/o/concern?t=" + reply + back;
            }
            return new NoticeRow(d.consultationId(), titles.apply(d.consultationId()), KINDS.get(d.kind()), d.email(),
                    sent, d.reply() == null ? null : d.reply().label(), d.replyNote(),
                    d.repliedAt() == null ? null : LinkPages.day(d.repliedAt(), zone), replyHref, concernHref);
        }).toList();
    }

    private List<String> unsubscribed(Organisation o) {
        Set<String> gone = notices.unsubscribedContacts(o.id());
        return o.emails().stream().filter(e -> gone.contains(e.toLowerCase(Locale.ROOT))).toList();
    }

    private Function<Long, String> titles() {
        Map<Long, String> cache = new HashMap<>();
        return id -> cache.computeIfAbsent(id, x -> consultations.summary(x).title());
    }

    private static String openFor(long days) {
        return days == 0 ? "Open: raised today" : days == 1 ? "Open for 1 day" : "Open for " + days + " days";
    }

    /** Who did what step, in words: "Waiting for confirmation: asked for through the link sent to …". */
    static String who(OrganisationChange c) {
        return switch (c.step()) {
            case APPLIED -> c.via() == OrganisationChange.Via.API ? "Changed by " + c.actor() + " (an officer)"
                    : "Changed through the link sent to " + c.actor();
            case HELD -> "Waiting for confirmation: asked for through the link sent to " + c.actor();
            case CONFIRMED -> "Confirmed by " + c.actor();
            case UNDONE -> "Undone through the link sent to " + c.actor();
            case EXPIRED -> "Expired: not confirmed in time";
            case SUPERSEDED -> "Replaced by a newer change, asked for through the link sent to " + c.actor();
        };
    }

    /** "optOut.themes: (none) → transport" becomes "Themes you do not want to hear about: (none) → transport". */
    private static String readable(String line) {
        int colon = line.indexOf(": ");
        if (colon < 0) {
            return "created".equals(line) ? "Added to the directory" : line;
        }
        String field = line.substring(0, colon);
        return LABELS.getOrDefault(field, field) + line.substring(colon);
    }

    @Nullable
    static String fieldId(String path) {
        return FIELD_IDS.get(top(path));
    }

    private static String top(String path) {
        return path.replaceAll("\\[.*$", "");
    }

    /** "Contacts: "bob@" must be a well-formed email address", naming the entry when the error is about one. */
    private static String text(FieldError e, OrganisationRequest r) {
        if (e.field() == null) {
            return e.reason();
        }
        String top = top(e.field());
        String entry = entry(r, top, e.field());
        return LABELS.getOrDefault(top, top) + ": " + (entry == null ? "" : "\u201c" + entry + "\u201d ") + e.reason();
    }

    @Nullable
    private static String entry(OrganisationRequest r, String top, String path) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(path);
        if (!m.find()) {
            return null;
        }
        int i = Integer.parseInt(m.group(1));
        List<String> list = switch (top) {
            case "emails" -> r.emails();
            case "areas" -> r.areas();
            case "interests" -> r.interests();
            case "communities" -> r.communities();
            case "formats" -> r.formats();
            case "languages" -> r.languages();
            case "optOut.themes" -> r.optOut() == null ? null : r.optOut().themes();
            default -> null;
        };
        return list == null || i >= list.size() ? null : list.get(i);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
