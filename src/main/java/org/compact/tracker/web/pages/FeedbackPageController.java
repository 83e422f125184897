package org.compact.tracker.web.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Validator;
import org.compact.tracker.consultation.RegisterReads;
import org.compact.tracker.consultation.ConsultationStatus;
import org.compact.tracker.consultation.ConsultationView;
import org.compact.tracker.feedback.FeedbackRequest;
import org.compact.tracker.feedback.FeedbackService;
import org.compact.tracker.feedback.Outcome;
import org.compact.tracker.security.Actors;
import org.compact.tracker.security.Role;
import org.compact.tracker.support.Dates;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;
import org.compact.tracker.support.Wording;
import org.compact.tracker.web.forms.BodyChecks;
import org.compact.tracker.web.forms.FormData;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The feedback form of a closed consultation: what was heard ("you said"), what was decided ("we did"), the
 * outcome and its reasons, the report, response counts and the actions promised. Sending it records the feedback,
 * moves the consultation to feedback given and mails everyone notified and everyone who agreed to hear back.
 */
@Controller("/consultations/{id}/feedback")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class FeedbackPageController {
    static final int ACTION_ROWS = 3;

    private final RegisterReads consultations;
    private final FeedbackService feedback;
    private final PageModel pages;

    private final Validator validator;

    FeedbackPageController(RegisterReads consultations, FeedbackService feedback, PageModel pages,
                           Validator validator) {
        this.validator = validator;
        this.consultations = consultations;
        this.feedback = feedback;
        this.pages = pages;
    }

    /** One promised action's row on the form. */
    public record ActionRow(int index, String what, String owner, String due) {
    }

    /** A response count for one way of taking part. */
    public record CountRow(String method, String label, String value) {
    }

    /** An outcome to choose. */
    public record OutcomeChoice(String code, String label, boolean checked) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    ModelAndView<Map<String, Object>> form(HttpRequest<?> request, Authentication auth, @PathVariable Long id) {
        return page(request, auth, id, FormData.parse(""), List.of());
    }

    @Post(produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    HttpResponse<?> give(HttpRequest<?> request, Authentication auth, @PathVariable Long id, @Nullable @Body String body) {
        FormData form = FormData.parse(body);
        List<FieldError> errors = new ArrayList<>();
        FeedbackRequest r = request(form, consultations.get(id), errors);
        errors.addAll(BodyChecks.problems(validator, r));
        try {
            if (!errors.isEmpty()) {
                throw Refusal.invalid(errors);
            }
            feedback.record(Actors.of(auth), id, r);
            return HttpResponse.seeOther(URI.create("/consultations/" + id + "?done=feedback"));
        } catch (Refusal refused) {
            if (refused.status() == 404 || refused.status() == 403) {
                throw refused;
            }
            return HttpResponse.status(ConsultationPageController.statusOf(refused))
                    .body(page(request, auth, id, form, ConsultationPageController.problems(refused)));
        }
    }

    @Error(exception = Refusal.class)
    HttpResponse<?> refused(HttpRequest<?> request, Refusal refusal) {
        return ErrorPage.of(pages, request, refusal);
    }

    private ModelAndView<Map<String, Object>> page(HttpRequest<?> request, Authentication auth, Long id, FormData form,
                                                   List<FieldError> errors) {
        ConsultationView c = consultations.get(id);
        Actors.of(auth).requireMayActForAny(JointWording.agencyIds(c));
        if (c.status() != ConsultationStatus.CLOSED) {
            throw new Refusal(409, "Transition not allowed", "Feedback is given once the consultation is closed; it is "
                    + Wording.code(c.status().name()).toLowerCase(java.util.Locale.ROOT) + ".", List.of());
        }
        Map<String, Object> model = pages.of(request, auth, "Give feedback on " + c.title());
        model.put("c", c);
        model.put("youSaid", form.get("youSaid"));
        model.put("weDid", form.get("weDid"));
        model.put("outcomes", Arrays.stream(Outcome.values()).map(o -> new OutcomeChoice(o.name(), Wording.code(o.name()),
                o.name().equals(form.get("outcome")))).toList());
        model.put("reasons", form.get("reasons"));
        model.put("reportUrl", form.get("reportUrl"));
        model.put("decidedOn", form.get("decidedOn"));
        model.put("counts", c.methods().stream().map(m -> new CountRow(m, Wording.code(m), form.get("responseCounts." + m))).toList());
        List<ActionRow> actions = new ArrayList<>();
        for (int i = 0; i < ACTION_ROWS; i++) {
            actions.add(new ActionRow(i, form.get("actions." + i + ".what"), form.get("actions." + i + ".owner"),
                    form.get("actions." + i + ".due")));
        }
        model.put("actions", actions);
        model.put("errors", FieldIds.errors(errors));
        model.put("fieldErrors", FieldIds.byField(errors));
        return new ModelAndView<>("feedback-form", model);
    }

    private static FeedbackRequest request(FormData form, ConsultationView c, List<FieldError> errors) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String m : c.methods()) {
            String v = form.get("responseCounts." + m).strip();
            if (!v.isEmpty()) {
                try {
                    counts.put(m, Integer.valueOf(v));
                } catch (NumberFormatException e) {
                    errors.add(FieldError.of("responseCounts." + m, "must be a whole number"));
                }
            }
        }
        List<FeedbackRequest.ActionRequest> actions = new ArrayList<>();
        for (int i = 0; i < ACTION_ROWS; i++) {
            String what = form.get("actions." + i + ".what");
            String owner = form.get("actions." + i + ".owner");
            String due = form.get("actions." + i + ".due");
            if (what.isBlank() && owner.isBlank() && due.isBlank()) {
                continue;
            }
            actions.add(new FeedbackRequest.ActionRequest(what, owner, date("actions[" + i + "].due", due, errors)));
        }
        return new FeedbackRequest(form.get("youSaid"), form.get("weDid"), form.get("outcome"), form.get("reasons"),
                form.get("reportUrl"), date("decidedOn", form.get("decidedOn"), errors), counts, actions);
    }

    @Nullable
    private static LocalDate date(String field, String text, List<FieldError> errors) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Dates.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "must be a date, for example 2027-03-01"));
            return null;
        }
    }
}
