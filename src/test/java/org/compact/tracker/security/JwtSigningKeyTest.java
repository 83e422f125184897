package org.compact.tracker.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key that signs sign-in tokens: required where it must be, long enough, and the same key on every node. */
class JwtSigningKeyTest {
    private static final String SHARED = "a-secret-shared-by-every-node-of-the-cluster-0123456789";

    @Test
    void whereTheSecretIsRequiredTheServiceRefusesToStartWithoutIt() {
        assertThatThrownBy(() -> JwtSigningKey.configuration(null, true))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("TRACKER_JWT_SECRET");
        assertThatThrownBy(() -> JwtSigningKey.configuration("   ", true))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void aSecretShorterThan32CharactersIsRefusedEvenWhereItIsNotRequired() {
        assertThatThrownBy(() -> JwtSigningKey.configuration("x".repeat(31), false))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("at least 32 characters")
                .hasMessageContaining("it has 31");
        assertThat(JwtSigningKey.configuration("x".repeat(32), true).getSecret()).hasSize(32);
    }

    @Test
    void tokensAreSignedWithHs256() throws Exception {
        SignedJWT token = sign(new SecretSignature(JwtSigningKey.configuration(SHARED, true)), "olivia.hughes");
        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
    }

    @Test
    void twoNodesWithTheSameSecretAcceptEachOthersTokens() throws Exception {
        SecretSignature nodeA = new SecretSignature(JwtSigningKey.configuration(SHARED, true));
        SecretSignature nodeB = new SecretSignature(JwtSigningKey.configuration(SHARED, true));
        assertThat(nodeB.verify(sign(nodeA, "olivia.hughes"))).isTrue();
        assertThat(nodeA.verify(sign(nodeB, "olivia.hughes"))).isTrue();
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRejected() throws Exception {
        SecretSignature ours = new SecretSignature(JwtSigningKey.configuration(SHARED, true));
        SecretSignature theirs = new SecretSignature(JwtSigningKey.configuration(SHARED + "-other", true));
        assertThat(ours.verify(sign(theirs, "olivia.hughes"))).isFalse();
    }

    @Test
    void theServiceDoesNotStartWhereTheSecretIsRequiredAndMissing() {
        Map<String, Object> noDatabase = Map.of("flyway.datasources.default.enabled", false,
                "datasources.default.url", "jdbc:h2:mem:jwt-factory-test", "tracker.jobs.enabled", false,
                "tracker.jwt.required", true);
        assertThatThrownBy(() -> {
            try (ApplicationContext ctx = ApplicationContext.run(noDatabase)) {
                ctx.getBean(SignatureGeneratorConfiguration.class, Qualifiers.byName("generator"));
            }
        }).hasStackTraceContaining("TRACKER_JWT_SECRET (tracker.jwt.secret) is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"config/application-prod.yml", "config/application-staging.yml"})
    @SuppressWarnings("unchecked")
    void productionAndStagingRequireTheSecret(String file) throws Exception {
        Map<String, Object> yaml;
        try (var in = Files.newInputStream(Path.of(file))) {
            yaml = new Yaml().load(in);
        }
        Map<String, Object> jwt = (Map<String, Object>) ((Map<String, Object>) yaml.get("tracker")).get("jwt");
        assertThat(jwt.get("required")).isEqualTo(true);
    }

    private static SignedJWT sign(SecretSignature signature, String subject) throws JOSEException, ParseException {
        return signature.sign(new JWTClaimsSet.Builder().subject(subject).build());
    }
}
