package org.compact.tracker.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.compact.tracker.notice.FreshLinks;
import org.compact.tracker.organisation.Organisation;
import org.compact.tracker.organisation.OrganisationService;
import org.compact.tracker.support.ClientAddress;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.web.forms.CsrfTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * "Send me a new link": a contact whose preferences link has expired gives its address and, if it is a current
 * contact of an organisation in the directory, is mailed a fresh one. The answer is the same page whatever the
 * address, so it tells nothing of which addresses are in the directory. The form has no signed token, so it is
 * guarded like the sign-in form by the CSRF double submit ({@code CsrfFilter}); a GET changes nothing. At most one
 * mail per contact and interval ({@link FreshLinks}) and a few requests per client address ({@link FreshLinkThrottle}).
 */
@Controller("/o/new-link")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Organisation links")
class FreshLinkController {
    static final String TITLE = "Send me a new link";
    static final List<String> SENT = List.of(
            "If this address belongs to an organisation in our directory, we have sent it a new link.",
            "It can take a few minutes to arrive. We send at most one new link to an address every few minutes.");
    private static final int MAX_EMAIL = 320;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final OrganisationService organisations;
    private final FreshLinks freshLinks;
    private final FreshLinkThrottle throttle;
    private final CsrfTokens csrf;

    private final ClientAddress clientAddress;

    FreshLinkController(OrganisationService organisations, FreshLinks freshLinks, FreshLinkThrottle throttle, CsrfTokens csrf,
                        ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
        this.organisations = organisations;
        this.freshLinks = freshLinks;
        this.throttle = throttle;
        this.csrf = csrf;
    }

    @Get(produces = MediaType.TEXT_HTML)
    @Hidden
    HttpResponse<?> page(HttpRequest<?> request) {
        return form(request, HttpStatus.OK, "", List.of());
    }

    /** Sends a fresh link if the address is a contact; answers the same page whatever the address. */
    @Post(produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Hidden
    HttpResponse<?> send(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        String typed = form == null ? null : form.get("email");
        List<FieldError> errors = new ArrayList<>();
        String email = check(typed, errors);
        if (!errors.isEmpty()) {
            return form(request, HttpStatus.UNPROCESSABLE_ENTITY, typed == null ? "" : typed, errors);
        }
        if (!throttle.allows(clientAddress.of(request))) {
            return LinkPages.message(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", List.of(
                    "We have had too many requests for new links from your network. Please try again later."), null, null);
        }
        for (Organisation o : organisations.withContact(email)) {
            String contact = o.emails().stream().filter(e -> e.equalsIgnoreCase(email)).findFirst().orElse(email);
            freshLinks.send(o.id(), o.name(), contact);
        }
        return LinkPages.message(HttpStatus.OK, "Check your email", SENT, null, null);
    }

    /** The address as typed, stripped, or null with the reason in {@code errors}. */
    @Nullable
    static String check(@Nullable String typed, List<FieldError> errors) {
        if (typed == null || typed.isBlank()) {
            errors.add(FieldError.of("email", "enter your email address"));
            return null;
        }
        if (typed.chars().anyMatch(c -> Character.isISOControl(c))) {
            errors.add(FieldError.of("email", "an email address cannot contain control characters or line breaks"));
            return null;
        }
        String email = typed.strip();
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            errors.add(FieldError.of("email", "enter an email address like name@example.org"));
            return null;
        }
        return email;
    }

    private HttpResponse<?> form(HttpRequest<?> request, HttpStatus status, String email, List<FieldError> errors) {
        Map<String, Object> model = LinkPages.model(TITLE);
        model.put("email", email);
        model.put("csrf", csrf.tokenFor(request));
        LinkPages.errors(model, errors, field -> "email", e -> "Email address: " + e.reason());
        return LinkPages.page(status, "org-new-link", model);
    }
}
