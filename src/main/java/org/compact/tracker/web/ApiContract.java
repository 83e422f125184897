package org.compact.tracker.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The refusals the OpenAPI document promises, written once. Each annotation here stands for the problem+json answers
 * (RFC 7807, {@link Problem}) a route can give, so that a client generated from the document knows them: a controller
 * of signed-in routes carries {@link SignedIn}; a route with an id in its path {@link NotFound}; one that reads a body
 * or checks its query {@link Invalid}; one that moves a consultation's lifecycle or takes {@code If-Match}
 * {@link Conflict}. The routes anyone may call are described in {@code src/main/openapi/public.yml}, because only there
 * can they say {@code security: []} (docs/api.md, "OpenAPI and Swagger UI").
 */
final class ApiContract {
    static final String PROBLEM = "application/problem+json";

    private ApiContract() {
    }

    /** 401 without a valid token, 403 for a role or agency that may not, 500 for a fault (with a reference). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "401", description = "No valid bearer token: sign in with POST /login",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "The role, or the agency, may not do this",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "500", description = "A fault in the service; nothing was changed (the detail has a reference)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @interface SignedIn {
    }

    /** 404: no such consultation, organisation, agency, user, action, participant, concern or message. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "404", description = "No such thing",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @interface NotFound {
    }

    /** 400 for a body or query that cannot be read, 422 for one that cannot be accepted (the fields and rule ids). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "400", description = "Not valid JSON, or a value of the wrong type (the field is named)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "Refused: errors[] names each field, and the rule id when a rule refused it",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @interface Invalid {
    }

    /** 409: a step the lifecycle does not allow now, a stale If-Match, or another change won the race. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "409", description = "Not allowed in the current state, or changed by someone else first",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @interface Conflict {
    }
}
