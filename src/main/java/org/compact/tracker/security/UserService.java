package org.compact.tracker.security;

import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import org.compact.tracker.support.Codes;
import org.compact.tracker.support.Refusal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Creates and lists users. Only admins create users (checked by the route). */
@Singleton
public class UserService {
    private final UserRepository users;
    private final AgencyRepository agencies;
    private final PasswordHasher hasher;
    private final PasswordRules passwords;
    private final Clock clock;

    UserService(UserRepository users, AgencyRepository agencies, PasswordHasher hasher, PasswordRules passwords,
                Clock clock) {
        this.passwords = passwords;
        this.users = users;
        this.agencies = agencies;
        this.hasher = hasher;
        this.clock = clock;
    }

    public UserView create(NewUser request) {
        if (!agencies.existsById(request.agencyId())) {
            throw Refusal.invalid("agencyId", "No agency with id " + request.agencyId() + ".");
        }
        if (users.existsByUsername(request.username())) {
            throw taken(request.username());
        }
        passwords.check("password", request.password(), request.username());
        Set<Role> roles = Codes.names(Role.class, List.copyOf(request.roles()), "roles").stream().map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        try {
            AppUser saved = users.save(new AppUser(null, request.username(), hasher.hash(request.password()),
                    request.email().trim(), request.agencyId(), AppUser.joinRoles(roles), true, clock.instant()));
            return UserView.of(saved);
        } catch (DataAccessException raced) {
            // the same username created at the same moment by another request: the unique constraint caught it
            throw taken(request.username());
        }
    }

    private static Refusal taken(String username) {
        return Refusal.invalid("username", "The username '" + username + "' is taken.");
    }

    public List<UserView> list(Actor actor) {
        List<AppUser> found = actor.isAdmin() || actor.roles().contains(Role.MONITOR)
                ? users.listOrderByUsername()
                : users.findByAgencyIdOrderByUsername(actor.agencyId());
        return found.stream().map(UserView::of).toList();
    }

    public UserView get(Actor actor, Long id) {
        AppUser u = users.findById(id).orElseThrow(() -> Refusal.notFound("user", id));
        if (!actor.isAdmin() && !actor.roles().contains(Role.MONITOR) && !u.agencyId().equals(actor.agencyId())) {
            throw Refusal.forbidden("Officers see the users of their own agency only.");
        }
        return UserView.of(u);
    }

    public Optional<AppUser> findByUsername(String username) {
        return users.findByUsername(username);
    }
}
