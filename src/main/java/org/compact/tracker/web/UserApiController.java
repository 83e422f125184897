package org.compact.tracker.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.Authenticator;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.compact.tracker.security.Actors;
import org.compact.tracker.security.NewUser;
import org.compact.tracker.security.PasswordChange;
import org.compact.tracker.security.Role;
import org.compact.tracker.security.UserChange;
import org.compact.tracker.security.UserService;
import org.compact.tracker.security.UserView;
import org.compact.tracker.support.Blocking;
import org.compact.tracker.support.Refusal;

import java.net.URI;
import java.util.List;

/**
 * Users of the tracker. Admins create and change them; admins and monitors see all, officers their own agency's
 * colleagues; each user changes their own password.
 */
@Controller("/api/users")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Users")
@ApiContract.SignedIn
class UserApiController {
    private final UserService users;
    private final Authenticator<HttpRequest<?>> authenticator;

    UserApiController(UserService users, Authenticator<HttpRequest<?>> authenticator) {
        this.users = users;
        this.authenticator = authenticator;
    }

    @Post
    @Secured(Role.ADMIN_NAME)
    @Operation(operationId = "createUser", summary = "Create a user (usernames are unique whatever their case)")
    @Status(HttpStatus.CREATED)
    @ApiContract.Invalid
    HttpResponse<UserView> create(
            @RequestBody(required = true,
                    content = @Content(examples = @ExampleObject(name = "new-user", value = ApiExamples.NEW_USER)))
            @Valid @Body NewUser request) {
        UserView user = users.create(request);
        return HttpResponse.created(user, URI.create("/api/users/" + user.id()));
    }

    @Get
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    @Operation(operationId = "listUsers",
            summary = "The users an actor may see: all for admins and monitors, an officer's own agency's")
    List<UserView> list(Authentication authentication) {
        return users.list(Actors.of(authentication));
    }

    @Get("/{id}")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    @Operation(operationId = "getUser", summary = "One user")
    @ApiContract.NotFound
    UserView get(Authentication authentication, @PathVariable Long id) {
        return users.get(Actors.of(authentication), id);
    }

    @Patch("/{id}")
    @Secured(Role.ADMIN_NAME)
    @Operation(operationId = "changeUser",
            summary = "Change a user's enabled, roles, agencyId or email; absent fields stay as they are. "
            + "Disabling and changing roles or agency end every token of the user")
    @ApiContract.NotFound
    @ApiContract.Invalid
    UserView change(Authentication authentication, @PathVariable Long id,
            @RequestBody(required = true,
                    content = @Content(examples = @ExampleObject(name = "user-change",
                            value = ApiExamples.USER_CHANGE)))
            @Valid @Body UserChange request) {
        return users.change(Actors.of(authentication), id, request);
    }

    /**
     * The current password is checked by the sign-in's own authenticator, with this request, so that wrong ones
     * count in the sign-in throttle as wrong passwords at {@code /login} do: a stolen token cannot be used to guess
     * the password at leisure.
     */
    @Post("/me/password")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(operationId = "changeOwnPassword",
            summary = "Change one's own password (204); every token of the user ends, including this one")
    @Status(HttpStatus.NO_CONTENT)
    @ApiContract.Invalid
    HttpResponse<Void> changePassword(HttpRequest<?> request, Authentication authentication,
            @RequestBody(required = true,
                    content = @Content(examples = @ExampleObject(name = "password-change",
                            value = ApiExamples.PASSWORD_CHANGE)))
            @Valid @Body PasswordChange change) {
        String username = authentication.getName();
        AuthenticationResponse answer = Blocking.first(authenticator.authenticate(request,
                new UsernamePasswordCredentials(username, change.currentPassword())));
        if (answer == null || !answer.isAuthenticated()) {
            throw Refusal.invalid("currentPassword", "The current password is wrong, or there were too many "
                    + "attempts; try again later.");
        }
        users.changePassword(username, change);
        return HttpResponse.noContent();
    }
}
