package org.compact.tracker.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;

/**
 * On first start, creates the {@code admin} user (and the agency it belongs to, if none exists) so that a fresh
 * install can be used at once. The password comes from {@code TRACKER_ADMIN_PASSWORD}; without it a random one is
 * generated and written to the log once, and never again.
 */
@Singleton
class AdminBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserRepository users;
    private final AgencyRepository agencies;
    private final PasswordHasher hasher;
    private final UserStamp stamp;
    private final Clock clock;
    private final String username;
    private final String password;
    private final String agencyName;

    AdminBootstrap(UserRepository users, AgencyRepository agencies, PasswordHasher hasher, UserStamp stamp, Clock clock,
                   @Value("${tracker.admin.username:admin}") String username,
                   @Nullable @Value("${tracker.admin.password:}") String password,
                   @Value("${tracker.bootstrap.agency-name:Compact partnership}") String agencyName) {
        this.users = users;
        this.agencies = agencies;
        this.hasher = hasher;
        this.stamp = stamp;
        this.clock = clock;
        this.username = username;
        this.password = password;
        this.agencyName = agencyName;
    }

    @EventListener
    @Transactional
    void onStartup(StartupEvent event) {
        if (users.existsByUsernameKey(AppUser.keyOf(username))) {
            return;
        }
        Agency agency = agencies.listOrderByName().stream().findFirst().orElseGet(() -> agencies.save(
                new Agency(null, agencyName, AgencyKind.OTHER_PUBLIC_BODY, "compliance@example.invalid", clock.instant())));
        boolean generated = password == null || password.isBlank();
        String secret = generated ? randomPassword() : password;
        stamp.moved();
        users.save(AppUser.created(username, hasher.hash(secret), "admin@example.invalid", agency.id(),
                Set.of(Role.ADMIN), clock.instant(), null));
        if (generated) {
            LOG.warn("Created user '{}' with the generated password: {}  (shown once; set TRACKER_ADMIN_PASSWORD to choose it)",
                    username, secret);
        } else {
            LOG.info("Created user '{}' with the password from TRACKER_ADMIN_PASSWORD", username);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
