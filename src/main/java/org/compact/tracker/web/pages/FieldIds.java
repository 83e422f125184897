package org.compact.tracker.web.pages;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.consultation.Audience;
import org.compact.tracker.consultation.Method;
import org.compact.tracker.consultation.Provision;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Wording;

import java.util.List;
import java.util.Map;

/**
 * Where an error points: a field path of the API ("targets.areas[1]", "priorWork") becomes the id of the input on
 * the page, so the error summary links straight to it, and a label people know.
 */
final class FieldIds {
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("title", "Title"), Map.entry("summary", "Summary"), Map.entry("leadOfficer", "Lead officer"),
            Map.entry("themes", "Themes"), Map.entry("areas", "Areas"), Map.entry("audiences", "Audiences"),
            Map.entry("methods", "Ways to take part"), Map.entry("provisions", "Help offered"),
            Map.entry("languages", "Languages"), Map.entry("venues", "Venues"), Map.entry("targets", "Who to ask"),
            Map.entry("openToChange", "What views can change"), Map.entry("fixed", "What is already decided"),
            Map.entry("decisionDate", "Decision date"), Map.entry("decisionMaker", "Who decides"),
            Map.entry("opensOn", "Opens on"), Map.entry("closesOn", "Closes on"), Map.entry("priorWork", "Earlier work"),
            Map.entry("agencyId", "Agency"), Map.entry("youSaid", "You said"), Map.entry("weDid", "We did"),
            Map.entry("outcome", "Outcome"), Map.entry("reasons", "Reasons"), Map.entry("reportUrl", "Report address"),
            Map.entry("decidedOn", "Decided on"), Map.entry("responseCounts", "Responses"),
            Map.entry("actions", "Actions"), Map.entry("reason", "Reason"), Map.entry("ruleId", "Rule"),
            Map.entry("answer", "Answer"), Map.entry("note", "Note"), Map.entry("name", "Name"),
            Map.entry("email", "Email address"), Map.entry("consentAt", "Agreed to hear back on"),
            Map.entry("file", "Participants file"), Map.entry("howToRespond", "How to respond"),
            Map.entry("events", "Meetings and events"));

    private FieldIds() {
    }

    /** One line of an error summary: the text, and the id of the input it links to (none for the whole form). */
    public record Error(String text, @Nullable String fieldId) {
    }

    static List<Error> errors(List<FieldError> errors) {
        return errors.stream().map(e -> new Error(label(e.field()) + (e.ruleId() == null ? "" : " (" + e.ruleId() + ")")
                + ": " + e.reason(), e.field() == null ? null : of(e.field()))).toList();
    }

    /** The fields (element ids) that have an error, so each input can show its own message. */
    static Map<String, String> byField(List<FieldError> errors) {
        Map<String, String> out = new java.util.HashMap<>();
        for (FieldError e : errors) {
            if (e.field() != null) {
                out.merge(of(e.field()), e.reason(), (a, b) -> a + "; " + b);
            }
        }
        return out;
    }

    static String of(String path) {
        String p = path.replaceAll("\\[(\\d+)]", ".$1");
        String top = p.contains(".") ? p.substring(0, p.indexOf('.')) : p;
        return switch (top) {
            case "priorWork" -> p.equals("priorWork.relatedIds") ? "priorWork-relatedIds" : "priorWork-statement";
            case "targets" -> p.startsWith("targets.organisationIds") ? "targets-organisationIds"
                    : p.startsWith("targets.interests") ? "targets-interests"
                    : p.startsWith("targets.communities") ? "targets-communities" : "targets-areas";
            case "methods" -> "methods-" + Method.values()[0].name();
            case "provisions" -> "provisions-" + Provision.values()[0].name();
            case "audiences" -> "audiences-" + Audience.ALL.get(0);
            case "agencyId" -> "title";
            case "howToRespond" -> p.equals("howToRespond") ? "howToRespond-url" : p.replace('.', '-');
            case "events" -> "events";
            default -> p.replace('.', '-');
        };
    }

    static String label(@Nullable String path) {
        if (path == null) {
            return "The consultation";
        }
        String top = path.replaceAll("\\[.*$", "").split("\\.")[0];
        return LABELS.getOrDefault(top, Wording.code(top));
    }
}
