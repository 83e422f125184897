package org.compact.tracker.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.compact.tracker.notice.Delivery;
import org.compact.tracker.notice.Html;
import org.compact.tracker.notice.LinkSigner;
import org.compact.tracker.notice.Links;
import org.compact.tracker.notice.NoticeService;
import org.compact.tracker.notice.Reply;
import org.compact.tracker.organisation.OrganisationRequest;
import org.compact.tracker.organisation.OrganisationService;
import org.compact.tracker.support.Codes;
import org.compact.tracker.support.Refusal;

import java.util.List;
import java.util.Map;

/**
 * What an organisation's contact reaches from a mail, without a password: the signed token in the link is the
 * access rule (anonymous at the HTTP level, refused with 403 when the token is forged or expired). A GET never
 * changes anything (mail scanners follow links); the change is a POST from the page, or the RFC 8058 one-click POST.
 */
@Controller("/o")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Organisation links")
class OrganisationLinkController {
    private final NoticeService notices;
    private final OrganisationService organisations;

    OrganisationLinkController(NoticeService notices, OrganisationService organisations) {
        this.notices = notices;
        this.organisations = organisations;
    }

    @Get(value = "/reply", produces = MediaType.TEXT_HTML)
    HttpResponse<String> replyPage(@QueryValue String t, @Nullable @QueryValue String answer) {
        notices.link(t, Links.REPLY);
        Reply chosen = Codes.parse(Reply.class, answer == null ? "TAKING_PART" : answer, "answer");
        StringBuilder form = new StringBuilder("<form method=\"post\" action=\"/o/reply\">")
                .append(hidden("t", t)).append("<fieldset><legend>Your answer</legend>");
        for (Reply r : Reply.values()) {
            form.append("<div><input type=\"radio\" id=\"a-").append(r.name()).append("\" name=\"answer\" value=\"")
                    .append(r.name()).append('"').append(r == chosen ? " checked" : "").append("><label for=\"a-")
                    .append(r.name()).append("\">").append(Html.escape(r.label())).append("</label></div>");
        }
        form.append("</fieldset><p><label for=\"note\">Anything we should know (for example the format or language you need)</label><br>")
                .append("<textarea id=\"note\" name=\"note\" rows=\"4\" cols=\"50\" maxlength=\"2000\"></textarea></p>")
                .append("<button type=\"submit\">Send my answer</button></form>");
        return page("Reply to a consultation notice", form.toString());
    }

    @Post(value = "/reply", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> reply(@Body Map<String, String> form) {
        Reply answer = Codes.parse(Reply.class, form.get("answer"), "answer");
        if (answer == null) {
            throw Refusal.invalid("answer", "choose one of " + List.of(Reply.values()));
        }
        Delivery d = notices.reply(form.get("t"), answer, form.get("note"));
        return page("Thank you", "<p>We have recorded your answer: <strong>" + Html.escape(d.reply().label())
                + "</strong>. The officer running the consultation can see it.</p>");
    }

    @Get(value = "/unsubscribe", produces = MediaType.TEXT_HTML)
    HttpResponse<String> unsubscribePage(@QueryValue String t) {
        notices.link(t, Links.UNSUBSCRIBE);
        return page("Stop these emails", "<form method=\"post\" action=\"/o/unsubscribe?t=" + Html.escape(t) + "\">"
                + "<p>This address will no longer receive consultation mail for your organisation.</p>"
                + "<button type=\"submit\">Stop these emails</button></form>");
    }

    /** RFC 8058 one-click: a mail client POSTs {@code List-Unsubscribe=One-Click} to the link; honoured at once. */
    @Post(value = "/unsubscribe", produces = MediaType.TEXT_HTML)
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN})
    HttpResponse<String> unsubscribe(@QueryValue String t, @Nullable @Body String ignored) {
        LinkSigner.Link link = notices.unsubscribe(t);
        return page("You have unsubscribed", "<p>" + Html.escape(link.email())
                + " will receive no more consultation mail for this organisation.</p>");
    }

    @Get(value = "/preferences", produces = MediaType.APPLICATION_JSON)
    Preferences preferences(@QueryValue String t) {
        LinkSigner.Link link = notices.preferencesLink(t);
        return Preferences.of(OrganisationView.of(organisations.get(link.subject())), notices.receivedBy(link.subject()));
    }

    /** An organisation corrects its own entry: areas, interests, communities, contacts and opt-outs. */
    @Patch(value = "/preferences", produces = MediaType.APPLICATION_JSON)
    Preferences updatePreferences(@QueryValue String t, @Valid @Body OrganisationRequest request) {
        LinkSigner.Link link = notices.preferencesLink(t);
        if (organisations.get(link.subject()).emails().stream().noneMatch(e -> e.equalsIgnoreCase(link.email()))) {
            throw Refusal.forbidden("This link was sent to an address that is no longer a contact of the organisation.");
        }
        OrganisationRequest own = new OrganisationRequest(null, null, request.emails(), request.areas(),
                request.interests(), request.communities(), request.optOut());
        return Preferences.of(OrganisationView.of(organisations.update(link.subject(), own)), notices.receivedBy(link.subject()));
    }

    /** An organisation's own view: its entry and the mail it received. */
    @Serdeable
    record Preferences(OrganisationView organisation, List<Received> received) {
        static Preferences of(OrganisationView o, List<Delivery> deliveries) {
            return new Preferences(o, deliveries.stream().map(d -> new Received(d.consultationId(), d.kind().name(),
                    d.email(), d.reply() == null ? null : d.reply().name())).toList());
        }
    }

    /** One mail an organisation received. */
    @Serdeable
    record Received(Long consultationId, String kind, String email, @Nullable String reply) {
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + Html.escape(value) + "\">";
    }

    private static HttpResponse<String> page(String title, String body) {
        String html = "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + Html.escape(title) + "</title></head>"
                + "<body><main><h1>" + Html.escape(title) + "</h1>" + body + "</main></body></html>";
        return HttpResponse.ok(html).contentType(MediaType.TEXT_HTML_TYPE)
                .header("Content-Security-Policy", "default-src 'none'; form-action 'self'; base-uri 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin");
    }
}
