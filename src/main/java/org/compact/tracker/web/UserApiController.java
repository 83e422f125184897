package org.compact.tracker.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.compact.tracker.security.Actors;
import org.compact.tracker.security.NewUser;
import org.compact.tracker.security.Role;
import org.compact.tracker.security.UserService;
import org.compact.tracker.security.UserView;

import java.net.URI;
import java.util.List;

/** Users of the tracker. Admins create them; admins and monitors see all, officers their own agency's colleagues. */
@Controller("/api/users")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Users")
class UserApiController {
    private final UserService users;

    UserApiController(UserService users) {
        this.users = users;
    }

    @Post
    @Secured(Role.ADMIN_NAME)
    HttpResponse<UserView> create(@Valid @Body NewUser request) {
        UserView user = users.create(request);
        return HttpResponse.created(user, URI.create("/api/users/" + user.id()));
    }

    @Get
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    List<UserView> list(Authentication authentication) {
        return users.list(Actors.of(authentication));
    }

    @Get("/{id}")
    @Secured({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.MONITOR_NAME})
    UserView get(Authentication authentication, @io.micronaut.http.annotation.PathVariable Long id) {
        return users.get(Actors.of(authentication), id);
    }
}
