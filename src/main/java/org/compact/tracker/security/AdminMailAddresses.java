package org.compact.tracker.security;

import jakarta.inject.Singleton;
import org.compact.tracker.mail.MailAlertRecipients;

import java.util.List;

/** The addresses of the enabled admins: they are told when mail has been failing for an hour. */
@Singleton
class AdminMailAddresses implements MailAlertRecipients {
    private final UserRepository users;

    AdminMailAddresses(UserRepository users) {
        this.users = users;
    }

    @Override
    public List<String> addresses() {
        return users.listOrderByUsername().stream()
                .filter(u -> u.enabled() && u.roleSet().contains(Role.ADMIN) && u.email() != null && !u.email().isBlank())
                .map(u -> u.email().strip()).distinct().toList();
    }
}
