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

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs and checks sign-in tokens (HS256): {@code TRACKER_JWT_SECRET}, the same on every node of a
 * cluster, at least 32 characters, required where {@code tracker.jwt.required} is set (prod and staging); elsewhere,
 * without it, a random one made at each start. Micronaut Security signs with the bean named "generator" and checks
 * tokens with every {@link io.micronaut.security.token.jwt.signature.SignatureConfiguration}: this is the only one.
 *
 * <p>Made here rather than from {@code micronaut.security.token.jwt.signatures.secret.*}: that configuration is
 * bean-validated when it is built, at start-up, which created Micronaut's validator (a fifth of a second) before the
 * service could answer. The checks it made (a secret, an algorithm) are made here, with clearer messages. Made while
 * the context starts ({@code @Context}), so a missing or short secret stops the start, not the first sign-in.
 */
@Context
@Named("generator")
final class JwtSigningKey implements SignatureGeneratorConfiguration {
    /** HS256 needs a key of at least 256 bits. */
    static final int MIN_LENGTH = 32;

    private final SecretSignature signature;

    JwtSigningKey(@Nullable @Value("${tracker.jwt.secret:}") String configured,
                  @Value("${tracker.jwt.required:false}") boolean required) {
        this.signature = new SecretSignature(configuration(configured, required));
    }

    static SecretSignatureConfiguration configuration(@Nullable String configured, boolean required) {
        String secret = configured == null ? "" : configured.strip();
        if (secret.isEmpty()) {
            if (required) {
                throw new ConfigurationException("TRACKER_JWT_SECRET (tracker.jwt.secret) is required here "
                        + "(tracker.jwt.required): sign-in tokens must survive restarts and be accepted by every node");
            }
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
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

    @Override
    public SignedJWT sign(JWTClaimsSet claims) throws JOSEException {
        return signature.sign(claims);
    }

    @Override
    public String supportedAlgorithmsMessage() {
        return signature.supportedAlgorithmsMessage();
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return signature.supports(algorithm);
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        return signature.verify(jwt);
    }
}
