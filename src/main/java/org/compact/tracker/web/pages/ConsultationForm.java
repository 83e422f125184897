package org.compact.tracker.web.pages;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.consultation.Audience;
import org.compact.tracker.consultation.ConsultationRequest;
import org.compact.tracker.consultation.ConsultationView;
import org.compact.tracker.consultation.Method;
import org.compact.tracker.consultation.Provision;
import org.compact.tracker.support.Dates;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.HowToRespond;
import org.compact.tracker.support.Wording;
import org.compact.tracker.web.forms.FormData;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The consultation form as the page shows it: every field of {@link ConsultationRequest} as text (lists separated
 * by commas, venues one a line, events one a line as {@link EventLines} reads them) and the ticked codes. It is read back from a post, turned into a request, and
 * shown again with what was typed when the service refuses it.
 */
public final class ConsultationForm {
    String title = "";
    String summary = "";
    String leadOfficer = "";
    String themes = "";
    String areas = "";
    List<String> audiences = new ArrayList<>();
    String otherAudiences = "";
    List<String> methods = new ArrayList<>();
    List<String> provisions = new ArrayList<>();
    String languages = "";
    String venues = "";
    String respondUrl = "";
    String respondEmail = "";
    String respondPostalAddress = "";
    String events = "";
    List<String> targetOrganisations = new ArrayList<>();
    List<String> partnerAgencies = new ArrayList<>();
    String targetAreas = "";
    String targetInterests = "";
    String targetCommunities = "";
    String openToChange = "";
    String fixed = "";
    String decisionDate = "";
    String decisionMaker = "";
    String opensOn = "";
    String closesOn = "";
    String priorWorkIds = "";
    String priorWorkStatement = "";
    String version = "";

    static ConsultationForm empty(String leadOfficer) {
        ConsultationForm f = new ConsultationForm();
        f.leadOfficer = leadOfficer;
        return f;
    }

    static ConsultationForm of(ConsultationView v) {
        ConsultationForm f = new ConsultationForm();
        f.title = text(v.title());
        f.summary = text(v.summary());
        f.leadOfficer = text(v.leadOfficer());
        f.themes = String.join(", ", v.themes());
        f.areas = String.join(", ", v.areas());
        f.audiences = v.audiences().stream().filter(Audience.CODES::contains).collect(Collectors.toCollection(ArrayList::new));
        f.otherAudiences = v.audiences().stream().filter(a -> !Audience.CODES.contains(a)).collect(Collectors.joining(", "));
        f.methods = new ArrayList<>(v.methods());
        f.provisions = new ArrayList<>(v.provisions());
        f.languages = String.join(", ", v.languages());
        f.venues = String.join("\n", v.venues());
        f.respondUrl = text(v.howToRespond().url());
        f.respondEmail = text(v.howToRespond().email());
        f.respondPostalAddress = text(v.howToRespond().postalAddress());
        f.events = EventLines.write(v.events());
        f.targetOrganisations = ids(v.targets().organisationIds());
        f.partnerAgencies = ids(v.partnerAgencyIds());
        f.targetAreas = String.join(", ", nn(v.targets().areas()));
        f.targetInterests = String.join(", ", nn(v.targets().interests()));
        f.targetCommunities = String.join(", ", nn(v.targets().communities()));
        f.openToChange = text(v.openToChange());
        f.fixed = text(v.fixed());
        f.decisionDate = v.decisionDate() == null ? "" : v.decisionDate().toString();
        f.decisionMaker = text(v.decisionMaker());
        f.opensOn = v.opensOn() == null ? "" : v.opensOn().toString();
        f.closesOn = v.closesOn() == null ? "" : v.closesOn().toString();
        f.priorWorkIds = String.join(", ", ids(v.priorWork().relatedIds()));
        f.priorWorkStatement = text(v.priorWork().statement());
        f.version = String.valueOf(v.version());
        return f;
    }

    static ConsultationForm read(FormData d) {
        ConsultationForm f = new ConsultationForm();
        f.title = d.get("title");
        f.summary = d.get("summary");
        f.leadOfficer = d.get("leadOfficer");
        f.themes = d.get("themes");
        f.areas = d.get("areas");
        f.audiences = new ArrayList<>(d.all("audiences"));
        f.otherAudiences = d.get("otherAudiences");
        f.methods = new ArrayList<>(d.all("methods"));
        f.provisions = new ArrayList<>(d.all("provisions"));
        f.languages = d.get("languages");
        f.venues = d.get("venues");
        f.respondUrl = d.get("howToRespond.url");
        f.respondEmail = d.get("howToRespond.email");
        f.respondPostalAddress = d.get("howToRespond.postalAddress");
        f.events = d.get("events");
        f.targetOrganisations = new ArrayList<>(d.all("targets.organisationIds"));
        f.partnerAgencies = new ArrayList<>(d.all("partnerAgencyIds"));
        f.targetAreas = d.get("targets.areas");
        f.targetInterests = d.get("targets.interests");
        f.targetCommunities = d.get("targets.communities");
        f.openToChange = d.get("openToChange");
        f.fixed = d.get("fixed");
        f.decisionDate = d.get("decisionDate");
        f.decisionMaker = d.get("decisionMaker");
        f.opensOn = d.get("opensOn");
        f.closesOn = d.get("closesOn");
        f.priorWorkIds = d.get("priorWork.relatedIds");
        f.priorWorkStatement = d.get("priorWork.statement");
        f.version = d.get("version");
        return f;
    }

    /**
     * The request this form stands for. Every field is sent, so a cleared box clears the field; a date left blank
     * is left as it is (the service has no way to unset a date). Dates and ids that cannot be read are added to
     * {@code errors}.
     */
    ConsultationRequest toRequest(List<FieldError> errors) {
        List<String> allAudiences = new ArrayList<>(audiences);
        allAudiences.addAll(commaList(otherAudiences));
        return new ConsultationRequest(title, summary, null, leadOfficer.isBlank() ? null : leadOfficer.strip(),
                commaList(themes), commaList(areas), allAudiences, List.copyOf(methods),
                new ConsultationRequest.Targets(longs("targets.organisationIds", targetOrganisations, errors),
                        commaList(targetAreas), commaList(targetInterests), commaList(targetCommunities)),
                openToChange, fixed, date("decisionDate", decisionDate, errors), decisionMaker,
                date("opensOn", opensOn, errors), date("closesOn", closesOn, errors), List.copyOf(provisions),
                commaList(languages), venues.lines().map(String::strip).filter(s -> !s.isEmpty()).toList(),
                new HowToRespond(respondUrl, respondEmail, respondPostalAddress).cleaned(),
                EventLines.read(events, errors),
                new ConsultationRequest.PriorWork(longs("priorWork.relatedIds", commaList(priorWorkIds), errors),
                        priorWorkStatement), longs("partnerAgencyIds", partnerAgencies, errors));
    }

    @Nullable
    Long expectedVersion() {
        try {
            return version.isBlank() ? null : Long.valueOf(version.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The choices of a group of tick boxes, with whether each is ticked. */
    public record Choice(String code, String label, boolean checked, String id) {
    }

    List<Choice> methodChoices() {
        return choices("methods", Arrays.stream(Method.values()).map(Enum::name).toList(), methods);
    }

    List<Choice> provisionChoices() {
        return choices("provisions", Arrays.stream(Provision.values()).map(Enum::name).toList(), provisions);
    }

    List<Choice> audienceChoices() {
        return choices("audiences", Audience.ALL, audiences);
    }

    private static List<Choice> choices(String group, List<String> codes, List<String> ticked) {
        return codes.stream().map(c -> new Choice(c, Wording.code(c), ticked.stream().anyMatch(c::equalsIgnoreCase),
                group + "-" + c)).toList();
    }

    // Getters for the template (Thymeleaf reads fields through them).
    public String getTitle() { return title; }
    public String getSummary() { return summary; }
    public String getLeadOfficer() { return leadOfficer; }
    public String getThemes() { return themes; }
    public String getAreas() { return areas; }
    public String getOtherAudiences() { return otherAudiences; }
    public String getLanguages() { return languages; }
    public String getVenues() { return venues; }
    public String getRespondUrl() { return respondUrl; }
    public String getRespondEmail() { return respondEmail; }
    public String getRespondPostalAddress() { return respondPostalAddress; }
    public String getEvents() { return events; }
    public List<String> getTargetOrganisations() { return targetOrganisations; }
    public String getTargetAreas() { return targetAreas; }
    public String getTargetInterests() { return targetInterests; }
    public String getTargetCommunities() { return targetCommunities; }
    public String getOpenToChange() { return openToChange; }
    public String getFixed() { return fixed; }
    public String getDecisionDate() { return decisionDate; }
    public String getDecisionMaker() { return decisionMaker; }
    public String getOpensOn() { return opensOn; }
    public String getClosesOn() { return closesOn; }
    public String getPriorWorkIds() { return priorWorkIds; }
    public String getPriorWorkStatement() { return priorWorkStatement; }
    public String getVersion() { return version; }
    public List<Choice> getMethodChoices() { return methodChoices(); }
    public List<Choice> getProvisionChoices() { return provisionChoices(); }
    public List<Choice> getAudienceChoices() { return audienceChoices(); }

    static List<String> commaList(@Nullable String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Nullable
    private static LocalDate date(String field, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Dates.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "must be a date, for example 2027-03-01"));
            return null;
        }
    }

    private static List<Long> longs(String field, List<String> texts, List<FieldError> errors) {
        List<Long> out = new ArrayList<>();
        for (String t : texts) {
            try {
                out.add(Long.valueOf(t.strip()));
            } catch (NumberFormatException e) {
                errors.add(FieldError.of(field, "'" + t + "' is not a number: give consultation numbers separated by commas"));
            }
        }
        return out;
    }

    private static List<String> ids(@Nullable List<Long> ids) {
        return ids == null ? new ArrayList<>() : ids.stream().filter(Objects::nonNull).map(String::valueOf)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static List<String> nn(@Nullable List<String> list) {
        return list == null ? List.of() : list;
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }
}
