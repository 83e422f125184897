package org.compact.tracker;

import io.micronaut.runtime.Micronaut;
import org.compact.tracker.startup.ClassPreloader;
import org.compact.tracker.startup.RestoreCommand;
import io.micronaut.openapi.annotation.OpenAPIExtraSchema;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * Starts the consultation tracker; {@code restore <zip> [--data <folder>]} instead restores a backup into an empty
 * data folder without starting it ({@link RestoreCommand}).
 */
@OpenAPIDefinition(
        info = @Info(title = "Consultation tracker", version = "0.1",
                description = "Register consultations, keep the local Compact's rules, notify the third sector, "
                        + "report compliance. Sign in with POST /login and send the access_token as a Bearer token."),
        security = @SecurityRequirement(name = "bearer"))
// The schemas of the public routes, which src/main/openapi/public.yml describes (their methods are @Hidden).
@OpenAPIExtraSchema(classNames = {"org.compact.tracker.programme.Programme", "org.compact.tracker.compliance.PublicCompliance",
        "org.compact.tracker.web.OrganisationPage$Preferences"})
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {
    public static void main(String[] args) {
        if (args.length > 0 && "restore".equals(args[0])) {
            System.exit(RestoreCommand.run(java.util.List.of(args).subList(1, args.length), System.out, System.err));
        }
        ClassPreloader.startInBackground(Application.class.getClassLoader());
        Micronaut.build(args).mainClass(Application.class).defaultEnvironments("dev").start();
    }
}
