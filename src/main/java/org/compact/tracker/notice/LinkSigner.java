package org.compact.tracker.notice;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.compact.tracker.support.StoredSecrets;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;

/**
 * Signs the links in mail (replies, unsubscribe, preferences) so an organisation needs no password: HMAC-SHA256
 * over purpose, subject, contact and expiry. The key is {@code TRACKER_LINK_SECRET}, or one generated on first
 * start and kept in the database, so links in mail already sent keep working after a restart.
 */
@Singleton
public class LinkSigner {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();
    private static final String SETTING = "link-secret";

    private final StoredSecrets stored;
    private final Clock clock;
    private final String configured;
    private volatile byte[] key;

    LinkSigner(StoredSecrets stored, Clock clock, @Nullable @Value("${tracker.link.secret:}") String configured) {
        this.stored = stored;
        this.clock = clock;
        this.configured = configured;
    }

    /** Makes or reads the key at start-up, outside any caller's transaction. */
    @io.micronaut.runtime.event.annotation.EventListener
    void onStartup(io.micronaut.context.event.StartupEvent event) {
        key();
    }

    /** What a verified link is for and about, and the last day it is valid. */
    public record Link(String purpose, long subject, String email, LocalDate expires) {
    }

    public String sign(String purpose, long subject, String email, LocalDate expires) {
        String payload = purpose + "|" + subject + "|" + email + "|" + expires.toEpochDay();
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(body) + "." + B64.encodeToString(mac(body));
    }

    /** The link, if the token is genuine, for this purpose and not expired. */
    public Optional<Link> verify(@Nullable String token, String purpose) {
        if (token == null || token.length() > 2000 || token.indexOf('.') < 0) {
            return Optional.empty();
        }
        try {
            String[] parts = token.split("\\.", 2);
            byte[] body = D64.decode(parts[0]);
            if (!MessageDigest.isEqual(mac(body), D64.decode(parts[1]))) {
                return Optional.empty();
            }
            String[] fields = new String(body, StandardCharsets.UTF_8).split("\\|", -1);
            if (fields.length != 4 || !fields[0].equals(purpose)) {
                return Optional.empty();
            }
            if (LocalDate.now(clock).toEpochDay() > Long.parseLong(fields[3])) {
                return Optional.empty();
            }
            return Optional.of(new Link(fields[0], Long.parseLong(fields[1]), fields[2], LocalDate.ofEpochDay(Long.parseLong(fields[3]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A key for another use (the pages' CSRF tokens), derived from the link key so that it is the same on every node
     * and after a restart, yet tells nothing of the link key and signs no link (a link has four fields, this two).
     */
    public byte[] derivedKey(String use) {
        return mac(("derived-key|" + use).getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = (configured != null && !configured.isBlank() ? configured : stored.getOrCreate(SETTING))
                            .getBytes(StandardCharsets.UTF_8);
                }
                k = key;
            }
        }
        return k;
    }
}
