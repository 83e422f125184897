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
import org.compact.tracker.feedback.ConcernService;
import org.compact.tracker.security.Actors;
import org.compact.tracker.security.Role;
import org.compact.tracker.support.Refusal;
import org.compact.tracker.web.forms.FormData;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The concerns organisations raised about a consultation through the link in their notice, oldest first, each with
 * the days it has been open; and the form that answers one (which closes it and mails the answer to the
 * organisation), through the same service as {@code POST /api/consultations/{id}/concerns/{concernId}/answer}.
 */
@Controller("/consultations/{id}/concerns")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class ConcernsPageController {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private final RegisterReads consultations;
    private final ConcernService concerns;
    private final PageModel pages;
    private final Clock clock;

    ConcernsPageController(RegisterReads consultations, ConcernService concerns, PageModel pages, Clock clock) {
        this.consultations = consultations;
        this.concerns = concerns;
        this.pages = pages;
        this.clock = clock;
    }

    /** A concern as the page shows it, with the answer typed so far when a send was refused. */
    public record Row(long id, String organisation, String kind, String text, String raised, boolean open,
                      long openDays, @Nullable String answer, @Nullable String answeredBy, @Nullable String answered,
                      String typed) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request, Authentication auth, @PathVariable Long id,
                                           @Nullable @QueryValue String answered) {
        ModelAndView<Map<String, Object>> page = page(request, auth, id, null, "", List.of(), Map.of());
        page.getModel().ifPresent(m -> m.put("answered", ConsultationPart.number(answered)));
        return page;
    }

    @Post(value = "/{concernId}/answer", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    HttpResponse<?> answer(HttpRequest<?> request, Authentication auth, @PathVariable Long id,
                           @PathVariable Long concernId, @Nullable @Body String body) {
        String answer = FormData.parse(body).get("answer");
        try {
            concerns.answer(Actors.of(auth), id, concernId, answer);
            return ConsultationPart.done("/consultations/" + id + "/concerns?answered=" + concernId + "#concern-" + concernId);
        } catch (Refusal refused) {
            String field = "answer-" + concernId;
            return ConsultationPart.refusedOn(refused, page(request, auth, id, concernId, answer,
                    ConsultationPart.errors(refused, e -> "Answer to concern " + concernId, e -> field),
                    ConsultationPart.fieldErrors(refused, e -> field)));
        }
    }

    @Error(exception = Refusal.class)
    HttpResponse<?> refused(HttpRequest<?> request, Refusal refusal) {
        return ErrorPage.of(pages, request, refusal);
    }

    private ModelAndView<Map<String, Object>> page(HttpRequest<?> request, Authentication auth, Long id,
                                                   @Nullable Long typedFor, String typed, List<FieldIds.Error> errors,
                                                   Map<String, String> fieldErrors) {
        ConsultationSummary c = ConsultationPart.readable(consultations, auth, id);
        List<Row> rows = concerns.list(Actors.of(auth), id).stream().map(k -> new Row(k.id(),
                who(k), k.kindLabel(), k.text(), when(k.raisedAt()),
                k.open(), k.openDays(), k.answer(), k.answeredBy(), k.answeredAt() == null ? null : when(k.answeredAt()),
                k.id().equals(typedFor) ? typed : "")).toList();
        Map<String, Object> model = ConsultationPart.model(pages, request, auth, c, "Concerns", errors, fieldErrors);
        model.put("concerns", rows);
        model.put("open", rows.stream().filter(Row::open).count());
        return new ModelAndView<>("concerns", model);
    }

    /** The organisation of the directory that raised it, or, through the public form, the sender and their group. */
    private static String who(ConcernService.View k) {
        if (k.senderName() == null) {
            return k.organisationName() == null ? "" : k.organisationName();
        }
        return k.senderName() + (k.organisationName() == null ? "" : " of " + k.organisationName())
                + " (through the public form)";
    }

    private String when(Instant at) {
        return WHEN.format(at.atZone(clock.getZone()));
    }
}
