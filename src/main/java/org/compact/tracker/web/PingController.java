package org.compact.tracker.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * A constant answer, for load balancers that only need to know the process answers (GET /health also checks the
 * database and disk) and as the benchmarks' trivial endpoint of the same server.
 */
@Controller("/ping")
@Secured(SecurityRule.IS_ANONYMOUS)
class PingController {
    @Get
    @Produces(MediaType.TEXT_PLAIN)
    @Hidden
    String ping() {
        return "pong";
    }
}
