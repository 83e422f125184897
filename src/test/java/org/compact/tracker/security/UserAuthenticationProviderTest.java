package org.compact.tracker.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import org.compact.tracker.support.ClientAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The check behind every sign-in, on its own: a locked-out attempt costs the same bcrypt work as a checked one (it
 * came back in 7 ms instead of 280, which told a guesser the lock was on), and answers as a wrong password does.
 */
class UserAuthenticationProviderTest {
    private final UserRepository users = mock(UserRepository.class);
    private final PasswordHasher hasher = mock(PasswordHasher.class);
    private final SignInThrottle throttle = mock(SignInThrottle.class);
    private final ClientAddress clientAddress = mock(ClientAddress.class);
    private final HttpRequest<Object> request = HttpRequest.POST("/login", new Object());
    private final UserAuthenticationProvider<Object> provider =
            new UserAuthenticationProvider<>(users, hasher, throttle, clientAddress);

    @BeforeEach
    void fromOneAddress() {
        when(clientAddress.of(any())).thenReturn("203.0.113.9");
    }

    @Test
    void aLockedOutAttemptSpendsABcryptCheckAndIsRefusedEvenWithTheRightPassword() {
        when(throttle.refuses("olivia", "203.0.113.9")).thenReturn(true);
        when(hasher.matches(anyString(), any())).thenReturn(true);

        AuthenticationResponse answer = provider.authenticate(request, new UsernamePasswordCredentials("olivia", "right"));

        assertThat(answer.isAuthenticated()).isFalse();
        verify(hasher).matches("right", null);
        verifyNoInteractions(users);
        verify(throttle, never()).failed(anyString(), anyString());
        verify(throttle, never()).succeeded(anyString(), anyString());
    }

    @Test
    void aLockedOutAttemptAnswersAsAWrongPasswordDoes() {
        when(users.findByUsernameKey("nobody")).thenReturn(Optional.empty());
        AuthenticationResponse wrong = provider.authenticate(request, new UsernamePasswordCredentials("nobody", "guess"));
        when(throttle.refuses("olivia", "203.0.113.9")).thenReturn(true);
        AuthenticationResponse locked = provider.authenticate(request, new UsernamePasswordCredentials("olivia", "guess"));

        assertThat(locked.isAuthenticated()).isFalse();
        assertThat(locked.getMessage()).isEqualTo(wrong.getMessage());
    }

    @Test
    void aFailureIsCountedUnderTheNameThatWasCheckedAndTheCallersAddress() {
        when(users.findByUsernameKey("olivia")).thenReturn(Optional.empty());

        provider.authenticate(request, new UsernamePasswordCredentials(" olivia ", "guess"));

        verify(users).findByUsernameKey("olivia");
        verify(hasher).matches(eq("guess"), isNull());
        verify(throttle).failed("olivia", "203.0.113.9");
    }
}
