package org.compact.tracker.web.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.compact.tracker.support.Refusal;

import java.util.Map;

/** A refusal met while showing a page (not found, not your agency, not allowed now), as a page. */
final class ErrorPage {
    private ErrorPage() {
    }

    static HttpResponse<?> of(PageModel pages, HttpRequest<?> request, Refusal refusal) {
        Authentication auth = request.getUserPrincipal(Authentication.class).orElse(null);
        Map<String, Object> model = pages.of(request, auth, refusal.title());
        model.put("heading", switch (refusal.status()) {
            case 404 -> "Page not found";
            case 403 -> "You cannot do this";
            case 409 -> "This cannot be done now";
            default -> "This could not be done";
        });
        model.put("detail", refusal.getMessage());
        model.put("errors", FieldIds.errors(refusal.errors()));
        return HttpResponse.status(ConsultationPageController.statusOf(refusal)).body(new ModelAndView<>("error", model));
    }
}
