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
import org.compact.tracker.feedback.Participant;
import org.compact.tracker.feedback.ParticipantService;
import org.compact.tracker.security.Actors;
import org.compact.tracker.security.Role;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;
import org.compact.tracker.web.forms.FormData;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The people and groups who took part in a consultation and agreed to hear back: the list with their consent, a
 * form that adds one, and a form that imports a CSV file (pasted, or read into the box by the page's script),
 * whole or not at all, through the same service as {@code /api/consultations/{id}/participants}.
 */
@Controller("/consultations/{id}/participants")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class ParticipantsPageController {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final RegisterReads consultations;
    private final ParticipantService participants;
    private final PageModel pages;
    private final Clock clock;

    ParticipantsPageController(RegisterReads consultations, ParticipantService participants, PageModel pages,
                               Clock clock) {
        this.consultations = consultations;
        this.participants = participants;
        this.pages = pages;
        this.clock = clock;
    }

    /** A participant as the page lists them. */
    public record Row(long id, String name, String email, String source, String consent, boolean consenting) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request, Authentication auth, @PathVariable Long id,
                                           @Nullable @QueryValue String added, @Nullable @QueryValue String imported,
                                           @Nullable @QueryValue String withdrawn) {
        ModelAndView<Map<String, Object>> page = page(request, auth, id, FormData.parse(""), List.of(), Map.of());
        page.getModel().ifPresent(m -> {
            m.put("added", added != null);
            Long count = ConsultationPart.number(imported);
            m.put("imported", count == null ? null : count.intValue());
            m.put("withdrawn", ConsultationPart.number(withdrawn));
        });
        return page;
    }

    @Post(value = "/{pid}/withdraw", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    HttpResponse<?> withdraw(HttpRequest<?> request, Authentication auth, @PathVariable Long id, @PathVariable Long pid,
                             @Nullable @Body String body) {
        FormData form = FormData.parse(body);
        String field = "confirm-" + pid;
        try {
            if (!"yes".equals(form.get("confirm"))) {
                ConsultationPart.readable(consultations, auth, id);
                Actors.of(auth).requireMayActFor(consultations.agencyOf(id));
                throw Refusal.invalid("confirm", "tick the box to confirm they asked to stop hearing back");
            }
            participants.withdrawFor(Actors.of(auth), id, pid);
            return ConsultationPart.done("/consultations/" + id + "/participants?withdrawn=" + pid);
        } catch (Refusal refused) {
            // the box is there to link to only while they still consent (a 409 means it has gone)
            String linked = refused.status() == 422 ? field : null;
            return ConsultationPart.refusedOn(refused, page(request, auth, id, FormData.parse(""),
                    ConsultationPart.errors(refused, e -> "Withdraw consent of participant " + pid, e -> linked),
                    ConsultationPart.fieldErrors(refused, e -> linked)));
        }
    }

    @Post(produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    HttpResponse<?> add(HttpRequest<?> request, Authentication auth, @PathVariable Long id, @Nullable @Body String body) {
        FormData form = FormData.parse(body);
        try {
            participants.add(Actors.of(auth), id, form.get("name"), form.get("email"), form.get("consentAt"));
            return ConsultationPart.done("/consultations/" + id + "/participants?added=1");
        } catch (Refusal refused) {
            return ConsultationPart.refusedOn(refused, page(request, auth, id, form,
                    ConsultationPart.errors(refused, e -> FieldIds.label(e.field()), ParticipantsPageController::fieldId),
                    ConsultationPart.fieldErrors(refused, ParticipantsPageController::fieldId)));
        }
    }

    @Post(value = "/import", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME})
    HttpResponse<?> importCsv(HttpRequest<?> request, Authentication auth, @PathVariable Long id,
                              @Nullable @Body String body) {
        FormData form = FormData.parse(body);
        try {
            ParticipantService.Imported done = participants.importCsv(Actors.of(auth), id, form.get("csv"));
            return ConsultationPart.done("/consultations/" + id + "/participants?imported=" + done.imported());
        } catch (Refusal refused) {
            return ConsultationPart.refusedOn(refused, page(request, auth, id, form,
                    ConsultationPart.errors(refused, ParticipantsPageController::fileLabel, e -> "csv"),
                    ConsultationPart.fieldErrors(refused, e -> "csv")));
        }
    }

    @Error(exception = Refusal.class)
    HttpResponse<?> refused(HttpRequest<?> request, Refusal refusal) {
        return ErrorPage.of(pages, request, refusal);
    }

    private ModelAndView<Map<String, Object>> page(HttpRequest<?> request, Authentication auth, Long id, FormData form,
                                                   List<FieldIds.Error> errors, Map<String, String> fieldErrors) {
        ConsultationSummary c = ConsultationPart.readable(consultations, auth, id);
        List<Row> rows = participants.list(Actors.of(auth), id).stream().map(this::row).toList();
        Map<String, Object> model = ConsultationPart.model(pages, request, auth, c, "Participants", errors, fieldErrors);
        model.put("participants", rows);
        model.put("consenting", rows.stream().filter(Row::consenting).count());
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : List.of("name", "email", "consentAt", "csv")) {
            typed.put(field, form.get(field));
        }
        model.put("typed", typed);
        return new ModelAndView<>("participants", model);
    }

    private Row row(Participant p) {
        String consent = p.consenting() ? "Agreed on " + day(p.consentAt())
                : "Withdrew on " + day(p.consentWithdrawnAt()) + " (agreed on " + day(p.consentAt()) + ")";
        return new Row(p.id(), p.name(), p.email(), p.source() == Participant.Source.CSV ? "Imported" : "Added",
                consent, p.consenting());
    }

    private String day(Instant at) {
        return DAY.format(at.atZone(clock.getZone()));
    }

    @Nullable
    private static String fieldId(FieldError e) {
        return e.field() == null ? null : switch (e.field()) {
            case "name", "email", "consentAt" -> e.field();
            default -> null;
        };
    }

    private static String fileLabel(FieldError e) {
        return e.field() == null || e.field().equals("file") ? "Participants file" : "Participants file, " + e.field();
    }
}
