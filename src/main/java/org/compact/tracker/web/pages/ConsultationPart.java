package org.compact.tracker.web.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.compact.tracker.consultation.ConsultationSummary;
import org.compact.tracker.consultation.RegisterReads;
import org.compact.tracker.consultation.ConsultationStatus;
import org.compact.tracker.security.Actor;
import org.compact.tracker.security.Actors;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;
import org.compact.tracker.support.Wording;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What the pages of one part of a consultation (its exemptions, concerns, actions, participants) share: who may see
 * them (officers of its agency, admins and monitors; an officer of another agency gets 403), who may change them
 * (officers of its agency and admins: the forms are shown only to them), and the frame of the page.
 */
final class ConsultationPart {
    private ConsultationPart() {
    }

    /** The consultation, after checking that {@code auth} may see its parts. */
    static ConsultationSummary readable(RegisterReads consultations, Authentication auth, Long id) {
        ConsultationSummary c = consultations.summary(id);
        Actor actor = Actors.of(auth);
        if (!actor.mayReadPeopleOfAny(c.agencies())) {
            throw Refusal.forbidden("Only officers of the consultation's agencies, admins and monitors see this page.");
        }
        return c;
    }

    /** The frame of a part's page: the consultation, its status, whether the user may change it, the error summary. */
    static Map<String, Object> model(PageModel pages, HttpRequest<?> request, Authentication auth,
                                     ConsultationSummary c, String heading, List<FieldIds.Error> errors,
                                     Map<String, String> fieldErrors) {
        Map<String, Object> model = pages.of(request, auth, heading + ": " + c.title());
        model.put("c", c);
        model.put("heading", heading);
        model.put("statusLabel", Wording.code(c.status().name()));
        model.put("mayChange", Actors.of(auth).mayActFor(c.agencyId()));
        // A joint consultation's partners answer its concerns and mark its actions done; only its lead changes the rest.
        model.put("mayRespond", Actors.of(auth).mayActForAny(c.agencies()));
        model.put("errors", errors);
        model.put("fieldErrors", fieldErrors);
        return model;
    }

    static boolean closedForGood(ConsultationSummary c) {
        return c.status() == ConsultationStatus.FEEDBACK_GIVEN || c.status() == ConsultationStatus.WITHDRAWN;
    }

    /**
     * The number in a page's "what was just done" query parameter (?answered=12), or null for anything else: the
     * parameter only chooses a message, so a mangled one shows the page without it rather than an error.
     */
    @io.micronaut.core.annotation.Nullable
    static Long number(@io.micronaut.core.annotation.Nullable String value) {
        if (value == null || value.isBlank() || value.length() > 18) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** After a change: back to the page (303), which says what was done. */
    static HttpResponse<?> done(String path) {
        return HttpResponse.seeOther(URI.create(path));
    }

    /** A refused change shown again on its page with the refusal's status; 403 and 404 are the error page's. */
    static HttpResponse<?> refusedOn(Refusal refused, ModelAndView<Map<String, Object>> page) {
        if (refused.status() == 404 || refused.status() == 403) {
            throw refused;
        }
        return HttpResponse.status(ConsultationPageController.statusOf(refused)).body(page);
    }

    static HttpStatus status(Refusal refused) {
        return ConsultationPageController.statusOf(refused);
    }

    /** The refusal's reasons, each as a line of the error summary linked to the input {@code fieldId} gives. */
    static List<FieldIds.Error> errors(Refusal refused, java.util.function.Function<FieldError, String> label,
                                       java.util.function.Function<FieldError, String> fieldId) {
        return ConsultationPageController.problems(refused).stream()
                .map(e -> new FieldIds.Error(label.apply(e) + (e.ruleId() == null ? "" : " (" + e.ruleId() + ")")
                        + ": " + e.reason(), fieldId.apply(e))).toList();
    }

    static Map<String, String> fieldErrors(Refusal refused, java.util.function.Function<FieldError, String> fieldId) {
        Map<String, String> out = new java.util.HashMap<>();
        for (FieldError e : ConsultationPageController.problems(refused)) {
            String id = fieldId.apply(e);
            if (id != null) {
                out.merge(id, e.reason(), (a, b) -> a + "; " + b);
            }
        }
        return out;
    }
}
