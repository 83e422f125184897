package org.compact.tracker.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * Refuses a well-signed, unexpired token whose session has ended: its user no longer exists, is disabled, or has
 * moved their session version since the token was issued (signed out, changed their password, or had their rights
 * changed by an admin). Micronaut Security checks every token through these validators, whether it came as a bearer
 * header or in the pages' cookie; a refused token is as no token (401 for the API, the sign-in page for the pages).
 * A token without the version (issued before V16) is refused too: its holder signs in again.
 *
 * <p>Runs on the blocking pool ({@code micronaut.security.token.jwt.nimbus.reactive-validator-execute-on-blocking}),
 * as it reads the database.
 */
@Singleton
class SessionClaimsValidator<T> implements GenericJwtClaimsValidator<T> {
    private final LiveSessions sessions;

    SessionClaimsValidator(LiveSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        Object subject = claims.get(Claims.SUBJECT);
        Object version = claims.get(Actors.VERSION_ATTRIBUTE);
        if (!(subject instanceof String username) || !(version instanceof Number n)) {
            return false;
        }
        return sessions.isCurrent(username, n.longValue());
    }
}
