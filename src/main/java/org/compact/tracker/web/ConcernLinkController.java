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
import io.swagger.v3.oas.annotations.tags.Tag;
import org.compact.tracker.consultation.RegisterReads;
import org.compact.tracker.feedback.ConcernKind;
import org.compact.tracker.feedback.ConcernService;
import org.compact.tracker.feedback.Participant;
import org.compact.tracker.feedback.ParticipantService;
import org.compact.tracker.notice.NoticeService;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pages reached from mail without a password, for feedback: an organisation raises a concern with the reply link of
 * its notice (or from its own page), and a participant withdraws consent to hear back. The signed token is the
 * access rule (anonymous at the HTTP level, 403 when forged or expired). A GET never changes anything (mail scanners
 * follow links); the change is the POST from the page. A form that cannot be accepted comes back as typed with an
 * error summary linked to its fields (422, nothing saved), like every form of the service.
 */
@Controller("/o")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Organisation links")
class ConcernLinkController {
    private final ConcernService concerns;
    private final ParticipantService participants;
    private final RegisterReads consultations;
    private final NoticeService notices;
    private final Clock clock;

    ConcernLinkController(ConcernService concerns, ParticipantService participants, RegisterReads consultations,
                          NoticeService notices, Clock clock) {
        this.concerns = concerns;
        this.participants = participants;
        this.consultations = consultations;
        this.notices = notices;
        this.clock = clock;
    }

    @Get(value = "/concern", produces = MediaType.TEXT_HTML)
    @Hidden
    HttpResponse<?> concernPage(@Nullable @QueryValue String t, @Nullable @QueryValue String back) {
        ConcernService.Raising raising = concerns.raising(t);
        return concernForm(HttpStatus.OK, raising, t, null, null, back(back, raising), List.of());
    }

    @Post(value = "/concern", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Hidden
    HttpResponse<?> raiseConcern(@Nullable @Body Map<String, String> form) {
        Map<String, String> values = form == null ? Map.of() : form;
        String t = values.get("t");
        ConcernService.Raising raising = concerns.raising(t);
        String back = back(values.get("back"), raising);
        try {
            ConcernService.View raised = concerns.raise(t, values.get("kind"), values.get("text"));
            return concernRaised(raised, back);
        } catch (Refusal refused) {
            if (refused.status() != 422) {
                throw refused;
            }
            // the link was genuine but the form was not complete: show it again with what was typed and why
            return concernForm(HttpStatus.UNPROCESSABLE_ENTITY, raising, t, values.get("kind"), values.get("text"), back,
                    refused.errors());
        }
    }

    @Get(value = "/participant/withdraw", produces = MediaType.TEXT_HTML)
    @Hidden
    HttpResponse<?> withdrawPage(@Nullable @QueryValue String t) {
        Participant p = participants.participantFor(t);
        String title = consultations.summary(p.consultationId()).title();
        if (!p.consenting()) {
            return LinkPages.message(HttpStatus.OK, "You will not hear back", List.of("You withdrew your consent to hear "
                    + "back about " + title + " on " + LinkPages.day(p.consentWithdrawnAt(), clock.getZone())
                    + ". There is nothing more to do."), null, null);
        }
        return LinkPages.withButton("Stop hearing back", List.of("You took part in " + title
                        + " and agreed to hear what was decided and why.",
                "If you withdraw, " + p.email() + " will not be sent the feedback on this consultation."),
                "/o/participant/withdraw?t=" + OrganisationLinkController.enc(t), "Withdraw my consent");
    }

    @Post(value = "/participant/withdraw", produces = MediaType.TEXT_HTML)
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN})
    @Hidden
    HttpResponse<?> withdraw(@Nullable @QueryValue String t, @Nullable @Body String ignored) {
        Participant p = participants.withdrawConsent(t);
        String title = consultations.summary(p.consultationId()).title();
        return LinkPages.message(HttpStatus.OK, "Consent withdrawn", List.of(p.email()
                + " will not be sent the feedback on " + title + "."), null, null);
    }

    @Error(exception = Refusal.class)
    HttpResponse<?> refused(HttpRequest<?> request, Refusal refusal) {
        return LinkPages.refused(request, refusal);
    }

    private HttpResponse<?> concernRaised(ConcernService.View raised, @Nullable String back) {
        Map<String, Object> model = LinkPages.model("Thank you");
        model.put("lines", List.of("We have recorded your concern about " + raised.consultationTitle() + ": "
                + raised.kindLabel().toLowerCase(Locale.UK) + ".", "What you told us:"));
        model.put("quote", raised.text());
        model.put("after", List.of("The officer running the consultation will answer it, and we will mail you the "
                + "answer. Your reference is " + raised.id() + "."));
        LinkPages.back(model, back);
        return LinkPages.page(HttpStatus.OK, "org-message", model);
    }

    private HttpResponse<?> concernForm(HttpStatus status, ConcernService.Raising raising, @Nullable String t,
                                        @Nullable String kind, @Nullable String text, @Nullable String back,
                                        List<FieldError> errors) {
        Map<String, Object> model = LinkPages.model("Raise a concern");
        model.put("about", raising);
        model.put("t", t);
        LinkPages.back(model, back);
        model.put("text", text == null ? "" : text);
        String chosen = kind == null ? "" : kind.strip();
        model.put("kinds", kindChoices(ConcernKind.raisable(raising.status()), chosen));
        // the service names the codes for API clients; a person is asked to choose one of the answers shown
        List<FieldError> shown = errors.stream().map(e -> e.field() != null && e.field().startsWith("kind")
                ? FieldError.of("kind", "choose one of the answers") : e).toList();
        LinkPages.errors(model, shown, field -> field.startsWith("kind") ? "kind" : "text",
                e -> ("kind".equals(e.field()) ? "What your concern is about: " : "Your concern: ") + e.reason());
        return LinkPages.page(status, "org-concern", model);
    }

    /** The kinds as radio buttons, the first with the id {@code kind} that the error summary links to. */
    static List<LinkPages.Choice> kindChoices(List<ConcernKind> kinds, String chosen) {
        return kinds.stream().map(k -> new LinkPages.Choice(k.name(), k.label(),
                k == kinds.get(0) ? "kind" : "kind-" + k.name(), k.name().equalsIgnoreCase(chosen))).toList();
    }

    @Nullable
    private String back(@Nullable String back, ConcernService.Raising raising) {
        return OrganisationLinkController.backToken(notices, back, raising.organisationId());
    }
}
