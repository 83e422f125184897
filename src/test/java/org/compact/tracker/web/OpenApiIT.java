package org.compact.tracker.web;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.compact.tracker.support.Api;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The API is documented by the service itself: the OpenAPI document and Swagger UI, with no CDN. */
@MicronautTest(transactional = false)
class OpenApiIT {
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void servesTheOpenApiDocumentListingTheTransitions() {
        Api.Reply yaml = Api.anonymous(client).get("/swagger/consultation-tracker-0.1.yml");
        assertEquals(200, yaml.status(), yaml::toString);
        assertThat(yaml.body()).contains("/api/consultations/{id}/notify", "/api/consultations/{id}/exemptions",
                "/api/organisations", "bearer");
    }

    @Test
    void servesSwaggerUiFromTheJarItself() {
        Api.Reply ui = Api.anonymous(client).get("/swagger-ui/index.html");
        assertEquals(200, ui.status(), ui::toString);
        assertThat(ui.body()).contains("consultation-tracker-0.1.yml").doesNotContain("cdn.");
    }
}
