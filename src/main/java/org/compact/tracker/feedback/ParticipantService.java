package org.compact.tracker.feedback;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.compact.tracker.consultation.ConsultationHistory;
import org.compact.tracker.consultation.RegisterReads;
import org.compact.tracker.notice.LinkSigner;
import org.compact.tracker.security.Actor;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The people and groups who took part in a consultation and agreed to hear back. Officers of the consultation's
 * agency (and admins) add them one by one or import a file; each can withdraw consent by the signed link in the
 * mail they receive, without a password. Only those still consenting receive the feedback.
 */
@Singleton
public class ParticipantService {
    /** The purpose of withdrawal links, signed with the participant's id and email. */
    public static final String WITHDRAW_PURPOSE = "participant";
    private static final Logger LOG = LoggerFactory.getLogger(ParticipantService.class);

    private final ParticipantRepository participants;
    private final RegisterReads consultations;
    private final ConsultationHistory history;
    private final LinkSigner signer;
    private final Clock clock;
    private final String base;

    ParticipantService(ParticipantRepository participants, RegisterReads consultations, ConsultationHistory history,
                       LinkSigner signer, Clock clock, @Value("${tracker.public-url:`http://localhost:8080`}") String base) {
        this.participants = participants;
        this.consultations = consultations;
        this.history = history;
        this.signer = signer;
        this.clock = clock;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** What an import did. */
    @Serdeable
    public record Imported(int imported) {
    }

    /**
     * Adds one participant. {@code consentAt} is an ISO date or date-time (now when absent). Refused (422, naming the
     * field) for a blank or long name, a bad email, an email already listed on the consultation, or a bad date.
     */
    @Transactional
    public Participant add(Actor actor, Long consultationId, @Nullable String name, @Nullable String email,
                           @Nullable String consentAt) {
        actor.requireMayActFor(consultations.agencyOf(consultationId));
        Instant now = clock.instant();
        List<FieldError> errors = new ArrayList<>();
        String cleanName = ParticipantCsv.cleanName(name);
        String nameProblem = ParticipantCsv.nameProblem(cleanName);
        if (nameProblem != null) {
            errors.add(FieldError.of("name", nameProblem));
        }
        String cleanEmail = ParticipantCsv.cleanEmail(email);
        String emailProblem = ParticipantCsv.emailProblem(cleanEmail);
        if (emailProblem != null) {
            errors.add(FieldError.of("email", emailProblem));
        } else if (participants.existsByConsultationIdAndEmail(consultationId, cleanEmail)) {
            errors.add(FieldError.of("email", cleanEmail + " is already a participant of this consultation"));
        }
        Instant consent = now;
        if (consentAt != null && !consentAt.isBlank()) {
            try {
                consent = ParticipantCsv.consentTime(consentAt, clock);
                if (consent.isAfter(now)) {
                    errors.add(FieldError.of("consentAt", "'" + consentAt.strip() + "' is in the future"));
                }
            } catch (DateTimeParseException e) {
                errors.add(FieldError.of("consentAt", ParticipantCsv.dateProblem(consentAt.strip())));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        try {
            Participant saved = participants.save(new Participant(null, consultationId, cleanName, cleanEmail,
                    Participant.Source.OFFICER, consent, null, actor.username(), now));
            LOG.info("Consultation {}: participant {} added by {}", consultationId, saved.id(), actor.username());
            return saved;
        } catch (DataAccessException e) {
            // the same address added at the same moment by someone else: the unique constraint caught it
            throw Refusal.invalid("email", cleanEmail + " is already a participant of this consultation");
        }
    }

    /** Everyone listed on the consultation, in the order they were added (404 for an unknown consultation). */
    public List<Participant> list(Long consultationId) {
        consultations.agencyOf(consultationId);
        return participants.findByConsultationIdOrderById(consultationId);
    }

    /**
     * The list, for someone allowed to see these names and addresses: admins, monitors and officers of the
     * consultation's agency (403 for an officer of another agency).
     */
    public List<Participant> list(Actor actor, Long consultationId) {
        if (!actor.mayReadPeopleOfAny(consultations.agenciesOf(consultationId))) {
            throw Refusal.forbidden("Only officers of the consultation's agency, admins and monitors see who took part.");
        }
        return participants.findByConsultationIdOrderById(consultationId);
    }

    /**
     * Imports a participants file (see {@link ParticipantCsv}): every line is checked first and one bad line refuses
     * the whole file (422 listing each bad line), so nothing is ever half-imported; otherwise all are added in one
     * transaction.
     */
    @Transactional
    public Imported importCsv(Actor actor, Long consultationId, @Nullable String csv) {
        actor.requireMayActFor(consultations.agencyOf(consultationId));
        Set<String> existing = participants.findByConsultationIdOrderById(consultationId).stream()
                .map(Participant::email).collect(Collectors.toSet());
        List<ParticipantCsv.Row> rows = ParticipantCsv.read(csv, existing, clock);
        Instant now = clock.instant();
        List<Participant> added = rows.stream().map(r -> new Participant(null, consultationId, r.name(), r.email(),
                Participant.Source.CSV, r.consentAt(), null, actor.username(), now)).toList();
        try {
            participants.saveAll(added);
        } catch (DataAccessException e) {
            throw Refusal.conflict("Someone added participants to this consultation at the same moment; nothing was "
                    + "imported. Send the file again.");
        }
        LOG.info("Consultation {}: {} participants imported by {}", consultationId, added.size(), actor.username());
        return new Imported(added.size());
    }

    /** Those who still agree to hear back, for the feedback mail. */
    public List<Participant> consenting(Long consultationId) {
        return participants.findByConsultationIdAndConsentWithdrawnAtIsNullOrderById(consultationId);
    }

    /** The link in a participant's mail that withdraws their consent; valid for two years, as mail is read late. */
    public String withdrawLink(Participant participant) {
        return base + "/o/participant/withdraw?t="
                + signer.sign(WITHDRAW_PURPOSE, participant.id(), participant.email(), LocalDate.now(clock).plusYears(2));
    }

    /** The participant a withdrawal link stands for, changing nothing; 403 when forged or expired. */
    public Participant participantFor(@Nullable String token) {
        LinkSigner.Link link = signer.verify(token, WITHDRAW_PURPOSE)
                .orElseThrow(() -> Refusal.forbidden("This link is not valid or has expired."));
        return participants.findById(link.subject()).filter(p -> p.email().equalsIgnoreCase(link.email()))
                .orElseThrow(() -> Refusal.forbidden("This link is not valid or has expired."));
    }

    /** Withdraws consent from the link in the mail; withdrawing again changes nothing. */
    @Transactional
    public Participant withdrawConsent(@Nullable String token) {
        Participant p = participantFor(token);
        if (!p.consenting()) {
            return p;
        }
        Participant withdrawn = participants.update(p.withdrawn(clock.instant()));
        LOG.info("Consultation {}: participant {} withdrew consent", p.consultationId(), p.id());
        return withdrawn;
    }

    /**
     * Withdraws a participant's consent on their behalf (they asked an officer, by phone say): the same change as
     * their link makes, and a history line {@code CONSENT_WITHDRAWN} naming who did it. 403 for another agency, 404
     * for a participant of another consultation, 409 when their consent is already withdrawn.
     */
    @Transactional
    public Participant withdrawFor(Actor actor, Long consultationId, Long participantId) {
        actor.requireMayActFor(consultations.agencyOf(consultationId));
        Participant p = participants.findById(participantId).filter(x -> x.consultationId().equals(consultationId))
                .orElseThrow(() -> Refusal.notFound("participant", participantId));
        if (!p.consenting()) {
            throw Refusal.conflict(p.name() + " already withdrew consent on "
                    + p.consentWithdrawnAt().atZone(clock.getZone()).toLocalDate() + ".");
        }
        Participant withdrawn = participants.update(p.withdrawn(clock.instant()));
        // The history is read by officers of every agency: it names the participant by id, never by name or address.
        history.consentWithdrawn(actor, consultationId, "Consent to hear back withdrawn for participant "
                + p.id() + ", on their behalf", java.util.Map.of("participantId", p.id()));
        LOG.info("Consultation {}: participant {} consent withdrawn by {}", consultationId, p.id(), actor.username());
        return withdrawn;
    }
}
