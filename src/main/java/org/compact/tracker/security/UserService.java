package org.compact.tracker.security;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.compact.tracker.support.EnumCodes;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;
import org.compact.tracker.support.Text;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creates, lists and changes users, and ends their sessions. Only admins create and change users (checked by the
 * route). Every change moves the {@link UserStamp} first, in its transaction, so every node sees it at its next
 * request, and changes to users are made one at a time; a change that takes rights away, or a sign-out or a new
 * password, also moves the user's session version, which ends every token they hold ({@link LiveSessions}).
 */
@Singleton
public class UserService {
    private final UserRepository users;
    private final AgencyRepository agencies;
    private final PasswordHasher hasher;
    private final PasswordRules passwords;
    private final UserStamp stamp;
    private final AccountMail mail;
    private final Clock clock;

    UserService(UserRepository users, AgencyRepository agencies, PasswordHasher hasher, PasswordRules passwords,
                UserStamp stamp, AccountMail mail, Clock clock) {
        this.mail = mail;
        this.passwords = passwords;
        this.users = users;
        this.agencies = agencies;
        this.hasher = hasher;
        this.stamp = stamp;
        this.clock = clock;
    }

    @Transactional
    public UserView create(NewUser request) {
        if (!agencies.existsById(request.agencyId())) {
            throw Refusal.invalid("agencyId", "No agency with id " + request.agencyId() + ".");
        }
        Set<Role> roles = roles(request.roles());
        passwords.check("password", request.password(), request.username());
        stamp.moved();
        if (users.existsByUsernameKey(AppUser.keyOf(request.username()))) {
            throw taken(request.username());
        }
        try {
            AppUser saved = users.save(AppUser.created(request.username(), hasher.hash(request.password()),
                    request.email().trim(), request.agencyId(), roles, clock.instant(), displayName(request.displayName())));
            return UserView.of(saved);
        } catch (DataAccessException raced) {
            // the same name (in any case) created at the same moment by another node: the unique key caught it
            throw taken(request.username());
        }
    }

    /** A display name as kept: one line, stripped; blank is none (the username is shown). */
    private static String displayName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return Text.singleLine("displayName", name).strip();
    }

    private static Refusal taken(String username) {
        return Refusal.invalid("username", "The username '" + username + "' is taken (usernames are the same "
                + "whatever their case).");
    }

    private static Set<Role> roles(Collection<String> codes) {
        return EnumCodes.names(Role.class, List.copyOf(codes), "roles").stream().map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    /**
     * An admin changes a user's rights, address or password. The last enabled admin cannot be disabled or lose ADMIN,
     * and an admin cannot disable themselves (they would lock themselves out mid-change). Changing anything but the
     * address ends the user's tokens: roles and agency are written into them, a disabled user must be out at once, and
     * a new password ends whatever the old one opened. The user is mailed a new password, a disabled account, and a
     * changed address (at the address it was).
     */
    @Transactional
    public UserView change(Actor actor, Long id, UserChange request) {
        stamp.moved();
        AppUser user = users.findById(id).orElseThrow(() -> Refusal.notFound("user", id));
        List<FieldError> problems = new ArrayList<>();
        Set<Role> roles = request.roles() == null ? user.roleSet() : roles(request.roles());
        boolean enabled = request.enabled() == null ? user.enabled() : request.enabled();
        Long agencyId = request.agencyId() == null ? user.agencyId() : request.agencyId();
        String email = user.email();
        if (request.email() != null) {
            if (request.email().isBlank()) {
                problems.add(FieldError.of("email", "must not be blank"));
            } else {
                email = Text.plain("email", request.email()).trim();
            }
        }
        if (!agencyId.equals(user.agencyId()) && !agencies.existsById(agencyId)) {
            problems.add(FieldError.of("agencyId", "No agency with id " + agencyId + "."));
        }
        if (!enabled && user.enabled() && user.username().equals(actor.username())) {
            problems.add(FieldError.of("enabled", "You cannot disable yourself; ask another admin."));
        } else if (user.enabled() && user.roleSet().contains(Role.ADMIN) && (!enabled || !roles.contains(Role.ADMIN))
                && !anotherEnabledAdmin(user)) {
            problems.add(FieldError.of(enabled ? "roles" : "enabled",
                    "'" + user.username() + "' is the last enabled admin: enable or make another admin first."));
        }
        if (request.password() != null) {
            String problem = passwords.problem(request.password(), user.username());
            if (problem != null) {
                problems.add(FieldError.of("password", problem));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        boolean newPassword = request.password() != null;
        boolean rightsChanged = enabled != user.enabled() || !roles.equals(user.roleSet())
                || !agencyId.equals(user.agencyId()) || newPassword;
        String displayName = request.displayName() == null ? user.displayName() : displayName(request.displayName());
        if (!rightsChanged && email.equals(user.email())) {
            if (java.util.Objects.equals(displayName, user.displayName())) {
                return UserView.of(user);
            }
            return UserView.of(users.update(user.withDisplayName(displayName)));
        }
        // only a new address leaves the tokens be: they carry no address
        AppUser changed = user.changed(enabled, roles, agencyId, email, rightsChanged).withDisplayName(displayName);
        if (newPassword) {
            changed = changed.withPasswordHash(hasher.hash(request.password()));
        }
        AppUser saved = users.update(changed);
        if (!email.equals(user.email())) {
            mail.addressChanged(user, email, actor.username());
        }
        if (newPassword) {
            mail.passwordSet(saved, actor.username());
        }
        if (user.enabled() && !enabled) {
            mail.disabled(saved, actor.username());
        }
        return UserView.of(saved);
    }

    private boolean anotherEnabledAdmin(AppUser user) {
        return users.listOrderByUsername().stream()
                .anyMatch(u -> !u.id().equals(user.id()) && u.enabled() && u.roleSet().contains(Role.ADMIN));
    }

    /** Ends every session of the user, on every node: sign-out (API and pages) ends them all, not just one token. */
    @Transactional
    public void endSessions(String username) {
        stamp.moved();
        users.findByUsernameKey(AppUser.keyOf(username)).ifPresent(u -> users.moveSessionVersion(u.id()));
    }

    /**
     * A user's new password, once the caller has checked the current one (through the sign-in's authenticator, so
     * the sign-in throttle counts wrong ones). Ends every token of the user: they sign in again with the new one.
     */
    @Transactional
    public void changePassword(String username, PasswordChange request) {
        if (request.newPassword().equals(request.currentPassword())) {
            throw Refusal.invalid("newPassword", "must differ from the current password");
        }
        passwords.check("newPassword", request.newPassword(), username);
        stamp.moved();
        AppUser user = users.findByUsernameKey(AppUser.keyOf(username))
                .orElseThrow(() -> Refusal.notFound("user", username));
        users.changePassword(user.id(), hasher.hash(request.newPassword()));
        mail.passwordChanged(users.findById(user.id()).orElseThrow());
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

    /** The user of a name, whatever its case. */
    public Optional<AppUser> findByUsername(String username) {
        return users.findByUsernameKey(AppUser.keyOf(username));
    }
}
