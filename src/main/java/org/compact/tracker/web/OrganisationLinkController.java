package org.compact.tracker.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.compact.tracker.web.forms.FormData;

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
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.compact.tracker.feedback.ConcernService;
import org.compact.tracker.notice.Delivery;
import org.compact.tracker.notice.LinkSigner;
import org.compact.tracker.notice.Links;
import org.compact.tracker.notice.NoticeService;
import org.compact.tracker.notice.Reply;
import org.compact.tracker.organisation.Organisation;
import org.compact.tracker.organisation.OrganisationRequest;
import org.compact.tracker.support.EnumCodes;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What an organisation's contact reaches from a mail, without a password: the signed token in the link is the
 * access rule (anonymous at the HTTP level, refused with 403 when the token is forged or expired). A GET never
 * changes anything (mail scanners follow links); the change is a POST from the page, or the RFC 8058 one-click POST.
 * The preferences link opens the organisation's own page in a browser, and answers JSON to an API client.
 */
@Controller("/o")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Organisation links")
class OrganisationLinkController {
    private final NoticeService notices;
    private final ConcernService concerns;
    private final OrganisationPage page;

    OrganisationLinkController(NoticeService notices, ConcernService concerns, OrganisationPage page) {
        this.notices = notices;
        this.concerns = concerns;
        this.page = page;
    }

    @Get(value = "/reply", produces = MediaType.TEXT_HTML)
    @Hidden
    HttpResponse<?> replyPage(@QueryValue String t, @Nullable @QueryValue String answer, @Nullable @QueryValue String back) {
        ConcernService.Raising about = concerns.replyingTo(t);
        List<FieldError> errors = new ArrayList<>();
        Reply chosen = Reply.TAKING_PART;
        if (answer != null) {
            chosen = parse(answer, errors);
        }
        return replyForm(errors.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY, about, t, chosen, "",
                backTo(back, about.organisationId()), errors);
    }

    /** Records the answer; a form that cannot be accepted comes back as it was, with the reasons (422, nothing saved). */
    @Post(value = "/reply", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Hidden
    HttpResponse<?> reply(@Nullable @Body Map<String, String> form) {
        Map<String, String> values = form == null ? Map.of() : form;
        String t = values.get("t");
        ConcernService.Raising about = concerns.replyingTo(t);
        String back = backTo(values.get("back"), about.organisationId());
        String note = values.getOrDefault("note", "");
        List<FieldError> errors = new ArrayList<>();
        Reply answer = parse(values.get("answer"), errors);
        if (errors.isEmpty()) {
            try {
                Delivery d = concerns.reply(t, answer, note);
                return LinkPages.message(HttpStatus.OK, "Thank you", List.of("We have recorded your answer about "
                        + about.consultationTitle() + ": " + d.reply().label() + ".",
                        d.reply() == Reply.NEEDS_FORMAT
                                ? "The officer running the consultation has been told, and will answer you by email."
                                : "The officer running the consultation can see it. You can change it by answering again."),
                        d.replyNote(), back);
            } catch (Refusal refused) {
                if (refused.status() != 422) {
                    throw refused;
                }
                errors.addAll(refused.errors());
            }
        }
        return replyForm(HttpStatus.UNPROCESSABLE_ENTITY, about, t, answer, note, back, errors);
    }

    /** Asks before stopping the mail; to a contact that already unsubscribed, offers to subscribe again. */
    @Get(value = "/unsubscribe", produces = MediaType.TEXT_HTML)
    @Hidden
    HttpResponse<?> unsubscribePage(@QueryValue String t) {
        LinkSigner.Link link = notices.link(t, Links.UNSUBSCRIBE);
        if (notices.isUnsubscribed(link)) {
            return unsubscribed(link, t);
        }
        return LinkPages.withButton("Stop these emails", List.of(link.email()
                + " will no longer receive consultation mail for your organisation."), "/o/unsubscribe?t=" + enc(t),
                "Stop these emails");
    }

    /** RFC 8058 one-click: a mail client POSTs {@code List-Unsubscribe=One-Click} to the link; honoured at once. */
    @Post(value = "/unsubscribe", produces = MediaType.TEXT_HTML)
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN})
    @Hidden
    HttpResponse<?> unsubscribe(@QueryValue String t, @Nullable @Body String ignored) {
        return unsubscribed(notices.unsubscribe(t), t);
    }

    /** Undoes an unsubscribe with the same link: a contact that stopped the mail by mistake gets it again. */
    @Post(value = "/resubscribe", produces = MediaType.TEXT_HTML)
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN})
    @Hidden
    HttpResponse<?> resubscribe(@QueryValue String t, @Nullable @Body String ignored) {
        LinkSigner.Link link = notices.resubscribe(t);
        return LinkPages.withButton("You are subscribed again", List.of(link.email() + " will receive consultation mail for your "
                + "organisation again, from the next notice on."), "/o/unsubscribe?t=" + enc(t), "Stop these emails");
    }

    private static HttpResponse<?> unsubscribed(LinkSigner.Link link, String t) {
        return LinkPages.withButton("You have unsubscribed", List.of(link.email()
                        + " will receive no more consultation mail for this organisation.",
                "Unsubscribed by mistake? You can subscribe again with the same link."), "/o/resubscribe?t=" + enc(t),
                "Subscribe again");
    }

    /**
     * The organisation's own page to a browser (it asks for text/html), the same data as JSON to any other client.
     * It changes nothing.
     */
    @Get(value = "/preferences", produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Hidden
    HttpResponse<?> preferences(HttpRequest<?> request, @QueryValue String t, @Nullable @QueryValue String saved) {
        OrganisationPage.Opened opened = page.open(t);
        if (LinkPages.wantsHtml(request)) {
            return LinkPages.page(HttpStatus.OK, OrganisationPage.VIEW, page.model(opened, t,
                    OrganisationPage.Form.of(opened.organisation()), List.of(), saved != null));
        }
        return LinkPages.secured(HttpResponse.ok(page.json(opened.organisation())).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    /**
     * The page's form: the organisation's whole entry as it wants it. Saved, it goes back to the page (303); refused,
     * the form comes back as typed with the reasons (422, nothing saved).
     */
    @Post(value = "/preferences", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Hidden
    HttpResponse<?> savePreferences(@Nullable @QueryValue("t") String inAddress, @Nullable @Body String body) {
        FormData sent = FormData.parse(body);
        String t = LinkPages.token(sent, inAddress);
        OrganisationPage.Opened opened = page.open(t);
        OrganisationPage.Form form = OrganisationPage.Form.of(sent);
        try {
            Organisation saved = page.save(opened, form).organisation();
            if (!OrganisationPage.isContact(saved, opened.link().email())) {
                return LinkPages.message(HttpStatus.OK, "Your changes are saved", List.of(
                        "The entry of " + saved.name() + " is changed.",
                        opened.link().email() + " is no longer one of its contacts, so this link no longer opens its "
                                + "page. The next mail to your contacts carries a fresh link."), null, null);
            }
            return LinkPages.secured(HttpResponse.seeOther(URI.create("/o/preferences?t=" + enc(t) + "&saved=1")));
        } catch (Refusal refused) {
            if (refused.status() != 422 && refused.status() != 409) {
                throw refused;
            }
            OrganisationPage.Opened now = page.open(t);
            List<FieldError> errors = refused.errors().isEmpty()
                    ? List.of(new FieldError(null, null, refused.getMessage())) : refused.errors();
            return LinkPages.page(HttpStatus.valueOf(refused.status()), OrganisationPage.VIEW,
                    page.model(now, t, form, errors, false));
        }
    }

    /**
     * An organisation corrects its own entry: areas, interests, communities, contacts, needs and opt-outs. New
     * contacts are held until each confirms (they are listed in {@code waitingContacts}); removed contacts are told.
     */
    @Patch(value = "/preferences", produces = MediaType.APPLICATION_JSON)
    @Hidden
    HttpResponse<OrganisationPage.Preferences> updatePreferences(@QueryValue String t, @Valid @Body OrganisationRequest request) {
        OrganisationPage.Opened opened = page.open(t);
        return LinkPages.secured(HttpResponse.ok(page.json(page.patch(opened, request).organisation())));
    }

    @Error(exception = Refusal.class)
    HttpResponse<?> refused(HttpRequest<?> request, Refusal refusal) {
        return LinkPages.refused(request, refusal);
    }

    private HttpResponse<?> replyForm(HttpStatus status, ConcernService.Raising about, String t, @Nullable Reply chosen,
                                      String note, @Nullable String back, List<FieldError> errors) {
        Map<String, Object> model = LinkPages.model("Reply to a consultation notice");
        model.put("about", about);
        model.put("t", t);
        LinkPages.back(model, back);
        model.put("note", note);
        model.put("answers", Arrays.stream(Reply.values()).map(r -> new LinkPages.Choice(r.name(), r.label(),
                r.ordinal() == 0 ? "answer" : "answer-" + r.name(), r == chosen)).toList());
        LinkPages.errors(model, errors, field -> field.startsWith("note") ? "note" : "answer",
                e -> ("note".equals(e.field()) ? "Anything we should know: " : "Your answer: ") + e.reason());
        return LinkPages.page(status, "org-reply", model);
    }

    @Nullable
    private static Reply parse(@Nullable String answer, List<FieldError> errors) {
        if (answer == null || answer.isBlank()) {
            errors.add(FieldError.of("answer", "choose one of the answers"));
            return null;
        }
        try {
            return EnumCodes.parse(Reply.class, answer, "answer");
        } catch (Refusal unknown) {
            errors.addAll(unknown.errors());
            return null;
        }
    }

    @Nullable
    private String backTo(@Nullable String back, long organisationId) {
        return backToken(notices, back, organisationId);
    }

    /**
     * {@code back}, when it is a genuine preferences token of the same organisation (the page the reply or concern
     * form was opened from), so the form can lead back there; anything else is ignored.
     */
    @Nullable
    static String backToken(NoticeService notices, @Nullable String back, long organisationId) {
        if (back == null || back.isBlank()) {
            return null;
        }
        try {
            LinkSigner.Link link = notices.preferencesLink(back);
            return link.subject() == organisationId ? back : null;
        } catch (Refusal notValid) {
            return null;
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
