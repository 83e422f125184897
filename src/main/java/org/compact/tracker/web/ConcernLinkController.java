package org.compact.tracker.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.compact.tracker.consultation.ConsultationService;
import org.compact.tracker.feedback.ConcernKind;
import org.compact.tracker.feedback.ConcernService;
import org.compact.tracker.feedback.Participant;
import org.compact.tracker.feedback.ParticipantService;
import org.compact.tracker.notice.Html;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pages reached from mail without a password, for feedback: an organisation raises a concern with the reply link of
 * its notice, and a participant withdraws consent to hear back. The signed token is the access rule (anonymous at
 * the HTTP level, 403 when forged or expired). A GET never changes anything (mail scanners follow links); the
 * change is the POST from the page.
 */
@Controller("/o")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Organisation links")
class ConcernLinkController {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final ConcernService concerns;
    private final ParticipantService participants;
    private final ConsultationService consultations;
    private final Clock clock;

    ConcernLinkController(ConcernService concerns, ParticipantService participants, ConsultationService consultations,
                          Clock clock) {
        this.concerns = concerns;
        this.participants = participants;
        this.consultations = consultations;
        this.clock = clock;
    }

    @Get(value = "/concern", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> concernPage(@Nullable @QueryValue String t) {
        ConcernService.Raising raising = concerns.raising(t);
        return page(HttpStatus.OK, "Raise a concern", concernForm(raising, t, null, null, List.of()));
    }

    @Post(value = "/concern", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> raiseConcern(@Nullable @Body Map<String, String> form) {
        Map<String, String> values = form == null ? Map.of() : form;
        String t = values.get("t");
        try {
            ConcernService.View raised = concerns.raise(t, values.get("kind"), values.get("text"));
            return page(HttpStatus.OK, "Thank you", "<p>We have recorded your concern about <strong>"
                    + Html.escape(raised.consultationTitle()) + "</strong>: " + Html.escape(raised.kindLabel().toLowerCase(Locale.UK))
                    + ".</p><p>What you told us:</p><blockquote>" + Html.escape(raised.text()).replace("\n", "<br>")
                    + "</blockquote><p>The officer running the consultation will answer it. Your reference is <strong>"
                    + raised.id() + "</strong>.</p>");
        } catch (Refusal refused) {
            if (refused.status() != 422) {
                throw refused;
            }
            // the link was genuine but the form was not complete: show it again with what was typed and why
            ConcernService.Raising raising = concerns.raising(t);
            return page(HttpStatus.UNPROCESSABLE_ENTITY, "Raise a concern",
                    concernForm(raising, t, values.get("kind"), values.get("text"), refused.errors()));
        }
    }

    @Get(value = "/participant/withdraw", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> withdrawPage(@Nullable @QueryValue String t) {
        Participant p = participants.participantFor(t);
        String title = consultations.summary(p.consultationId()).title();
        if (!p.consenting()) {
            return page(HttpStatus.OK, "You will not hear back", "<p>You withdrew your consent to hear back about <strong>"
                    + Html.escape(title) + "</strong> on " + Html.escape(DAY.format(p.consentWithdrawnAt().atZone(clock.getZone()))) + ". There is nothing more to do.</p>");
        }
        return page(HttpStatus.OK, "Stop hearing back", "<p>You took part in <strong>" + Html.escape(title)
                + "</strong> and agreed to hear what was decided and why.</p>"
                + "<form method=\"post\" action=\"/o/participant/withdraw?t=" + Html.escape(t) + "\">"
                + "<p>If you withdraw, " + Html.escape(p.email()) + " will not be sent the feedback on this consultation.</p>"
                + "<button type=\"submit\">Withdraw my consent</button></form>");
    }

    @Post(value = "/participant/withdraw", produces = MediaType.TEXT_HTML)
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN})
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> withdraw(@Nullable @QueryValue String t, @Nullable @Body String ignored) {
        Participant p = participants.withdrawConsent(t);
        String title = consultations.summary(p.consultationId()).title();
        return page(HttpStatus.OK, "Consent withdrawn", "<p>" + Html.escape(p.email())
                + " will not be sent the feedback on <strong>" + Html.escape(title) + "</strong>.</p>");
    }

    private static String concernForm(ConcernService.Raising raising, @Nullable String t, @Nullable String kind,
                                      @Nullable String text, List<FieldError> errors) {
        StringBuilder html = new StringBuilder();
        if (!errors.isEmpty()) {
            html.append("<div role=\"alert\"><h2>Please check the form</h2><ul>");
            for (FieldError e : errors) {
                html.append("<li>").append(Html.escape("kind".equals(e.field()) ? "What your concern is about: "
                        : "text".equals(e.field()) ? "Your concern: " : "")).append(Html.escape(e.reason())).append("</li>");
            }
            html.append("</ul></div>");
        }
        html.append("<p>For <strong>").append(Html.escape(raising.organisationName())).append("</strong>, about the ")
                .append("consultation <strong>").append(Html.escape(raising.consultationTitle())).append("</strong>.</p>")
                .append("<p>Tell us what went wrong. The officer running the consultation will answer, and the council's ")
                .append("compliance monitors can see how long concerns stay unanswered.</p>")
                .append("<form method=\"post\" action=\"/o/concern\">")
                .append("<input type=\"hidden\" name=\"t\" value=\"").append(Html.escape(t)).append("\">")
                .append("<fieldset><legend>What is your concern about?</legend>");
        for (ConcernKind k : ConcernKind.values()) {
            html.append("<div><input type=\"radio\" id=\"k-").append(k.name()).append("\" name=\"kind\" value=\"")
                    .append(k.name()).append('"').append(k.name().equalsIgnoreCase(kind == null ? "" : kind.strip()) ? " checked" : "")
                    .append(" required><label for=\"k-").append(k.name()).append("\">").append(Html.escape(k.label()))
                    .append("</label></div>");
        }
        html.append("</fieldset><p><label for=\"text\">Your concern, in your own words</label><br>")
                .append("<textarea id=\"text\" name=\"text\" rows=\"6\" cols=\"60\" maxlength=\"5000\" required>")
                .append(Html.escape(text == null ? "" : text)).append("</textarea></p>")
                .append("<button type=\"submit\">Send our concern</button></form>");
        return html.toString();
    }

    private static HttpResponse<String> page(HttpStatus status, String title, String body) {
        String html = "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + Html.escape(title) + "</title></head>"
                + "<body><main><h1>" + Html.escape(title) + "</h1>" + body + "</main></body></html>";
        return HttpResponse.<String>status(status).body(html).contentType(MediaType.TEXT_HTML_TYPE)
                .header("Content-Security-Policy", "default-src 'none'; form-action 'self'; base-uri 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "no-store");
    }
}
