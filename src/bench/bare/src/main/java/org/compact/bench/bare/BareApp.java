package org.compact.bench.bare;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.runtime.Micronaut;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The barest Micronaut HTTP app: one controller answering a small JSON object. It is the yardstick of
 * src/bench/run-startup-bench.sh (start-up time and resident memory of the service against this). Port from
 * {@code -Dmicronaut.server.port}.
 */
public final class BareApp {
    private BareApp() {
    }

    public static void main(String[] args) {
        Micronaut.run(BareApp.class, args);
    }

    /** What {@code GET /} answers. */
    @Serdeable
    public record Status(String status) {
    }

    @Controller
    static class Root {
        @Get
        Status index() {
            return new Status("UP");
        }
    }
}
