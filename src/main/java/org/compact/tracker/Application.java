package org.compact.tracker;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Starts the consultation tracker. */
@OpenAPIDefinition(info = @Info(title = "Consultation tracker", version = "0.1",
        description = "Register consultations, keep the local Compact's rules, notify the third sector, report compliance."))
public class Application {
    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).defaultEnvironments("dev").start();
    }
}
