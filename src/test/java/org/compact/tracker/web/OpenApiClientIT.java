package org.compact.tracker.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.compact.tracker.client.ApiClient;
import org.compact.tracker.client.ApiException;
import org.compact.tracker.client.ApiResponse;
import org.compact.tracker.client.api.AgenciesApi;
import org.compact.tracker.client.api.ConsultationsApi;
import org.compact.tracker.client.api.ProgrammePublicApi;
import org.compact.tracker.client.api.SignInApi;
import org.compact.tracker.client.api.UsersApi;
import org.compact.tracker.client.model.AccessToken;
import org.compact.tracker.client.model.Agency;
import org.compact.tracker.client.model.ConsultationView;
import org.compact.tracker.client.model.Credentials;
import org.compact.tracker.client.model.NewAgency;
import org.compact.tracker.client.model.NewConsultation;
import org.compact.tracker.client.model.NewUser;
import org.compact.tracker.client.model.Problem;
import org.compact.tracker.client.model.Programme;
import org.compact.tracker.client.model.ProgrammeEntry;
import org.compact.tracker.support.Api;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A Java client generated from the service's own OpenAPI document (openapi-generator, library native, in the build's
 * generate-test-sources) drives the service as an API client would: sign in, set up an agency and an officer,
 * register a consultation, read it back, meet a refusal as a problem document, and read the public programme without
 * a token.
 */
@MicronautTest(transactional = false)
class OpenApiClientIT {
    @Inject
    EmbeddedServer server;

    @Test
    void aGeneratedClientRegistersAConsultationAndReadsTheProgrammeWithoutAToken() throws Exception {
        AccessToken admin = new SignInApi(anonymous()).signIn(new Credentials().username("admin").password(Api.ADMIN_PASSWORD));
        assertThat(admin.getAccessToken()).isNotBlank();
        assertThat(admin.getExpiresIn()).isPositive();
        assertThat(admin.getRoles()).contains("ADMIN");

        Agency agency = new AgenciesApi(signedIn(admin)).registerAgency(new NewAgency().name("Generated Client Borough Council")
                .kind("COUNCIL").complianceContactEmail("compact@generated.example"));
        new UsersApi(signedIn(admin)).createUser(new NewUser().username("gina.client").password("generated-client-2027")
                .email("gina.client@generated.example").agencyId(agency.getId()).roles(List.of("OFFICER")));
        AccessToken officer = new SignInApi(anonymous()).signIn(new Credentials().username("gina.client")
                .password("generated-client-2027"));

        ConsultationsApi consultations = new ConsultationsApi(signedIn(officer));
        LocalDate opens = LocalDate.now().plusMonths(3);
        ApiResponse<ConsultationView> registered = consultations.registerConsultationWithHttpInfo(new NewConsultation()
                .title("Library opening hours, generated client")
                .summary("We want to know when you would use the library, so that its hours suit the people who use it.")
                .leadOfficer("gina.client").themes(List.of("libraries")).areas(List.of("Ordsall"))
                .opensOn(opens).closesOn(opens.plusWeeks(12)).decisionDate(opens.plusWeeks(20)));
        assertThat(registered.getStatusCode()).isEqualTo(201);
        ConsultationView created = registered.getData();
        assertThat(created.getStatus()).hasToString("PLANNED");

        ConsultationView read = consultations.getConsultation(created.getId());
        assertThat(read.getTitle()).isEqualTo("Library opening hours, generated client");
        assertThat(read.getAgencyId()).isEqualTo(agency.getId());
        assertThat(read.getChecks()).isNotEmpty();

        ApiException refused = assertThrows(ApiException.class,
                () -> consultations.registerConsultation(new NewConsultation().summary("No title").leadOfficer("gina.client")));
        assertThat(refused.getCode()).isEqualTo(422);
        Problem problem = signedIn(officer).getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getErrors()).anySatisfy(e -> assertThat(e.getField()).isEqualTo("title"));

        Programme programme = new ProgrammePublicApi(anonymous()).getProgramme(agency.getId(), null, null, null, null);
        assertThat(programme.getConsultations()).extracting(ProgrammeEntry::getTitle)
                .contains("Library opening hours, generated client");
    }

    private ApiClient anonymous() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.getURL().toString());
        return client;
    }

    private ApiClient signedIn(AccessToken token) {
        ApiClient client = anonymous();
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token.getAccessToken()));
        return client;
    }
}
