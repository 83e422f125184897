package org.compact.tracker.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import org.compact.tracker.support.LongListConverter;
import org.compact.tracker.support.StringListConverter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A consultation of one agency, from planning to feedback. Its status changes only through the guarded
 * {@code mark…} methods, each of which refuses, naming the current status, when the lifecycle does not allow the
 * step; the Compact's rules are checked by {@link ConsultationService} before a step is taken.
 *
 * <p>{@code closesOn} is the last day responses are taken. An empty {@code areas} list means city-wide.
 */
@MappedEntity("consultation")
public class Consultation {
    @Id @GeneratedValue @Nullable private Long id;
    @Version @Nullable private Long version;
    private Long agencyId;
    private ConsultationStatus status;
    private String title;
    private String summary;
    private String leadOfficer;
    @TypeDef(type = DataType.STRING, converter = StringListConverter.class) private List<String> themes = List.of();
    @TypeDef(type = DataType.STRING, converter = StringListConverter.class) private List<String> areas = List.of();
    @TypeDef(type = DataType.STRING, converter = StringListConverter.class) private List<String> audiences = List.of();
    @TypeDef(type = DataType.STRING, converter = StringListConverter.class) private List<String> methods = List.of();
    @TypeDef(type = DataType.STRING, converter = StringListConverter.class) private List<String> provisions = List.of();
    @TypeDef(type = DataType.STRING, converter = StringListConverter.class) private List<String> languages = List.of();
    @TypeDef(type = DataType.STRING, converter = StringListConverter.class) private List<String> venues = List.of();
    @TypeDef(type = DataType.STRING, converter = LongListConverter.class) private List<Long> targetOrganisationIds = List.of();
    @TypeDef(type = DataType.STRING, converter = StringListConverter.class) private List<String> targetAreas = List.of();
    @TypeDef(type = DataType.STRING, converter = StringListConverter.class) private List<String> targetInterests = List.of();
    @TypeDef(type = DataType.STRING, converter = StringListConverter.class) private List<String> targetCommunities = List.of();
    @Nullable private String openToChange;
    @Nullable private String fixed;
    @Nullable private LocalDate decisionDate;
    @Nullable private String decisionMaker;
    @Nullable private LocalDate opensOn;
    @Nullable private LocalDate closesOn;
    @TypeDef(type = DataType.STRING, converter = LongListConverter.class) private List<Long> priorWorkIds = List.of();
    @Nullable private String priorWorkStatement;
    @Nullable private LocalDate notifiedOn;
    @Nullable private Instant notifiedAt;
    @Nullable private LocalDate openedOn;
    @Nullable private LocalDate closedOn;
    @Nullable private LocalDate withdrawnOn;
    @Nullable private String withdrawalReason;
    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;

    public Consultation() {
    }

    /** Sends notice: PLANNED → NOTIFIED. The notice date starts the one-month notice period (NOTICE). */
    void markNotified(Instant at, LocalDate on) {
        require(ConsultationStatus.NOTIFIED, "notify");
        status = ConsultationStatus.NOTIFIED;
        notifiedAt = at;
        notifiedOn = on;
    }

    /** Opens for responses: NOTIFIED → OPEN. */
    void markOpened(LocalDate on) {
        require(ConsultationStatus.OPEN, "open");
        status = ConsultationStatus.OPEN;
        openedOn = on;
    }

    /**
     * Stops taking responses: OPEN → CLOSED. Feedback falls due from here: closed before its close date, the close
     * date becomes the day it closed (what the programme shows, what feedback is counted from).
     */
    void markClosed(LocalDate on) {
        require(ConsultationStatus.CLOSED, "close");
        status = ConsultationStatus.CLOSED;
        closedOn = on;
        if (closesOn == null || on.isBefore(closesOn)) {
            closesOn = on;
        }
    }

    /** Feedback recorded and sent: CLOSED → FEEDBACK_GIVEN. */
    void markFeedbackGiven() {
        require(ConsultationStatus.FEEDBACK_GIVEN, "give feedback");
        status = ConsultationStatus.FEEDBACK_GIVEN;
    }

    /** Stops the consultation before it closes, with a reason that everyone notified is told. */
    void markWithdrawn(LocalDate on, String reason) {
        require(ConsultationStatus.WITHDRAWN, "withdraw");
        status = ConsultationStatus.WITHDRAWN;
        withdrawnOn = on;
        withdrawalReason = reason;
    }

    /** Details can change until the consultation closes or is withdrawn. */
    void requireEditable() {
        if (!ConsultationStatus.LIVE.contains(status)) {
            throw new IllegalTransition("change", status, "PLANNED, NOTIFIED or OPEN");
        }
    }

    private void require(ConsultationStatus target, String action) {
        if (!status.canMoveTo(target)) {
            StringBuilder from = new StringBuilder();
            for (ConsultationStatus s : ConsultationStatus.values()) {
                if (s.canMoveTo(target)) {
                    from.append(from.isEmpty() ? "" : ", ").append(s);
                }
            }
            throw new IllegalTransition(action, status, from.toString());
        }
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public void setAgencyId(Long agencyId) {
        this.agencyId = agencyId;
    }

    public ConsultationStatus getStatus() {
        return status;
    }

    public void setStatus(ConsultationStatus status) {
        this.status = status;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getLeadOfficer() {
        return leadOfficer;
    }

    public void setLeadOfficer(String leadOfficer) {
        this.leadOfficer = leadOfficer;
    }

    public List<String> getThemes() {
        return themes;
    }

    public void setThemes(List<String> themes) {
        this.themes = themes;
    }

    public List<String> getAreas() {
        return areas;
    }

    public void setAreas(List<String> areas) {
        this.areas = areas;
    }

    public List<String> getAudiences() {
        return audiences;
    }

    public void setAudiences(List<String> audiences) {
        this.audiences = audiences;
    }

    public List<String> getMethods() {
        return methods;
    }

    public void setMethods(List<String> methods) {
        this.methods = methods;
    }

    public List<String> getProvisions() {
        return provisions;
    }

    public void setProvisions(List<String> provisions) {
        this.provisions = provisions;
    }

    public List<String> getLanguages() {
        return languages;
    }

    public void setLanguages(List<String> languages) {
        this.languages = languages;
    }

    public List<String> getVenues() {
        return venues;
    }

    public void setVenues(List<String> venues) {
        this.venues = venues;
    }

    public List<Long> getTargetOrganisationIds() {
        return targetOrganisationIds;
    }

    public void setTargetOrganisationIds(List<Long> targetOrganisationIds) {
        this.targetOrganisationIds = targetOrganisationIds;
    }

    public List<String> getTargetAreas() {
        return targetAreas;
    }

    public void setTargetAreas(List<String> targetAreas) {
        this.targetAreas = targetAreas;
    }

    public List<String> getTargetInterests() {
        return targetInterests;
    }

    public void setTargetInterests(List<String> targetInterests) {
        this.targetInterests = targetInterests;
    }

    public List<String> getTargetCommunities() {
        return targetCommunities;
    }

    public void setTargetCommunities(List<String> targetCommunities) {
        this.targetCommunities = targetCommunities;
    }

    public String getOpenToChange() {
        return openToChange;
    }

    public void setOpenToChange(String openToChange) {
        this.openToChange = openToChange;
    }

    public String getFixed() {
        return fixed;
    }

    public void setFixed(String fixed) {
        this.fixed = fixed;
    }

    public LocalDate getDecisionDate() {
        return decisionDate;
    }

    public void setDecisionDate(LocalDate decisionDate) {
        this.decisionDate = decisionDate;
    }

    public String getDecisionMaker() {
        return decisionMaker;
    }

    public void setDecisionMaker(String decisionMaker) {
        this.decisionMaker = decisionMaker;
    }

    public LocalDate getOpensOn() {
        return opensOn;
    }

    public void setOpensOn(LocalDate opensOn) {
        this.opensOn = opensOn;
    }

    public LocalDate getClosesOn() {
        return closesOn;
    }

    public void setClosesOn(LocalDate closesOn) {
        this.closesOn = closesOn;
    }

    public List<Long> getPriorWorkIds() {
        return priorWorkIds;
    }

    public void setPriorWorkIds(List<Long> priorWorkIds) {
        this.priorWorkIds = priorWorkIds;
    }

    public String getPriorWorkStatement() {
        return priorWorkStatement;
    }

    public void setPriorWorkStatement(String priorWorkStatement) {
        this.priorWorkStatement = priorWorkStatement;
    }

    public LocalDate getNotifiedOn() {
        return notifiedOn;
    }

    public void setNotifiedOn(LocalDate notifiedOn) {
        this.notifiedOn = notifiedOn;
    }

    public Instant getNotifiedAt() {
        return notifiedAt;
    }

    public void setNotifiedAt(Instant notifiedAt) {
        this.notifiedAt = notifiedAt;
    }

    public LocalDate getOpenedOn() {
        return openedOn;
    }

    public void setOpenedOn(LocalDate openedOn) {
        this.openedOn = openedOn;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public void setClosedOn(LocalDate closedOn) {
        this.closedOn = closedOn;
    }

    public LocalDate getWithdrawnOn() {
        return withdrawnOn;
    }

    public void setWithdrawnOn(LocalDate withdrawnOn) {
        this.withdrawnOn = withdrawnOn;
    }

    public String getWithdrawalReason() {
        return withdrawalReason;
    }

    public void setWithdrawalReason(String withdrawalReason) {
        this.withdrawalReason = withdrawalReason;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
