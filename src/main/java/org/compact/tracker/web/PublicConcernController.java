package org.compact.tracker.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.compact.tracker.consultation.ConsultationSummary;
import org.compact.tracker.feedback.ConcernKind;
import org.compact.tracker.feedback.ConcernService;
import org.compact.tracker.feedback.PublicConcerns;
import org.compact.tracker.support.ClientAddress;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;
import org.compact.tracker.web.forms.FormData;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A voice for anyone (issue 18): a concern or a comment about a consultation raised without any link, from the
 * public form ({@code GET /concerns/new?consultation={id}}) or the API ({@code POST /api/public/concerns}, JSON or a
 * form), anonymous. It counts only once confirmed through the link mailed to the address given
 * ({@code /o/concern/confirm}: a page with a button, as mail scanners follow links; the signed token is the access
 * rule). Refusals are problem+json to API clients, and to a browser the form again with an error summary (422,
 * nothing held) or a page saying why. Described in {@code src/main/openapi/public.yml}.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class PublicConcernController {
    private static final Set<String> FIELDS = Set.of("consultationId", "name", "organisationName", "email", "kind", "text");

    private final PublicConcerns concerns;
    private final ClientAddress clients;

    PublicConcernController(PublicConcerns concerns, ClientAddress clients) {
        this.concerns = concerns;
        this.clients = clients;
    }

    @Get(value = "/concerns/new", produces = MediaType.TEXT_HTML)
    @Hidden
    HttpResponse<?> form(@Nullable @QueryValue String consultation, @Nullable @QueryValue String kind) {
        ConsultationSummary c = concerns.about(idOf(consultation));
        PublicConcerns.Request typed = new PublicConcerns.Request(c.id(), null, null, null, kind, null);
        return form(HttpStatus.OK, c, typed, List.of());
    }

    @Post(value = "/api/public/concerns", produces = MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @Hidden
    HttpResponse<PublicConcerns.Accepted> raise(HttpRequest<?> request, @Body PublicConcerns.Request body) {
        return HttpResponse.accepted().body(concerns.request(body, clients.of(request)));
    }

    @Post(value = "/api/public/concerns", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Hidden
    HttpResponse<?> raiseFromForm(HttpRequest<?> request, @Nullable @Body String body) {
        FormData sent = FormData.parse(body);
        Long id = null;
        try {
            id = idOf(sent.get("consultationId"));
        } catch (Refusal notANumber) {
            // named with the other fields below
        }
        PublicConcerns.Request typed = new PublicConcerns.Request(id, sent.get("name"), sent.get("organisationName"),
                sent.get("email"), sent.get("kind"), sent.get("text"));
        if (!LinkPages.wantsHtml(request) && id == null) {
            throw Refusal.invalid("consultationId", "must be the id of a consultation (a whole number)");
        }
        try {
            PublicConcerns.Accepted accepted = concerns.request(typed, clients.of(request));
            if (!LinkPages.wantsHtml(request)) {
                return HttpResponse.accepted().body(accepted).contentType(MediaType.APPLICATION_JSON_TYPE);
            }
            return LinkPages.message(HttpStatus.ACCEPTED, "Check your mail", List.of(
                    "Nothing has been sent yet. We have mailed a link to " + accepted.email() + ".",
                    "Follow the link by " + LinkPages.DAY.format(accepted.confirmBy()) + " to confirm your concern about \""
                            + accepted.consultationTitle() + "\". It then goes to the officer running the consultation, "
                            + "and their answer is mailed to you.",
                    "If no mail comes, look in your junk mail folder."), null, null);
        } catch (Refusal refused) {
            if (refused.status() != 422 || !LinkPages.wantsHtml(request)) {
                throw refused;
            }
            ConsultationSummary c = concerns.about(id);
            return form(HttpStatus.UNPROCESSABLE_ENTITY, c, typed, refused.errors());
        }
    }

    @Get(value = "/o/concern/confirm", produces = MediaType.TEXT_HTML)
    @Hidden
    HttpResponse<?> confirmPage(@Nullable @QueryValue String t) {
        PublicConcerns.Held held = concerns.held(t);
        if (held.concernId() != null) {
            return confirmed(held.consultationTitle(), held.concernId());
        }
        return LinkPages.withButton("Confirm your concern", List.of("You raised a concern about the consultation \""
                        + held.consultationTitle() + "\": " + held.kindLabel() + ".",
                "Confirm it to send it to the officer running the consultation. Their answer will be mailed to "
                        + held.email() + "."),
                "/o/concern/confirm?t=" + OrganisationLinkController.enc(t), "Confirm and send my concern");
    }

    @Post(value = "/o/concern/confirm", produces = MediaType.TEXT_HTML)
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN})
    @Hidden
    HttpResponse<?> confirm(@Nullable @QueryValue String t, @Nullable @Body String ignored) {
        ConcernService.View concern = concerns.confirm(t);
        return confirmed(concern.consultationTitle(), concern.id());
    }

    @Error(exception = Refusal.class)
    HttpResponse<?> refused(HttpRequest<?> request, Refusal refusal) {
        return LinkPages.refused(request, refusal);
    }

    private HttpResponse<?> confirmed(String title, long concernId) {
        return LinkPages.message(HttpStatus.OK, "Your concern has been sent", List.of("Thank you. Your concern about \""
                + title + "\" has gone to the officer running the consultation and to the council's compliance contact.",
                "Their answer will be mailed to you. If it is not answered within 7 days they are reminded, and after "
                        + "14 days the compliance contact is asked to see that it is. Your reference is " + concernId
                        + "."), null, null);
    }

    private HttpResponse<?> form(HttpStatus status, ConsultationSummary c, PublicConcerns.Request typed,
                                 List<FieldError> errors) {
        boolean planning = ConcernKind.PLANNING_COMMENT.raisableAt(c.status());
        boolean comment = planning && ConcernKind.PLANNING_COMMENT.name().equalsIgnoreCase(
                typed.kind() == null ? "" : typed.kind().strip());
        Map<String, Object> model = LinkPages.model(comment ? "Comment on this plan" : "Raise a concern or a comment");
        model.put("consultationId", c.id());
        model.put("consultationTitle", c.title());
        model.put("planning", planning);
        model.put("name", typed.name() == null ? "" : typed.name());
        model.put("organisationName", typed.organisationName() == null ? "" : typed.organisationName());
        model.put("email", typed.email() == null ? "" : typed.email());
        model.put("text", typed.text() == null ? "" : typed.text());
        model.put("kinds", ConcernLinkController.kindChoices(ConcernKind.raisable(c.status()),
                typed.kind() == null ? "" : typed.kind().strip()));
        List<FieldError> shown = errors.stream().map(e -> "kind".equals(e.field())
                ? FieldError.of("kind", "choose one of the answers") : e).toList();
        LinkPages.errors(model, shown, field -> FIELDS.contains(field) ? field : "text",
                e -> label(e.field()) + ": " + e.reason());
        return LinkPages.page(status, "public-concern", model);
    }

    private static String label(@Nullable String field) {
        return switch (field == null ? "" : field) {
            case "name" -> "Your name";
            case "organisationName" -> "Your organisation";
            case "email" -> "Your mail address";
            case "kind" -> "What it is about";
            case "consultationId" -> "The consultation";
            default -> "What you want to tell us";
        };
    }

    /** A consultation id as typed in an address or form; 404 when it is not a whole number (no such consultation). */
    @Nullable
    private static Long idOf(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw Refusal.notFound("consultation", value.strip());
        }
    }
}
