package org.compact.tracker.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.List;
import java.util.Map;

/**
 * A test client that speaks to the running service over real HTTP with a real token, and returns error answers
 * instead of throwing, so tests can assert on problem+json bodies.
 */
public final class Api {
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    private final BlockingHttpClient http;
    private final String token;

    private Api(BlockingHttpClient http, String token) {
        this.http = http;
        this.token = token;
    }

    public static Api anonymous(HttpClient client) {
        return new Api(client.toBlocking(), null);
    }

    public static Api login(HttpClient client, String username, String password) {
        Map<String, Object> body = client.toBlocking().retrieve(
                HttpRequest.POST("/login", Map.of("username", username, "password", password)), MAP);
        return new Api(client.toBlocking(), (String) body.get("access_token"));
    }

    /** The same signed-in user, its requests sent to another server (another node of a cluster). */
    public Api via(HttpClient client) {
        return new Api(client.toBlocking(), token);
    }

    public static Api admin(HttpClient client) {
        return login(client, "admin", ADMIN_PASSWORD);
    }

    public Reply get(String uri) {
        return send(HttpRequest.GET(uri));
    }

    public Reply post(String uri, Object body) {
        return send(HttpRequest.POST(uri, body));
    }

    public Reply post(String uri) {
        return send(HttpRequest.POST(uri, ""));
    }

    public Reply patch(String uri, Object body) {
        return send(HttpRequest.PATCH(uri, body));
    }

    public Reply put(String uri, Object body) {
        return send(HttpRequest.PUT(uri, body));
    }

    public Reply raw(MutableHttpRequest<?> request) {
        return send(request);
    }

    public Reply send(MutableHttpRequest<?> request) {
        if (token != null) {
            request.bearerAuth(token);
        }
        if (request.getContentType().isEmpty() && request.getBody().isPresent()) {
            request.contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        try {
            HttpResponse<String> response = http.exchange(request, String.class);
            return new Reply(response.code(), response.getContentType().map(MediaType::toString).orElse(null),
                    response.getBody().orElse(""), response.getHeaders().get("ETag"));
        } catch (HttpClientResponseException e) {
            HttpResponse<?> response = e.getResponse();
            return new Reply(response.code(), response.getContentType().map(MediaType::toString).orElse(null),
                    response.getBody(String.class).orElse(""), response.getHeaders().get("ETag"));
        }
    }

    /** An answer: status, content type, body as text and as JSON. */
    public record Reply(int status, String contentType, String body, String etag) {
        public Map<String, Object> json() {
            return Jsons.map(body);
        }

        public List<Map<String, Object>> list() {
            return Jsons.list(body);
        }

        public Object at(String path) {
            return Jsons.at(json(), path);
        }

        public long id() {
            return ((Number) json().get("id")).longValue();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
