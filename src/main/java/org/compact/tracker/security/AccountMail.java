package org.compact.tracker.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.compact.tracker.mail.Outbox;
import org.compact.tracker.mail.OutgoingMail;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells a person when what lets them sign in has changed (ASVS 2.2.3): their password (changed by them, or set anew
 * by an admin), their address (told at the address it was), their account disabled. Queued in the outbox in the
 * transaction of the change, so the mail goes if and only if the change was made. Someone who did not make the change
 * learns of it, and knows whom to ask.
 */
@Singleton
class AccountMail {
    static final String CATEGORY = "ACCOUNT";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);

    private final Outbox outbox;
    private final Clock clock;
    private final ZoneId zone;
    private final String domain;
    private final String publicUrl;

    AccountMail(Outbox outbox, Clock clock, @Value("${tracker.zone:Europe/London}") String zone,
                @Value("${tracker.mail.from:consultations@localhost}") String from,
                @Value("${tracker.public-url:`http://localhost:8080`}") String publicUrl) {
        this.outbox = outbox;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.domain = OutgoingMail.messageIdDomain(from);
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** The user changed their own password. */
    void passwordChanged(AppUser user) {
        send(user, user.email(), "password-" + user.sessionVersion(), "Your password was changed",
                "the password of your account '" + user.username() + "' was changed " + now() + ".\n\n"
                        + "Every place you were signed in has been signed out: sign in again with the new password.\n\n"
                        + "If you did not change it, tell your agency's administrator at once: someone else may know "
                        + "your old password.");
    }

    /** An admin set a new password for the user (who had forgotten theirs, say). */
    void passwordSet(AppUser user, String admin) {
        send(user, user.email(), "password-" + user.sessionVersion(), "A new password was set for your account",
                "the administrator '" + admin + "' set a new password for your account '" + user.username() + "' "
                        + now() + ". They will give it to you; once signed in, choose a password of your own.\n\n"
                        + "Every place you were signed in has been signed out.\n\n"
                        + "If you did not ask for this, tell your agency's administrator.");
    }

    /** The user's address changed: told at the address it was, so a takeover cannot hide itself. */
    void addressChanged(AppUser before, String newAddress, String admin) {
        send(before, before.email(), "address-" + clock.millis(), "The address of your account was changed",
                "the administrator '" + admin + "' changed the address of your account '" + before.username()
                        + "' from " + before.email() + " to " + newAddress + " " + now() + ". Mail for your account "
                        + "now goes there.\n\nIf this is not what you expected, tell your agency's administrator.");
    }

    /** The user can no longer sign in. */
    void disabled(AppUser user, String admin) {
        send(user, user.email(), "disabled-" + user.sessionVersion(), "Your account was disabled",
                "the administrator '" + admin + "' disabled your account '" + user.username() + "' " + now()
                        + ". You can no longer sign in, and every place you were signed in has been signed out.\n\n"
                        + "If this is a mistake, ask your agency's administrator to enable it again.");
    }

    private String now() {
        return "on " + WHEN.format(clock.instant().atZone(zone));
    }

    private void send(AppUser user, String to, String what, String subject, String body) {
        String text = "Hello,\n\n" + Character.toUpperCase(body.charAt(0)) + body.substring(1) + "\n\n"
                + "Sign in: " + publicUrl + "/sign-in\n\n"
                + "This mail was sent by the consultation tracker because of a change to your account; there is "
                + "nothing to unsubscribe from.\n";
        outbox.enqueue(new OutgoingMail("account-" + what + "-" + user.id() + "@" + domain, CATEGORY, to, subject,
                text, null, List.of(), Map.of(), "user:" + user.id()));
    }
}
