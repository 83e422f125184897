package org.compact.tracker.feedback;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.compact.tracker.consultation.ConsultationStatus;
import org.compact.tracker.consultation.ConsultationSummary;
import org.compact.tracker.consultation.RegisterReads;
import org.compact.tracker.notice.ConcernMail;
import org.compact.tracker.notice.LinkSigner;
import org.compact.tracker.notice.OfficerAlerts;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;
import org.compact.tracker.support.Text;
import org.compact.tracker.support.Throttles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Concerns and comments anyone may raise without a link (issue 18: the group left out, {@code NO_NOTICE}, has no
 * notice link to raise one with). Nothing counts until the sender confirms by the link mailed to the address given;
 * a held concern not confirmed within {@link #CONFIRM_DAYS} days lapses and is deleted. Against abuse: at most
 * {@code tracker.concerns.per-address} requests an hour from one mail address and {@code tracker.concerns.per-client}
 * from one client address (counted in the database, {@link Throttles}, on the wall clock), names and organisation names of
 * at most {@value #MAX_NAME} characters, text of at most 5,000, and no HTML kept: tags are taken out of the text, and
 * every page and mail shows it as plain text.
 */
@Singleton
public class PublicConcerns {
    /** Days the sender has to confirm: the link works to the end of the seventh day. */
    public static final int CONFIRM_DAYS = 7;
    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 320;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z!][^<>]*>");
    private static final Duration WINDOW = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(PublicConcerns.class);

    private final PendingConcernRepository pending;
    private final ConcernRepository concerns;
    private final ConcernService service;
    private final RegisterReads consultations;
    private final ConcernMail mail;
    private final OfficerAlerts alerts;
    private final Throttles throttles;
    private final Clock clock;
    private final Clock wall = Clock.systemUTC();
    private final int perAddress;
    private final int perClient;

    PublicConcerns(PendingConcernRepository pending, ConcernRepository concerns, ConcernService service,
                   RegisterReads consultations, ConcernMail mail, OfficerAlerts alerts, Throttles throttles, Clock clock,
                   @Value("${tracker.concerns.per-address:3}") int perAddress,
                   @Value("${tracker.concerns.per-client:10}") int perClient) {
        this.pending = pending;
        this.concerns = concerns;
        this.service = service;
        this.consultations = consultations;
        this.mail = mail;
        this.alerts = alerts;
        this.throttles = throttles;
        this.clock = clock;
        this.perAddress = perAddress;
        this.perClient = perClient;
    }

    /** What the public form sends (JSON or form fields of the same names). */
    @Serdeable
    public record Request(@Nullable Long consultationId, @Nullable String name, @Nullable String organisationName,
                          @Nullable String email, @Nullable String kind, @Nullable String text) {
    }

    /** The answer to a request: nothing counts yet; a link to confirm it was mailed to {@code email}. */
    @Serdeable
    public record Accepted(String status, long consultationId, String consultationTitle, String email,
                           LocalDate confirmBy, String message) {
    }

    /** What a confirmation link stands for: the held concern, and the concern it became once confirmed. */
    public record Held(long pendingId, long consultationId, String consultationTitle, String name, String kindLabel,
                       String text, String email, @Nullable Long concernId) {
    }

    /** The consultation the form is about: 404 when unknown; 422 naming {@code consultationId} when withdrawn. */
    public ConsultationSummary about(@Nullable Long consultationId) {
        if (consultationId == null) {
            throw Refusal.invalid("consultationId", "must name the consultation the concern is about");
        }
        ConsultationSummary c = consultations.summary(consultationId);
        if (c.status() == ConsultationStatus.WITHDRAWN) {
            throw Refusal.invalid("consultationId", "the consultation \"" + c.title() + "\" was withdrawn: there is "
                    + "nothing left to raise a concern about");
        }
        return c;
    }

    /**
     * Holds a concern and mails its sender a link to confirm it (every field's problem named at once, 422; 429 past
     * the throttle; nothing written then). {@code client} is the address the request came from.
     */
    @Transactional
    public Accepted request(Request r, String client) {
        List<FieldError> errors = new ArrayList<>();
        ConsultationSummary c = null;
        try {
            c = about(r.consultationId());
        } catch (Refusal refused) {
            if (refused.status() == 404) {
                errors.add(FieldError.of("consultationId", "no consultation with id " + r.consultationId()));
            } else {
                errors.addAll(refused.errors());
            }
        }
        String name = line("name", r.name(), true, errors);
        String organisation = line("organisationName", r.organisationName(), false, errors);
        String email = r.email() == null ? "" : r.email().strip();
        if (email.isEmpty()) {
            errors.add(FieldError.of("email", "must be given: the link to confirm the concern is mailed there"));
        } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            errors.add(FieldError.of("email", "must be a mail address (name@example.org) of at most " + MAX_EMAIL
                    + " characters"));
        }
        ConcernKind kind = c == null ? null : ConcernService.kindOf(r.kind(), c.status(), errors);
        String text = ConcernService.cleanText("text", r.text() == null ? null : TAG.matcher(r.text()).replaceAll(""),
                errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        Instant now = wall.instant();
        if (!throttles.recordUnder("concern client " + client, now, WINDOW, perClient)
                || !throttles.recordUnder("concern address " + email.toLowerCase(Locale.ROOT), now, WINDOW, perAddress)) {
            throw new Refusal(429, "Too many requests", "Too many concerns have been sent from this address or "
                    + "network in the last hour. Please try again later.", List.of());
        }
        LocalDate lastDay = LocalDate.now(clock).plusDays(CONFIRM_DAYS);
        Instant until = lastDay.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        PendingConcern held = pending.save(new PendingConcern(null, c.id(), name, organisation, email, kind, text,
                clock.instant(), until, null));
        mail.confirmation(held.id(), c.id(), email, name, c.title(), kind.label(), text, lastDay);
        LOG.info("Consultation {}: concern held ({}) until its sender confirms it", c.id(), held.id());
        return new Accepted("PENDING_CONFIRMATION", c.id(), c.title(), email, lastDay, "Nothing is sent yet. We have "
                + "mailed a link to " + email + ": follow it by " + lastDay + " to confirm the concern, and it goes "
                + "to the officer running the consultation.");
    }

    /** The held concern a confirmation link stands for, changing nothing; 403 when forged, expired or lapsed. */
    public Held held(@Nullable String token) {
        PendingConcern p = pendingOf(token);
        return new Held(p.id(), p.consultationId(), consultations.summary(p.consultationId()).title(), p.senderName(),
                p.kind().label(), p.text(), p.email(), p.concernId());
    }

    /**
     * Confirms a held concern: from now it is a concern, mailed to the lead officer and the agency's compliance
     * contact. Confirming twice changes nothing.
     */
    @Transactional
    public ConcernService.View confirm(@Nullable String token) {
        PendingConcern p = pendingOf(token);
        if (p.concernId() != null) {
            return service.view(concerns.findById(p.concernId()).orElseThrow());
        }
        Concern saved = concerns.save(new Concern(null, p.consultationId(), null, p.email(), p.kind(), p.text(),
                clock.instant(), null, null, null, p.senderName(), p.organisationName()));
        if (pending.confirmIfHeld(p.id(), saved.id()) == 0) {
            throw Refusal.conflict("This concern was confirmed a moment ago. It has been sent.");
        }
        ConsultationSummary c = consultations.summary(p.consultationId());
        alerts.concernRaised(c.about(), saved.id(), p.kind().label(), p.senderName()
                + (p.organisationName() == null ? "" : " of " + p.organisationName()) + " (" + p.email() + "), "
                + "through the public form", p.text());
        LOG.info("Consultation {}: concern {} ({}) raised through the public form", c.id(), saved.id(), p.kind());
        return service.view(saved);
    }

    /** Deletes the held concerns whose time to confirm has passed; answers how many. */
    int deleteLapsed() {
        return pending.deleteLapsed(clock.instant());
    }

    private PendingConcern pendingOf(@Nullable String token) {
        LinkSigner.Link link = mail.confirming(token).orElseThrow(PublicConcerns::badLink);
        return pending.findById(link.subject()).filter(p -> p.email().equalsIgnoreCase(link.email()))
                .filter(p -> p.concernId() != null || p.confirmUntil().isAfter(clock.instant()))
                .orElseThrow(PublicConcerns::badLink);
    }

    private static Refusal badLink() {
        return Refusal.forbidden("This link to confirm a concern is not valid, or its " + CONFIRM_DAYS + " days have "
                + "passed. You can raise the concern again from the public programme.");
    }

    /** A one-line name of at most {@value #MAX_NAME} characters, stripped; null when optional and not given. */
    @Nullable
    private static String line(String field, @Nullable String value, boolean required, List<FieldError> errors) {
        String v = value == null ? "" : value.strip();
        String problem = Text.problem(v, true);
        if (problem == null && v.isEmpty() && required) {
            problem = "must be given";
        } else if (problem == null && v.length() > MAX_NAME) {
            problem = "must be at most " + MAX_NAME + " characters (it has " + v.length() + ")";
        } else if (problem == null && TAG.matcher(v).find()) {
            problem = "must be plain text, without HTML tags";
        }
        if (problem != null) {
            errors.add(FieldError.of(field, problem));
        }
        return v.isEmpty() ? null : v;
    }
}
