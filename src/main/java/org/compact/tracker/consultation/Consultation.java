package org.compact.tracker.consultation;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Transient;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import org.compact.tracker.support.ConsultationEvent;
import org.compact.tracker.support.EventListConverter;
import org.compact.tracker.support.HowToRespond;
import org.compact.tracker.support.HowToRespondConverter;
import org.compact.tracker.support.LongListConverter;
import org.compact.tracker.support.StringListConverter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A consultation of one lead agency (with, when it is joint, its partner agencies), from planning to feedback. Its status changes only through the guarded transitions
 * below, one per {@link Step}, each of which refuses, naming the current status, when the step table does not allow
 * it; the Compact's rules are checked by {@link Lifecycle} before a step is taken. There is no status setter: the
 * register reads the fields straight from the database (field access), so nothing else can walk around the table.
 *
 * <p>{@code closesOn} is the last day responses are taken. An empty {@code areas} list means city-wide.
 */
@MappedEntity("consultation")
@Introspected(accessKind = {Introspected.AccessKind.METHOD, Introspected.AccessKind.FIELD})
public class Consultation {
    @Id @GeneratedValue @Nullable Long id;
    @Version @Nullable Long version;
    Long agencyId;
    ConsultationStatus status;
    String title;
    String summary;
    String leadOfficer;
    @TypeDef(type = DataType.STRING, converter = StringListConverter.class) List<String> themes = List.of();
    @TypeDef(type = DataType.STRING, converter = StringListConverter.class) List<String> areas = List.of();
    @TypeDef(type = DataType.STRING, converter = StringListConverter.class) List<String> audiences = List.of();
    @TypeDef(type = DataType.STRING, converter = StringListConverter.class) List<String> methods = List.of();
    @TypeDef(type = DataType.STRING, converter = StringListConverter.class) List<String> provisions = List.of();
    @TypeDef(type = DataType.STRING, converter = StringListConverter.class) List<String> languages = List.of();
    @TypeDef(type = DataType.STRING, converter = StringListConverter.class) List<String> venues = List.of();
    @TypeDef(type = DataType.STRING, converter = HowToRespondConverter.class) HowToRespond howToRespond = HowToRespond.NONE;
    @TypeDef(type = DataType.STRING, converter = EventListConverter.class) List<ConsultationEvent> events = List.of();
    @TypeDef(type = DataType.STRING, converter = LongListConverter.class) List<Long> targetOrganisationIds = List.of();
    @TypeDef(type = DataType.STRING, converter = StringListConverter.class) List<String> targetAreas = List.of();
    @TypeDef(type = DataType.STRING, converter = StringListConverter.class) List<String> targetInterests = List.of();
    @TypeDef(type = DataType.STRING, converter = StringListConverter.class) List<String> targetCommunities = List.of();
    @Nullable String openToChange;
    @Nullable String fixed;
    @Nullable LocalDate decisionDate;
    @Nullable String decisionMaker;
    @Nullable LocalDate opensOn;
    @Nullable LocalDate closesOn;
    @TypeDef(type = DataType.STRING, converter = LongListConverter.class) List<Long> priorWorkIds = List.of();
    @Nullable String priorWorkStatement;
    @Nullable LocalDate notifiedOn;
    @Nullable Instant notifiedAt;
    @Nullable LocalDate openedOn;
    @Nullable LocalDate closedOn;
    @Nullable LocalDate withdrawnOn;
    @Nullable String withdrawalReason;
    String createdBy;
    Instant createdAt;
    Instant updatedAt;
    /** The partner agencies of a joint consultation: kept in {@code consultation_partner} by {@link ConsultationStore}. */
    @Transient List<Long> partnerAgencyIds = List.of();

    public Consultation() {
    }

    /** A consultation just registered (or being previewed): PLANNED, led by {@code leadOfficer}. */
    static Consultation planned(Long agencyId, String leadOfficer, @Nullable String createdBy, @Nullable Instant at) {
        Consultation c = new Consultation();
        c.status = ConsultationStatus.PLANNED;
        c.agencyId = agencyId;
        c.leadOfficer = leadOfficer;
        c.createdBy = createdBy;
        c.createdAt = at;
        c.updatedAt = at;
        return c;
    }

    /** Sends notice: PLANNED → NOTIFIED. The notice date starts the one-month notice period (NOTICE). */
    void markNotified(Instant at, LocalDate on) {
        take(Step.NOTIFY);
        notifiedAt = at;
        notifiedOn = on;
    }

    /** Opens for responses: NOTIFIED → OPEN. */
    void markOpened(LocalDate on) {
        take(Step.OPEN);
        openedOn = on;
    }

    /**
     * Stops taking responses: OPEN → CLOSED. Feedback falls due from here: closed before its close date, the close
     * date becomes the day it closed (what the programme shows, what feedback is counted from).
     */
    void markClosed(LocalDate on) {
        take(Step.CLOSE);
        closedOn = on;
        if (closesOn == null || on.isBefore(closesOn)) {
            closesOn = on;
        }
    }

    /** Feedback recorded and sent: CLOSED → FEEDBACK_GIVEN. */
    void markFeedbackGiven() {
        take(Step.GIVE_FEEDBACK);
    }

    /** Stops the consultation before it closes, with a reason that everyone notified is told. */
    void markWithdrawn(LocalDate on, String reason) {
        take(Step.WITHDRAW);
        withdrawnOn = on;
        withdrawalReason = reason;
    }

    /** Details can change until the consultation closes or is withdrawn. */
    void requireEditable() {
        if (!ConsultationStatus.LIVE.contains(status)) {
            throw new IllegalTransition("change", status, "PLANNED, NOTIFIED or OPEN");
        }
    }

    /** A change to the details was saved at {@code at}. */
    void touch(Instant at) {
        updatedAt = at;
    }

    private void take(Step step) {
        step.requireFrom(status);
        status = step.to();
    }

    public Long getId() {
        return id;
    }

    public Long getVersion() {
        return version;
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public List<Long> getPartnerAgencyIds() {
        return partnerAgencyIds;
    }

    public ConsultationStatus getStatus() {
        return status;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public String getLeadOfficer() {
        return leadOfficer;
    }

    public List<String> getThemes() {
        return themes;
    }

    public List<String> getAreas() {
        return areas;
    }

    public List<String> getAudiences() {
        return audiences;
    }

    public List<String> getMethods() {
        return methods;
    }

    public List<String> getProvisions() {
        return provisions;
    }

    public List<String> getLanguages() {
        return languages;
    }

    public List<String> getVenues() {
        return venues;
    }

    /** Where and how to respond; {@link HowToRespond#NONE} when none is given yet. */
    public HowToRespond getHowToRespond() {
        return howToRespond == null ? HowToRespond.NONE : howToRespond;
    }

    /** The meetings and other events, local times in Europe/London. */
    public List<ConsultationEvent> getEvents() {
        return events == null ? List.of() : events;
    }

    public List<Long> getTargetOrganisationIds() {
        return targetOrganisationIds;
    }

    public List<String> getTargetAreas() {
        return targetAreas;
    }

    public List<String> getTargetInterests() {
        return targetInterests;
    }

    public List<String> getTargetCommunities() {
        return targetCommunities;
    }

    public String getOpenToChange() {
        return openToChange;
    }

    public String getFixed() {
        return fixed;
    }

    public LocalDate getDecisionDate() {
        return decisionDate;
    }

    public String getDecisionMaker() {
        return decisionMaker;
    }

    public LocalDate getOpensOn() {
        return opensOn;
    }

    public LocalDate getClosesOn() {
        return closesOn;
    }

    public List<Long> getPriorWorkIds() {
        return priorWorkIds;
    }

    public String getPriorWorkStatement() {
        return priorWorkStatement;
    }

    public LocalDate getNotifiedOn() {
        return notifiedOn;
    }

    public Instant getNotifiedAt() {
        return notifiedAt;
    }

    public LocalDate getOpenedOn() {
        return openedOn;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public LocalDate getWithdrawnOn() {
        return withdrawnOn;
    }

    public String getWithdrawalReason() {
        return withdrawalReason;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
