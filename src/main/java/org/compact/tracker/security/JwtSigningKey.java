package org.compact.tracker.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import org.compact.tracker.support.StoredSecrets;

/**
 * The key that signs and checks sign-in tokens (HS256): {@code TRACKER_JWT_SECRET} when it is set, at least 32
 * characters, the same on every node; required where {@code tracker.jwt.required} is set (prod and staging). Without
 * it, a secret made on first start and kept in the database ({@link StoredSecrets}, name {@value #STORED}): a restart
 * keeps every officer signed in, and every node of a cluster accepts the others' tokens. (It used to be random at
 * each start: every restart signed everyone out mid-form, and two nodes each accepted only their own tokens.) A
 * configured secret always wins. Rotating either one ends every session: see docs/operations.md.
 *
 * <p>Made here rather than from {@code micronaut.security.token.jwt.signatures.secret.*}: that configuration is
 * bean-validated when it is built, at start-up, which created Micronaut's validator (a fifth of a second) before the
 * service could answer. Made while the context starts ({@code @Context}), so a missing or short secret stops the
 * start, not the first sign-in; the stored secret is read at the first token, not at start.
 */
@Context
@Named("generator")
final class JwtSigningKey implements SignatureGeneratorConfiguration {
    /** HS256 needs a key of at least 256 bits. */
    static final int MIN_LENGTH = 32;
    /** The name the generated secret is kept under in {@code app_setting}. */
    static final String STORED = "jwt-secret";

    private final Provider<StoredSecrets> stored;
    private volatile SecretSignature signature;

    JwtSigningKey(@Nullable @Value("${tracker.jwt.secret:}") String configured,
                  @Value("${tracker.jwt.required:false}") boolean required, Provider<StoredSecrets> stored) {
        this.stored = stored;
        String secret = configured == null ? "" : configured.strip();
        if (!secret.isEmpty() || required) {
            this.signature = new SecretSignature(configuration(secret, required));
        }
    }

    /** The configuration of a secret that was set; {@code required} refuses a blank one. */
    static SecretSignatureConfiguration configuration(@Nullable String configured, boolean required) {
        String secret = configured == null ? "" : configured.strip();
        if (secret.isEmpty() && required) {
            throw new ConfigurationException("TRACKER_JWT_SECRET (tracker.jwt.secret) is required here "
                    + "(tracker.jwt.required): sign-in tokens must survive restarts and be accepted by every node");
        }
        if (secret.length() < MIN_LENGTH) {
            throw new ConfigurationException("TRACKER_JWT_SECRET (tracker.jwt.secret) must be at least " + MIN_LENGTH
                    + " characters (HS256 needs a 256-bit key); it has " + secret.length());
        }
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        configuration.setSecret(secret);
        configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
        return configuration;
    }

    private SecretSignature signature() {
        SecretSignature s = signature;
        if (s == null) {
            synchronized (this) {
                if (signature == null) {
                    signature = new SecretSignature(configuration(stored.get().getOrCreate(STORED), false));
                }
                s = signature;
            }
        }
        return s;
    }

    @Override
    public SignedJWT sign(JWTClaimsSet claims) throws JOSEException {
        return signature().sign(claims);
    }

    @Override
    public String supportedAlgorithmsMessage() {
        return "Only the HS256 algorithm is supported for HMac signature";
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return JWSAlgorithm.HS256.equals(algorithm);
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        return signature().verify(jwt);
    }
}
