package org.compact.tracker.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import org.compact.tracker.support.ClientAddress;

import java.util.Map;
import java.util.Optional;

/**
 * Checks a username and password against the stored bcrypt hash: the one place a password is checked, reached
 * through Micronaut's {@code Authenticator} by {@code POST /login} (JSON or form), the sign-in page and whoever else
 * asks it with the request. So the throttle ({@link SignInThrottle}) sits here, and counts the identity this check
 * received, whatever the encoding of the body or a name sent twice. Runs on the blocking pool (bcrypt is slow on
 * purpose). The username is found whatever its case; the token carries the name as stored and the user's
 * session version ({@link SessionClaimsValidator}). Unknown users, wrong passwords, disabled users and locked-out attempts all get the same answer in the
 * same time: a locked-out attempt still spends a bcrypt check, against the hasher's dummy hash, before it is refused.
 */
@Singleton
class UserAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;
    private final ClientAddress clientAddress;

    UserAuthenticationProvider(UserRepository users, PasswordHasher hasher, SignInThrottle throttle,
                               ClientAddress clientAddress) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.clientAddress = clientAddress;
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request, AuthenticationRequest<String, String> auth) {
        String username = auth.getIdentity() == null ? "" : auth.getIdentity().trim();
        String password = auth.getSecret() == null ? "" : auth.getSecret();
        String address = request == null ? "unknown" : clientAddress.of(request);
        if (throttle.refuses(username, address)) {
            hasher.matches(password, null);
            return failure();
        }
        // A name no user can have (control characters, which PostgreSQL refuses in a query outright, or longer than a
        // username may be) is an unknown user: checked against the dummy hash and counted like any other.
        Optional<AppUser> user = possibleUsername(username)
                ? users.findByUsernameKey(AppUser.keyOf(username)) : Optional.empty();
        boolean matches = hasher.matches(password, user.map(AppUser::passwordHash).orElse(null));
        if (user.isEmpty() || !matches || !user.get().enabled()) {
            throttle.failed(username, address);
            return failure();
        }
        throttle.succeeded(username, address);
        AppUser u = user.get();
        if (hasher.needsRehash(u.passwordHash())) {
            // a hash of the older form (bcrypt of the password itself, which cut it at 72 bytes): now that the
            // password is known to be right, store it in the current form
            users.rehash(u.id(), hasher.hash(password));
        }
        return AuthenticationResponse.success(u.username(),
                u.roleSet().stream().map(Enum::name).toList(),
                Map.of(Actors.AGENCY_ATTRIBUTE, u.agencyId(), Actors.VERSION_ATTRIBUTE, u.sessionVersion()));
    }

    private static boolean possibleUsername(String username) {
        return username.length() <= 100 && username.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static AuthenticationResponse failure() {
        return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
}
