package org.compact.tracker.web.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.compact.tracker.security.UserService;
import org.compact.tracker.web.forms.CsrfTokens;
import org.compact.tracker.web.forms.SessionCookies;

import java.net.URI;
import java.util.Map;

/**
 * Signing out of the pages ends the session, not just the cookie: the user's session version moves, so the cookie's
 * token is refused from now on even if it was copied before, on every node, and so is every other token of the user
 * (as the API's {@code POST /logout}). Open to anyone with the form's CSRF token, so that a browser whose session
 * has already ended can still clear its cookie.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class SignOutController {
    private final UserService users;
    private final CsrfTokens csrf;

    SignOutController(UserService users, CsrfTokens csrf) {
        this.users = users;
        this.csrf = csrf;
    }

    @Post(value = "/sign-out", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signOut(HttpRequest<?> request, @Nullable Authentication auth,
                            @Nullable @Body Map<String, String> ignored) {
        if (auth != null) {
            users.endSessions(auth.getName());
        }
        MutableHttpResponse<?> response = HttpResponse.seeOther(URI.create("/sign-in?signed-out=1"));
        response.cookie(SessionCookies.clearedToken(request));
        csrf.renew(request);
        return response;
    }
}
