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
import org.compact.tracker.notice.Links;
import org.compact.tracker.organisation.ContactChange;
import org.compact.tracker.organisation.ContactChanges;
import org.compact.tracker.support.Refusal;
import org.compact.tracker.web.forms.FormData;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The links of the mail about a change of an organisation's contacts made through a link: a new address confirms
 * it, a removed contact undoes it. Like the other {@code /o/} links the signed token is the access rule (anonymous
 * at the HTTP level, 403 when forged or expired, 409 when the change no longer waits for this step); a GET only shows
 * what would happen (mail scanners follow links), the button POSTs.
 */
@Controller("/o/contacts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Organisation links")
class ContactChangeLinkController {
    private final ContactChanges changes;
    private final Links links;
    private final Clock clock;

    ContactChangeLinkController(ContactChanges changes, Links links, Clock clock) {
        this.changes = changes;
        this.links = links;
        this.clock = clock;
    }

    @Get(value = "/confirm", produces = MediaType.TEXT_HTML)
    @Hidden
    HttpResponse<?> confirmPage(@QueryValue String t) {
        ContactChanges.Opened opened = changes.confirming(t);
        ContactChange c = opened.change();
        List<String> lines = new ArrayList<>();
        lines.add(c.requestedBy() + " asked, through the link to the page of " + opened.organisation().name()
                + ", to add " + opened.address() + " as one of its contacts"
                + (c.appliedAt() == null && !c.removed().isEmpty() ? ", and to remove " + String.join(", ", c.removed())
                : "") + ".");
        lines.add("Nothing changes until you confirm. If you did not expect this, close this page: the change is not "
                + "made, and the link stops working on " + LinkPages.dayTime(c.confirmUntil(), clock.getZone()) + ".");
        return LinkPages.withButton("Confirm you are a contact of " + opened.organisation().name(), lines,
                "/o/contacts/confirm?t=" + OrganisationLinkController.enc(t), "Confirm");
    }

    /** The new address confirms: it becomes a contact, and the page leads to the organisation's page. */
    @Post(value = "/confirm", produces = MediaType.TEXT_HTML)
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN})
    @Hidden
    HttpResponse<?> confirm(@Nullable @QueryValue("t") String inAddress, @Nullable @Body String body) {
        ContactChanges.Opened done = changes.confirm(LinkPages.token(FormData.parse(body), inAddress));
        return LinkPages.message(HttpStatus.OK, "Thank you: you are a contact", List.of(done.address()
                        + " is now a contact of " + done.organisation().name() + ", and receives its consultation mail.",
                "Contacts now: " + String.join(", ", done.organisation().emails()) + "."), null,
                links.preferencesToken(done.organisation().id(), done.address()));
    }

    @Get(value = "/undo", produces = MediaType.TEXT_HTML)
    @Hidden
    HttpResponse<?> undoPage(@QueryValue String t) {
        ContactChanges.Opened opened = changes.undoing(t);
        ContactChange c = opened.change();
        List<String> lines = List.of("On " + LinkPages.dayTime(c.appliedAt(), clock.getZone()) + " the contacts of "
                        + opened.organisation().name() + " were changed through the link sent to " + c.requestedBy()
                        + (c.confirmed().isEmpty() ? "" : ", confirmed by " + String.join(", ", c.confirmed())) + ".",
                "Removed: " + String.join(", ", c.removed()) + "."
                        + (c.confirmed().isEmpty() ? "" : " Added: " + String.join(", ", c.confirmed()) + "."),
                "Contacts now: " + String.join(", ", opened.organisation().emails()) + ".",
                "Undoing it puts back the contacts it removed and takes off those it added. Everyone concerned is told.");
        return LinkPages.withButton("Undo the change to the contacts of " + opened.organisation().name(), lines,
                "/o/contacts/undo?t=" + OrganisationLinkController.enc(t), "Undo the change");
    }

    /** A removed contact undoes the change; the page leads back to the organisation's page. */
    @Post(value = "/undo", produces = MediaType.TEXT_HTML)
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN})
    @Hidden
    HttpResponse<?> undo(@Nullable @QueryValue("t") String inAddress, @Nullable @Body String body) {
        ContactChanges.Opened done = changes.undo(LinkPages.token(FormData.parse(body), inAddress));
        return LinkPages.message(HttpStatus.OK, "The change is undone", List.of("The contacts of "
                        + done.organisation().name() + " are as they were before the change.",
                "Contacts now: " + String.join(", ", done.organisation().emails()) + ".",
                "We have told everyone concerned by mail."), null,
                links.preferencesToken(done.organisation().id(), done.address()));
    }

    @Error(exception = Refusal.class)
    HttpResponse<?> refused(HttpRequest<?> request, Refusal refusal) {
        return LinkPages.refused(request, refusal);
    }
}
