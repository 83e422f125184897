package org.compact.tracker.web;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the build generates is a contract a client generator and a newcomer can use: it validates
 * (swagger-parser, OpenAPI 3.0), and it keeps the promises a generated client depends on — every route docs/api.md
 * names, the real success codes, problem+json on every error, no token asked of the public routes, feeds typed as
 * text, an example and {@code required} on every request body, and operation ids that say what they do. Read from
 * the compiled classes, as the service serves it; no container.
 */
class OpenApiContractTest {
    static final String DOCUMENT = "META-INF/swagger/consultation-tracker-0.1.yml";
    static final Set<String> PUBLIC = Set.of("GET /ping", "GET /health", "POST /login", "GET /api/programme",
            "GET /programme.ics", "GET /programme.atom", "GET /programme.csv", "GET /api/compliance/public",
            "GET /o/preferences", "PATCH /o/preferences", "POST /api/public/concerns");
    static final Map<String, String> FEEDS = Map.of("/programme.ics", "text/calendar",
            "/programme.atom", "application/atom+xml", "/programme.csv", "text/csv");

    static String yaml;
    static OpenAPI api;
    static Map<String, Operation> operations = new LinkedHashMap<>();

    @BeforeAll
    static void readTheDocument() throws IOException {
        try (InputStream in = OpenApiContractTest.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            assertThat(in).as(DOCUMENT + " on the classpath").isNotNull();
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIParser().readContents(yaml, null, options);
        api = result.getOpenAPI();
        assertThat(api).as("parsed: %s", result.getMessages()).isNotNull();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, op) -> operations.put(method + " " + path, op)));
    }

    @Test
    void validatesAsOpenApi30WithoutAMessage() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(yaml, null, options);
        assertThat(result.getMessages()).as("swagger-parser's messages").isEmpty();
        assertThat(api.getOpenapi()).startsWith("3.0");
    }

    /** OpenAPI 3.0: {@code nullable} only means something beside a {@code type}; beside a bare $ref or allOf it is ignored. */
    @Test
    void neverPutsNullableBesideAReferenceWithoutAType() {
        List<String> found = new ArrayList<>();
        walk(new Yaml().load(yaml), "", (path, node) -> {
            if (Boolean.TRUE.equals(node.get("nullable")) && !node.containsKey("type")
                    && (node.containsKey("$ref") || node.containsKey("allOf"))) {
                found.add(path);
            }
        });
        assertThat(found).isEmpty();
    }

    @Test
    void describesEveryRouteDocsApiMdNamesExceptPages() throws IOException {
        Pattern row = Pattern.compile("^\\| `([A-Z]+)`(?:, `[A-Z]+`)? \\| (.+?) \\|");
        Pattern path = Pattern.compile("`(/[^`?]*)");
        List<String> missing = new ArrayList<>();
        int routes = 0;
        for (String line : Files.readAllLines(Path.of("docs/api.md"))) {
            Matcher m = row.matcher(line);
            if (!m.find()) {
                continue;
            }
            Matcher p = path.matcher(m.group(2));
            while (p.find()) {
                String route = p.group(1);
                if (isPageOrFile(route) || (m.group(1) + " " + route).equals("POST /o/preferences")) {
                    continue;
                }
                routes++;
                String key = m.group(1) + " " + route;
                if (!operations.containsKey(key)) {
                    missing.add(key);
                }
            }
        }
        assertThat(routes).as("routes read from docs/api.md").isGreaterThan(50);
        assertThat(missing).as("routes docs/api.md names that the document lacks").isEmpty();
    }

    @Test
    void signInIsDescribedWithItsTokenAnswer() {
        Operation login = operations.get("POST /login");
        assertThat(login).as("POST /login").isNotNull();
        assertThat(login.getRequestBody().getContent()).containsKey("application/json");
        Schema<?> token = api.getComponents().getSchemas().get(ref(login.getResponses().get("200")
                .getContent().get("application/json").getSchema()));
        assertThat(token.getProperties()).containsKeys("access_token", "token_type", "expires_in", "username", "roles");
        assertThat(login.getResponses()).containsKey("401");
        assertThat(operations).containsKeys("POST /logout", "GET /health", "GET /prometheus");
        assertThat(operations.get("POST /logout").getResponses()).containsKey("204");
    }

    @Test
    void publicRoutesAskForNoTokenAndTheRestForABearerToken() {
        assertThat(api.getSecurity()).as("the global requirement").hasSize(1);
        assertThat(api.getSecurity().get(0)).containsOnlyKeys("bearer");
        operations.forEach((key, op) -> {
            if (PUBLIC.contains(key)) {
                assertThat(op.getSecurity()).as(key).isNotNull().isEmpty();
            } else {
                assertThat(op.getSecurity()).as(key + " keeps the global bearer requirement").isNull();
            }
        });
        assertThat(operations.keySet()).containsAll(PUBLIC);
    }

    @Test
    void theFeedsAreTextNotBase64() {
        FEEDS.forEach((path, type) -> {
            Map<String, MediaType> content = operations.get("GET " + path).getResponses().get("200").getContent();
            assertThat(content).as(path).containsOnlyKeys(type);
            assertThat(content.get(type).getSchema().getType()).as(path).isEqualTo("string");
        });
        List<String> base64 = new ArrayList<>();
        walk(new Yaml().load(yaml), "", (path, node) -> {
            if ("byte".equals(node.get("format"))) {
                base64.add(path);
            }
        });
        assertThat(base64).as("schemas typed as base64").isEmpty();
    }

    @Test
    void answersWithTheStatusTheServiceSends() {
        for (String created : List.of("POST /api/consultations", "POST /api/agencies", "POST /api/users",
                "POST /api/organisations", "POST /api/consultations/{id}/exemptions", "POST /api/consultations/{id}/feedback",
                "POST /api/consultations/{id}/actions", "POST /api/consultations/{id}/participants")) {
            assertThat(operations.get(created).getResponses()).as(created).containsKey("201").doesNotContainKey("200");
        }
        for (String none : List.of("POST /logout", "POST /api/users/me/password")) {
            assertThat(operations.get(none).getResponses()).as(none).containsKey("204").doesNotContainKey("200");
        }
        assertThat(operations.get("GET /api/consultations/{id}").getResponses()).containsKeys("200", "401", "403", "404");
        assertThat(operations.get("POST /api/consultations/{id}/notify").getResponses()).containsKeys("409", "422");
    }

    @Test
    void everyErrorAnswerIsAProblemDocument() {
        Schema<?> problem = api.getComponents().getSchemas().get("Problem");
        assertThat(problem.getProperties()).containsKeys("type", "title", "status", "detail", "instance", "errors");
        Schema<?> fieldError = api.getComponents().getSchemas().get(ref(problem.getProperties().get("errors").getItems()));
        assertThat(fieldError.getProperties()).containsKeys("field", "ruleId", "reason");
        operations.forEach((key, op) -> {
            boolean anyError = false;
            for (Map.Entry<String, ApiResponse> answer : op.getResponses().entrySet()) {
                if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
                    anyError = true;
                    ApiResponse response = resolve(answer.getValue());
                    if (key.equals("GET /health")) {
                        continue; // 503 is the health document itself, with status DOWN
                    }
                    assertThat(response.getContent()).as(key + " " + answer.getKey()).containsOnlyKeys("application/problem+json");
                    assertThat(ref(response.getContent().get("application/problem+json").getSchema()))
                            .as(key + " " + answer.getKey()).isEqualTo("Problem");
                }
            }
            if (!key.equals("GET /ping")) {
                assertThat(anyError).as(key + " documents its errors").isTrue();
            }
        });
    }

    @Test
    void everyRequestBodyIsRequiredAndHasAnExample() {
        operations.forEach((key, op) -> {
            RequestBody body = op.getRequestBody();
            if (body == null) {
                return;
            }
            assertThat(body.getRequired()).as(key + " body required").isTrue();
            body.getContent().forEach((type, media) -> assertThat(media.getExamples() != null
                    && !media.getExamples().isEmpty() || media.getExample() != null).as(key + " " + type + " example").isTrue());
        });
        Schema<?> register = api.getComponents().getSchemas().get(ref(operations.get("POST /api/consultations")
                .getRequestBody().getContent().get("application/json").getSchema()));
        List<String> required = new ArrayList<>();
        if (register.getRequired() != null) {
            required.addAll(register.getRequired());
        }
        if (register.getAllOf() != null) {
            register.getAllOf().forEach(part -> {
                if (part.getRequired() != null) {
                    required.addAll(part.getRequired());
                }
            });
        }
        assertThat(required).as("what registering a consultation needs").contains("title", "summary", "leadOfficer");
    }

    @Test
    void operationIdsAreUniqueAndSayWhatTheyDo() {
        Map<String, String> seen = new HashMap<>();
        operations.forEach((key, op) -> {
            String id = op.getOperationId();
            assertThat(id).as(key).isNotBlank().doesNotContain("_").matches("[a-z][A-Za-z]+");
            assertThat(seen.put(id, key)).as(id + " used twice").isNull();
        });
        assertThat(operations.get("POST /api/consultations").getOperationId()).isEqualTo("registerConsultation");
        assertThat(operations.get("GET /api/consultations").getOperationId()).isEqualTo("listConsultations");
        assertThat(operations.get("POST /api/organisations").getOperationId()).isEqualTo("registerOrganisation");
        assertThat(operations.get("POST /login").getOperationId()).isEqualTo("signIn");
    }

    /** Pages (HTML, and the form posts that answer HTML) may stay out of the document; so may static files. */
    private static boolean isPageOrFile(String route) {
        return route.startsWith("/swagger") || route.startsWith("/assets") || route.equals("/") || route.equals("/metrics")
                || route.equals("/programme") || route.startsWith("/results/") || route.equals("/compliance")
                || route.startsWith("/compliance/") || route.startsWith("/sign-") || route.equals("/dashboard")
                || route.startsWith("/consultations/") || route.startsWith("/o/") && !route.equals("/o/preferences")
                || !route.startsWith("/api/") && !route.startsWith("/o/") && !route.startsWith("/programme.")
                && !Set.of("/login", "/logout", "/health", "/ping", "/prometheus").contains(route);
    }

    private static ApiResponse resolve(ApiResponse response) {
        if (response.get$ref() == null) {
            return response;
        }
        return api.getComponents().getResponses().get(response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1));
    }

    private static String ref(Schema<?> schema) {
        assertThat(schema.get$ref()).as("a $ref").isNotNull();
        return schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
    }

    @SuppressWarnings("unchecked")
    private static void walk(Object node, String path, java.util.function.BiConsumer<String, Map<String, Object>> visit) {
        if (node instanceof Map<?, ?> map) {
            visit.accept(path, (Map<String, Object>) map);
            map.forEach((k, v) -> walk(v, path + "/" + k, visit));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "/" + i, visit);
            }
        }
    }
}
