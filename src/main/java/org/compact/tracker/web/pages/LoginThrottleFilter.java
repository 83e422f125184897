package org.compact.tracker.web.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.annotation.Body;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.AuthenticationException;
import io.micronaut.security.authentication.AuthenticationFailed;
import io.micronaut.security.authentication.AuthenticationFailureReason;

import java.io.IOException;
import java.util.Map;

/**
 * {@link LoginThrottle} in front of the API's {@code POST /login}: a locked-out username or address is refused
 * before the password is checked, with exactly the answer a wrong password gets; each answer of the endpoint is
 * counted (401 a failure, 200 a success). The sign-in page counts through the same throttle. Both run on the
 * blocking executor: the counts are in the database.
 */
@ServerFilter("/login")
class LoginThrottleFilter implements Ordered {
    private static final String USERNAME = LoginThrottleFilter.class.getName() + ".username";

    private final JsonMapper json;
    private final LoginThrottle throttle;

    private final org.compact.tracker.web.ClientAddress clientAddress;

    LoginThrottleFilter(JsonMapper json, LoginThrottle throttle, org.compact.tracker.web.ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
        this.json = json;
        this.throttle = throttle;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void before(HttpRequest<?> request, @Nullable @Body String body) {
        if (request.getMethod() != HttpMethod.POST) {
            return;
        }
        String name = usernameIn(body);
        request.setAttribute(USERNAME, name);
        if (throttle.refuses(name, clientAddress.of(request))) {
            throw new AuthenticationException(new AuthenticationFailed(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
        }
    }

    private String usernameIn(@Nullable String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            Object username = json.readValue(body, Map.class).get("username");
            return username == null ? "" : username.toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void after(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(USERNAME, String.class).ifPresent(name -> {
            if (response.code() == 401) {
                throttle.failed(name, clientAddress.of(request));
            } else if (response.code() == 200) {
                throttle.succeeded(name);
            }
        });
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
