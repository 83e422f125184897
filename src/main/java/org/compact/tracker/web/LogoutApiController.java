package org.compact.tracker.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.compact.tracker.security.UserService;

/**
 * Signing out of the API: the token it is sent with ends, and with it every other token and page session of the
 * same user, on every node (a token cannot be taken back one by one: it is signed, not stored). Micronaut's own
 * logout endpoint is off ({@code micronaut.security.endpoints.logout.enabled=false}): it only clears cookies.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Sign-in")
@ApiContract.SignedIn
class LogoutApiController {
    private final UserService users;

    LogoutApiController(UserService users) {
        this.users = users;
    }

    @Post("/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(operationId = "signOut", summary = "Sign out (204): this token and every other token of the user end")
    @Status(HttpStatus.NO_CONTENT)
    HttpResponse<Void> logout(Authentication authentication) {
        users.endSessions(authentication.getName());
        return HttpResponse.noContent();
    }
}
