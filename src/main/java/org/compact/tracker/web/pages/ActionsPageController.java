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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.compact.tracker.consultation.ConsultationSummary;
import org.compact.tracker.consultation.RegisterReads;
import org.compact.tracker.consultation.ConsultationStatus;
import org.compact.tracker.feedback.FeedbackAction;
import org.compact.tracker.feedback.FeedbackRequest;
import org.compact.tracker.feedback.FeedbackService;
import org.compact.tracker.security.Actors;
import org.compact.tracker.security.Role;
import org.compact.tracker.support.Dates;
import org.compact.tracker.support.Refusal;
import org.compact.tracker.support.Wording;
import org.compact.tracker.web.forms.FormData;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The actions promised in a consultation's feedback (ACTION), each with its owner, due date and state (done, due,
 * overdue); and the form that marks one done with a note of what was done, through the same service as
 * {@code PATCH /api/consultations/{id}/actions/{actionId}}; and, once the feedback is given, the form that promises
 * one more action through the same service as {@code POST /api/consultations/{id}/actions}.
 */
@Controller("/consultations/{id}/actions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class ActionsPageController {
    private static final Map<String, String> NEW_LABELS = Map.of("what", "what will be done", "owner", "who will do it",
            "due", "due by");
    private final RegisterReads consultations;
    private final FeedbackService feedback;
    private final PageModel pages;
    private final Clock clock;

    ActionsPageController(RegisterReads consultations, FeedbackService feedback, PageModel pages, Clock clock) {
        this.consultations = consultations;
        this.feedback = feedback;
        this.pages = pages;
        this.clock = clock;
    }

    /** A promised action as the page lists it; {@code state} is DONE, OVERDUE or DUE. */
    public record Row(long id, String what, String owner, String due, String state, String stateLabel,
                      @Nullable String note, String typed) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request, Authentication auth, @PathVariable Long id,
                                           @Nullable @QueryValue String done, @Nullable @QueryValue String added) {
        ModelAndView<Map<String, Object>> page = page(request, auth, id, null, "", Map.of(), List.of(), Map.of());
        page.getModel().ifPresent(m -> {
            m.put("done", ConsultationPart.number(done));
            m.put("added", ConsultationPart.number(added));
        });
        return page;
    }

    @Post(produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    HttpResponse<?> add(HttpRequest<?> request, Authentication auth, @PathVariable Long id, @Nullable @Body String body) {
        FormData form = FormData.parse(body);
        Map<String, String> typed = new java.util.HashMap<>();
        for (String name : List.of("what", "owner", "due")) {
            typed.put(name, form.get(name) == null ? "" : form.get(name));
        }
        try {
            LocalDate due;
            String dueText = typed.get("due").strip();
            try {
                due = dueText.isEmpty() ? null : Dates.parse(dueText);
            } catch (java.time.format.DateTimeParseException e) {
                throw Refusal.invalid(List.of(new org.compact.tracker.support.FieldError("due",
                        org.compact.tracker.rules.RuleId.ACTION.name(), "give the date as YYYY-MM-DD")));
            }
            FeedbackAction saved = feedback.addAction(Actors.of(auth), id,
                    new FeedbackRequest.ActionRequest(form.get("what"), form.get("owner"), due));
            return ConsultationPart.done("/consultations/" + id + "/actions?added=" + saved.id() + "#action-" + saved.id());
        } catch (Refusal refused) {
            java.util.function.Function<org.compact.tracker.support.FieldError, String> field =
                    e -> e.field() == null ? null : "new-" + e.field();
            return ConsultationPart.refusedOn(refused, page(request, auth, id, null, "", typed,
                    ConsultationPart.errors(refused, e -> "New action: " + NEW_LABELS.getOrDefault(e.field() == null ? "" : e.field(), "the action"), field),
                    ConsultationPart.fieldErrors(refused, field)));
        }
    }

    @Post(value = "/{actionId}/done", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    HttpResponse<?> markDone(HttpRequest<?> request, Authentication auth, @PathVariable Long id,
                             @PathVariable Long actionId, @Nullable @Body String body) {
        String note = FormData.parse(body).get("note");
        try {
            feedback.markDone(Actors.of(auth), id, actionId, note);
            return ConsultationPart.done("/consultations/" + id + "/actions?done=" + actionId + "#action-" + actionId);
        } catch (Refusal refused) {
            String field = "note-" + actionId;
            return ConsultationPart.refusedOn(refused, page(request, auth, id, actionId, note, Map.of(),
                    ConsultationPart.errors(refused, e -> "Action " + actionId, e -> e.field() == null ? null : field),
                    ConsultationPart.fieldErrors(refused, e -> e.field() == null ? null : field)));
        }
    }

    @Error(exception = Refusal.class)
    HttpResponse<?> refused(HttpRequest<?> request, Refusal refusal) {
        return ErrorPage.of(pages, request, refusal);
    }

    private ModelAndView<Map<String, Object>> page(HttpRequest<?> request, Authentication auth, Long id,
                                                   @Nullable Long typedFor, String typed, Map<String, String> newAction,
                                                   List<FieldIds.Error> errors,
                                                   Map<String, String> fieldErrors) {
        ConsultationSummary c = ConsultationPart.readable(consultations, auth, id);
        LocalDate today = LocalDate.now(clock);
        List<Row> rows = feedback.actions(id).stream().map(a -> row(a, today, a.id().equals(typedFor) ? typed : "")).toList();
        Map<String, Object> model = ConsultationPart.model(pages, request, auth, c, "Actions", errors, fieldErrors);
        model.put("actions", rows);
        model.put("mayAdd", Actors.of(auth).mayActForAny(c.agencies()) && c.status() == ConsultationStatus.FEEDBACK_GIVEN);
        model.put("newAction", newAction);
        model.put("overdue", rows.stream().filter(r -> r.state().equals("OVERDUE")).count());
        return new ModelAndView<>("actions", model);
    }

    private static Row row(FeedbackAction a, LocalDate today, String typed) {
        String state;
        String label;
        if (a.doneOn() != null) {
            state = "DONE";
            label = "Done on " + Wording.day(a.doneOn()) + " by " + a.doneBy();
        } else if (a.due().isBefore(today)) {
            state = "OVERDUE";
            label = "Overdue by " + ChronoUnit.DAYS.between(a.due(), today) + " days";
        } else {
            state = "DUE";
            label = "Due in " + ChronoUnit.DAYS.between(today, a.due()) + " days";
        }
        return new Row(a.id(), a.what(), a.owner(), Wording.day(a.due()), state, label, a.note(), typed);
    }
}
