package org.compact.tracker.consultation;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.support.ConsultationEvent;
import org.compact.tracker.support.EnumCodes;
import org.compact.tracker.support.HowToRespond;
import org.compact.tracker.support.Text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Applies a request to a consultation field by field, remembering which fields really changed (for history, and
 * later for the change notices organisations receive). Absent fields are left alone; empty strings clear. The one
 * place a consultation's details are written: the aggregate has no setters, and its status and step dates are
 * written by its transitions alone.
 */
final class ConsultationEdit {
    private final List<String> changed = new ArrayList<>();

    static List<String> apply(Consultation c, ConsultationRequest r) {
        ConsultationEdit e = new ConsultationEdit();
        e.line("title", r.title(), c::getTitle, v -> c.title = v);
        e.text("summary", r.summary(), c::getSummary, v -> c.summary = v);
        e.line("leadOfficer", r.leadOfficer(), c::getLeadOfficer, v -> c.leadOfficer = v);
        e.lines("themes", r.themes(), c::getThemes, v -> c.themes = v);
        e.lines("areas", r.areas(), c::getAreas, v -> c.areas = v);
        e.lines("audiences", r.audiences(), c::getAudiences, v -> c.audiences = v);
        e.lines("methods", EnumCodes.names(Method.class, r.methods(), "methods"), c::getMethods, v -> c.methods = v);
        e.lines("provisions", EnumCodes.names(Provision.class, r.provisions(), "provisions"), c::getProvisions, v -> c.provisions = v);
        e.lines("languages", r.languages(), c::getLanguages, v -> c.languages = v);
        e.lines("venues", r.venues(), c::getVenues, v -> c.venues = v);
        if (r.howToRespond() != null) {
            e.put("howToRespond", howToRespond(r.howToRespond()), c::getHowToRespond, v -> c.howToRespond = v);
        }
        if (r.events() != null) {
            e.put("events", events(r.events()), c::getEvents, v -> c.events = v);
        }
        if (r.targets() != null) {
            e.ids("targets.organisationIds", r.targets().organisationIds(), c::getTargetOrganisationIds, v -> c.targetOrganisationIds = v);
            e.lines("targets.areas", r.targets().areas(), c::getTargetAreas, v -> c.targetAreas = v);
            e.lines("targets.interests", r.targets().interests(), c::getTargetInterests, v -> c.targetInterests = v);
            e.lines("targets.communities", r.targets().communities(), c::getTargetCommunities, v -> c.targetCommunities = v);
        }
        e.text("openToChange", r.openToChange(), c::getOpenToChange, v -> c.openToChange = v);
        e.text("fixed", r.fixed(), c::getFixed, v -> c.fixed = v);
        e.value("decisionDate", r.decisionDate(), c::getDecisionDate, v -> c.decisionDate = v);
        e.line("decisionMaker", r.decisionMaker(), c::getDecisionMaker, v -> c.decisionMaker = v);
        e.value("opensOn", r.opensOn(), c::getOpensOn, v -> c.opensOn = v);
        e.value("closesOn", r.closesOn(), c::getClosesOn, v -> c.closesOn = v);
        if (r.priorWork() != null) {
            e.ids("priorWork.relatedIds", r.priorWork().relatedIds(), c::getPriorWorkIds, v -> c.priorWorkIds = v);
            e.text("priorWork.statement", r.priorWork().statement(), c::getPriorWorkStatement, v -> c.priorWorkStatement = v);
        }
        if (r.partnerAgencyIds() != null) {
            // Kept as sent (duplicates and all): Validation refuses a duplicate, an unknown agency or the lead itself.
            if (r.partnerAgencyIds().stream().anyMatch(Objects::isNull)) {
                throw org.compact.tracker.support.Refusal.invalid("partnerAgencyIds", "must hold agency ids, not an empty one");
            }
            e.put("partnerAgencyIds", List.copyOf(r.partnerAgencyIds()), c::getPartnerAgencyIds, v -> c.partnerAgencyIds = v);
        }
        return List.copyOf(e.changed);
    }

    /** The ways to respond, blank parts left out; the web and email addresses one line, the postal address plain. */
    private static HowToRespond howToRespond(HowToRespond value) {
        HowToRespond h = value.cleaned();
        Text.singleLine("howToRespond.url", h.url());
        Text.singleLine("howToRespond.email", h.email());
        Text.plain("howToRespond.postalAddress", h.postalAddress());
        return h;
    }

    /** The events, their texts checked and their provisions codes of {@link Provision}, in order of their start. */
    private static List<ConsultationEvent> events(List<ConsultationEvent> value) {
        List<ConsultationEvent> events = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            ConsultationEvent ev = value.get(i);
            if (ev == null) {
                continue;
            }
            String at = "events[" + i + "]";
            Text.singleLine(at + ".title", ev.title());
            Text.singleLine(at + ".venue", ev.venue());
            Text.plain(at + ".details", ev.details());
            events.add(new ConsultationEvent(ev.title() == null ? null : ev.title().strip(), ev.startsAt(), ev.endsAt(),
                    blankToNull(ev.venue()), blankToNull(ev.details()),
                    EnumCodes.names(Provision.class, ev.provisions(), at + ".provisions")));
        }
        events.sort(Comparator.comparing(ConsultationEvent::startsAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return List.copyOf(events);
    }

    private static String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A name or title: one line ({@link Text#singleLine}). */
    private void line(String field, @Nullable String value, Supplier<String> get, Consumer<String> set) {
        if (value != null) {
            Text.singleLine(field, value);
        }
        text(field, value, get, set);
    }

    private void text(String field, @Nullable String value, Supplier<String> get, Consumer<String> set) {
        if (value == null) {
            return;
        }
        Text.plain(field, value);
        String cleaned = value.strip().isEmpty() ? null : value.strip();
        put(field, cleaned, get, set);
    }

    /** A list of names or labels, each one line ({@link Text#singleLine}). */
    private void lines(String field, @Nullable List<String> value, Supplier<List<String>> get, Consumer<List<String>> set) {
        if (value == null) {
            return;
        }
        Text.singleLine(field, value);
        List<String> cleaned = value.stream().filter(Objects::nonNull).map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().toList();
        put(field, cleaned, get, set);
    }

    private void ids(String field, @Nullable List<Long> value, Supplier<List<Long>> get, Consumer<List<Long>> set) {
        if (value == null) {
            return;
        }
        put(field, value.stream().filter(Objects::nonNull).distinct().toList(), get, set);
    }

    private <T> void value(String field, @Nullable T value, Supplier<T> get, Consumer<T> set) {
        if (value != null) {
            put(field, value, get, set);
        }
    }

    private <T> void put(String field, @Nullable T value, Supplier<T> get, Consumer<T> set) {
        if (!Objects.equals(get.get(), value)) {
            set.accept(value);
            changed.add(field);
        }
    }
}
