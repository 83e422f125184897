package org.compact.tracker.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;

/**
 * Checks a username and password against the stored bcrypt hash. Runs on the blocking pool (bcrypt is slow on
 * purpose). Unknown users and wrong passwords get the same answer, in the same time. The username is found whatever
 * its case; the token carries the name as stored and the user's session version ({@link SessionClaimsValidator}).
 */
@Singleton
class UserAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {
    private final UserRepository users;
    private final PasswordHasher hasher;

    UserAuthenticationProvider(UserRepository users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> auth) {
        String username = auth.getIdentity() == null ? "" : auth.getIdentity().trim();
        String password = auth.getSecret() == null ? "" : auth.getSecret();
        Optional<AppUser> user = users.findByUsernameKey(AppUser.keyOf(username));
        boolean matches = hasher.matches(password, user.map(AppUser::passwordHash).orElse(null));
        if (user.isEmpty() || !matches || !user.get().enabled()) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        AppUser u = user.get();
        return AuthenticationResponse.success(u.username(),
                u.roleSet().stream().map(Enum::name).toList(),
                Map.of(Actors.AGENCY_ATTRIBUTE, u.agencyId(), Actors.VERSION_ATTRIBUTE, u.sessionVersion()));
    }
}
