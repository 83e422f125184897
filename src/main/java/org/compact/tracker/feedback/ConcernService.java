package org.compact.tracker.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.compact.tracker.consultation.ConsultationStatus;
import org.compact.tracker.consultation.ConsultationSummary;
import org.compact.tracker.consultation.RegisterReads;
import org.compact.tracker.notice.Delivery;
import org.compact.tracker.notice.NoticeService;
import org.compact.tracker.notice.OfficerAlerts;
import org.compact.tracker.notice.Reply;
import org.compact.tracker.organisation.AccessFormat;
import org.compact.tracker.organisation.Organisation;
import org.compact.tracker.organisation.OrganisationService;
import org.compact.tracker.security.Actor;
import org.compact.tracker.support.EnumCodes;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Concerns organisations raise about a consultation through the signed reply link of their notice (no password:
 * the link is the access rule), and the officer's answer. A concern is open, and its days counted, until answered;
 * it is answered once.
 */
@Singleton
public class ConcernService {
    static final int MAX_TEXT = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(ConcernService.class);

    private final ConcernRepository concerns;
    private final RegisterReads consultations;
    private final NoticeService notices;
    private final OrganisationService organisations;
    private final OfficerAlerts alerts;
    private final Clock clock;

    ConcernService(ConcernRepository concerns, RegisterReads consultations, NoticeService notices,
                   OrganisationService organisations, OfficerAlerts alerts, Clock clock) {
        this.concerns = concerns;
        this.consultations = consultations;
        this.notices = notices;
        this.organisations = organisations;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** What the concern form shows: the consultation and the organisation the link was sent to. */
    public record Raising(long consultationId, String consultationTitle, long organisationId, String organisationName,
                          ConsultationStatus status) {
    }

    /** A concern as officers and monitors see it, with the whole days it has been (or was) open. */
    @Serdeable
    public record View(Long id, Long consultationId, @Nullable String consultationTitle, @Nullable Long organisationId,
                       @Nullable String organisationName, ConcernKind kind, String kindLabel, String text,
                       Instant raisedAt, boolean open, long openDays, @Nullable String answer,
                       @Nullable String answeredBy, @Nullable Instant answeredAt, @Nullable String senderName) {
    }

    /** The consultation and organisation a concern (or reply) link stands for, changing nothing; 403 when forged or expired. */
    public Raising raising(@Nullable String replyToken) {
        return about(notices.concernDeliveryOf(replyToken));
    }

    /** The same for a reply link only (a concern link cannot answer a notice); 403 otherwise. */
    public Raising replyingTo(@Nullable String replyToken) {
        return about(notices.deliveryOf(replyToken));
    }

    private Raising about(Delivery d) {
        ConsultationSummary c = consultations.summary(d.consultationId());
        return new Raising(d.consultationId(), c.title(), d.organisationId(), organisationName(d.organisationId()),
                c.status());
    }

    /**
     * Records a concern from the concern (or reply) link ({@code kind} one of {@link ConcernKind}, {@code text} 1–5000
     * characters). Sending the same open concern twice (a double click) records it once.
     */
    @Transactional
    public View raise(@Nullable String replyToken, @Nullable String kind, @Nullable String text) {
        Delivery d = notices.concernDeliveryOf(replyToken);
        ConsultationSummary about = consultations.summary(d.consultationId());
        List<FieldError> errors = new ArrayList<>();
        ConcernKind parsed = kindOf(kind, about.status(), errors);
        String cleaned = cleanText("text", text, errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        ConcernKind k = parsed;
        Concern same = concerns.findByConsultationIdAndOrganisationIdAndAnsweredAtIsNull(d.consultationId(), d.organisationId())
                .stream().filter(c -> c.kind() == k && c.text().equals(cleaned)).findFirst().orElse(null);
        Concern saved = same != null ? same : concerns.save(new Concern(null, d.consultationId(), d.organisationId(),
                d.email(), k, cleaned, clock.instant(), null, null, null));
        if (same == null) {
            LOG.info("Consultation {}: concern {} ({}) raised by organisation {}", d.consultationId(), saved.id(), k,
                    d.organisationId());
            alerts.concernRaised(about.about(), saved.id(), k.label(), organisationName(d.organisationId())
                    + " (" + d.email() + ")", cleaned);
        }
        return view(saved, titles(), names());
    }

    /**
     * Records an organisation's one-click answer to its notice (the reply link). "We need an accessible format or
     * another language" (NEEDS_FORMAT) also becomes a request on the consultation, a concern of kind FORMAT_REQUEST
     * with the note as its text, and the lead officer is mailed at once, in the same transaction; the officer answers
     * it as any concern, and the answer is mailed to the contact. Answering NEEDS_FORMAT again with the same note while
     * the request is open records it once.
     */
    @Transactional
    public Delivery reply(@Nullable String replyToken, Reply answer, @Nullable String note) {
        Delivery d = notices.reply(replyToken, answer, note);
        if (answer == Reply.NEEDS_FORMAT) {
            request(d);
        }
        return d;
    }

    private void request(Delivery d) {
        String text = d.replyNote() != null ? d.replyNote() : Reply.NEEDS_FORMAT.label() + ".";
        boolean same = concerns.findByConsultationIdAndOrganisationIdAndAnsweredAtIsNull(d.consultationId(),
                d.organisationId()).stream().anyMatch(c -> c.kind() == ConcernKind.FORMAT_REQUEST && c.text().equals(text));
        if (same) {
            return;
        }
        Concern saved = concerns.save(new Concern(null, d.consultationId(), d.organisationId(), d.email(),
                ConcernKind.FORMAT_REQUEST, text, clock.instant(), null, null, null));
        LOG.info("Consultation {}: format request {} from organisation {}", d.consultationId(), saved.id(),
                d.organisationId());
        List<String> recorded = new ArrayList<>();
        try {
            Organisation o = organisations.get(d.organisationId());
            o.formats().forEach(f -> recorded.add(Arrays.stream(AccessFormat.values()).filter(x -> x.name().equals(f))
                    .findFirst().map(AccessFormat::label).orElse(f)));
            recorded.addAll(o.languages());
        } catch (Refusal gone) {
            // an organisation removed since: the request still stands, with nothing recorded to show
        }
        alerts.formatRequest(consultations.summary(d.consultationId()).about(), saved.id(),
                organisationName(d.organisationId()), d.email(), text, recorded);
    }

    /**
     * The concerns about one consultation, oldest first, for admins, monitors and officers of its agency (404 for
     * an unknown consultation, 403 for an officer of another agency).
     */
    public List<View> list(Actor actor, Long consultationId) {
        if (!actor.mayReadPeopleOfAny(consultations.agenciesOf(consultationId))) {
            throw Refusal.forbidden("Only officers of the consultation's agencies, admins and monitors see its concerns.");
        }
        Function<Long, String> titles = titles();
        Function<Long, String> names = names();
        return concerns.findByConsultationIdOrderByRaisedAt(consultationId).stream().map(c -> view(c, titles, names)).toList();
    }

    /**
     * Answers a concern (an officer of the consultation's agency, or an admin; 1–5000 characters). A concern is
     * answered once: a second answer is refused with 409.
     */
    @Transactional
    public View answer(Actor actor, Long consultationId, Long concernId, @Nullable String answer) {
        actor.requireMayActForAny(consultations.agenciesOf(consultationId));
        Concern c = concerns.findById(concernId).filter(x -> x.consultationId().equals(consultationId))
                .orElseThrow(() -> Refusal.notFound("concern", concernId));
        org.compact.tracker.support.Text.plain("answer", answer);
        String cleaned = answer == null ? "" : answer.strip();
        String problem = textProblem(cleaned);
        if (problem != null) {
            throw Refusal.invalid("answer", problem);
        }
        if (!c.open() || concerns.answerIfOpen(concernId, cleaned, actor.username(), clock.instant()) == 0) {
            Concern now = concerns.findById(concernId).orElse(c);
            throw Refusal.conflict("This concern was already answered" + (now.answeredBy() == null ? "" : " by "
                    + now.answeredBy()) + (now.answeredAt() == null ? "" : " at " + now.answeredAt()) + ".");
        }
        LOG.info("Consultation {}: concern {} answered by {}", consultationId, concernId, actor.username());
        // The organisation hears the answer by mail, once, in the same transaction as the answer.
        String title = consultations.summary(consultationId).title();
        boolean request = c.kind() == ConcernKind.FORMAT_REQUEST;
        String what = c.kind() == ConcernKind.PLANNING_COMMENT ? "comment" : "concern";
        notices.alertOnce(consultationId, "CONCERN_ANSWER", String.valueOf(concernId), List.of(c.email()),
                (request ? "Answer to your request for an accessible format or another language: "
                        : "Answer to your " + what + ": ") + title,
                (c.senderName() == null ? "" : "Dear " + c.senderName() + ",\n\n")
                        + (request ? "You told us you need an accessible format or another language to take part in the "
                        + "consultation \"" : "You raised a " + what + " about the consultation \"") + title + "\":\n\n" + c.text()
                        + "\n\nThe answer from " + actor.username() + ":\n\n" + cleaned + "\n");
        return view(concerns.findById(concernId).orElseThrow(), titles(), names());
    }

    /**
     * The concerns one organisation raised, newest first, with their answers: for the organisation's own page (the
     * caller has checked its signed link).
     */
    public List<View> raisedBy(long organisationId) {
        Function<Long, String> titles = titles();
        Function<Long, String> names = names();
        return concerns.findByOrganisationIdOrderByRaisedAtDesc(organisationId).stream()
                .map(c -> view(c, titles, names)).toList();
    }

    /**
     * Concerns across all consultations for monitors, the open ones first (longest open first), then the answered
     * ones (latest answered first). {@code open} true keeps only open ones, false only answered ones.
     */
    public List<View> all(@Nullable Boolean open, int page, int size) {
        long offset = (long) page * size;
        List<Concern> found = open == null ? concerns.findAllOpenFirst(size, offset)
                : open ? concerns.findOpen(size, offset) : concerns.findAnswered(size, offset);
        Function<Long, String> titles = titles();
        Function<Long, String> names = names();
        return found.stream().map(c -> view(c, titles, names)).toList();
    }

    private View view(Concern c, Function<Long, String> titles, Function<Long, String> names) {
        return new View(c.id(), c.consultationId(), titles.apply(c.consultationId()), c.organisationId(),
                c.organisationId() == null ? c.organisationName() : names.apply(c.organisationId()), c.kind(),
                c.kind().label(), c.text(), c.raisedAt(), c.open(), openDays(c), c.answer(), c.answeredBy(),
                c.answeredAt(), c.senderName());
    }

    /** The confirmed concern as officers see it (for the sender's confirmation page). */
    View view(Concern c) {
        return view(c, titles(), names());
    }

    /**
     * The kind a person chose, if it is one they may raise about a consultation in {@code status}; otherwise adds
     * the reason to {@code errors} (field {@code kind}) and answers null.
     */
    @Nullable
    static ConcernKind kindOf(@Nullable String kind, ConsultationStatus status, List<FieldError> errors) {
        List<ConcernKind> allowed = ConcernKind.raisable(status);
        ConcernKind parsed = null;
        try {
            parsed = EnumCodes.parse(ConcernKind.class, kind == null || kind.isBlank() ? null : kind, "kind");
        } catch (Refusal unknown) {
            errors.add(FieldError.of("kind", "must be one of " + allowed + " (it was \"" + kind + "\")"));
            return null;
        }
        if (parsed == null) {
            errors.add(FieldError.of("kind", "choose what the concern is about: one of " + allowed));
        } else if (parsed == ConcernKind.FORMAT_REQUEST) {
            errors.add(FieldError.of("kind", "a FORMAT_REQUEST is made by answering the notice \""
                    + Reply.NEEDS_FORMAT.label() + "\"; choose what the concern is about: one of " + allowed));
            return null;
        } else if (!allowed.contains(parsed)) {
            errors.add(FieldError.of("kind", parsed == ConcernKind.PLANNING_COMMENT
                    ? "PLANNING_COMMENT is only for a consultation that is planned or notified, not yet open; this one is "
                    + status + ": choose one of " + allowed
                    : "must be one of " + allowed));
            return null;
        }
        return parsed;
    }

    /** The text stripped, adding the reason to {@code errors} when it is blank, too long or holds control characters. */
    static String cleanText(String field, @Nullable String text, List<FieldError> errors) {
        String problem = org.compact.tracker.support.Text.problem(text, false);
        String cleaned = text == null ? "" : text.strip();
        if (problem == null) {
            problem = textProblem(cleaned);
        }
        if (problem != null) {
            errors.add(FieldError.of(field, problem));
        }
        return cleaned;
    }

    /** Whole days from raising to the answer, or to now while open, in the service's zone. */
    private long openDays(Concern c) {
        ZoneId zone = clock.getZone();
        Instant end = c.answeredAt() != null ? c.answeredAt() : clock.instant();
        return Math.max(0, ChronoUnit.DAYS.between(c.raisedAt().atZone(zone), end.atZone(zone)));
    }

    /** Consultation titles, each looked up once per answer. */
    private Function<Long, String> titles() {
        Map<Long, String> cache = new HashMap<>();
        return id -> cache.computeIfAbsent(id, x -> consultations.summary(x).title());
    }

    /** Organisation names, each looked up once per answer. */
    private Function<Long, String> names() {
        Map<Long, String> cache = new HashMap<>();
        return id -> cache.computeIfAbsent(id, this::organisationName);
    }

    private String organisationName(@Nullable Long id) {
        if (id == null) {
            return null;
        }
        try {
            return organisations.get(id).name();
        } catch (Refusal gone) {
            return "(removed)";
        }
    }

    @Nullable
    private static String textProblem(String text) {
        if (text.isEmpty()) {
            return "must not be blank";
        }
        if (text.length() > MAX_TEXT) {
            return "must be at most " + MAX_TEXT + " characters (it has " + text.length() + ")";
        }
        return null;
    }
}
