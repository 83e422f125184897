package org.compact.tracker.web.pages;

import org.compact.tracker.support.Blocking;
import org.compact.tracker.web.forms.CsrfTokens;
import org.compact.tracker.web.forms.SessionCookies;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.Authenticator;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.render.AccessRefreshToken;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;

/**
 * Signing in to the pages (signing out is {@link SignOutController}). The password is checked by the same authenticator as the API's
 * {@code POST /login}, which counts failures in the one sign-in throttle ({@code security.SignInThrottle}); the token
 * goes into an HttpOnly, SameSite=Strict cookie, never into a page a script can read. Every failure shows one message, which names neither the user nor the cause.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class SignInController {
    static final String FAILED = "The username or password is wrong, or there were too many attempts; try again later.";

    private final Authenticator<HttpRequest<?>> authenticator;
    private final AccessRefreshTokenGenerator tokens;
    private final CsrfTokens csrf;
    private final PageModel pages;

    SignInController(Authenticator<HttpRequest<?>> authenticator, AccessRefreshTokenGenerator tokens, CsrfTokens csrf,
                     PageModel pages) {
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.csrf = csrf;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> start(@Nullable Authentication auth) {
        return HttpResponse.seeOther(URI.create(auth == null ? "/sign-in" : "/dashboard"));
    }

    @Get(value = "/sign-in", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> signInPage(HttpRequest<?> request, @Nullable @QueryValue String next,
                                                 @Nullable @QueryValue("signed-out") String signedOut) {
        Map<String, Object> model = pages.of(request, null, "Sign in");
        model.put("next", safeNext(next));
        model.put("signedOut", signedOut != null);
        return new ModelAndView<>("sign-in", model);
    }

    @Post(value = "/sign-in", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signIn(HttpRequest<?> request, @Body Map<String, String> form) {
        String username = form.getOrDefault("username", "").strip();
        String password = form.getOrDefault("password", "");
        AuthenticationResponse answer = null;
        if (!username.isEmpty() && !password.isEmpty()) {
            answer = Blocking.first(authenticator.authenticate(request, new UsernamePasswordCredentials(username, password)));
        }
        if (answer == null || !answer.isAuthenticated() || answer.getAuthentication().isEmpty()) {
            Map<String, Object> model = pages.of(request, null, "Sign in");
            model.put("next", safeNext(form.get("next")));
            model.put("username", username);
            model.put("error", FAILED);
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new ModelAndView<>("sign-in", model));
        }
        Authentication who = answer.getAuthentication().get();
        AccessRefreshToken token = tokens.generate(who)
                .orElseThrow(() -> new IllegalStateException("No token could be made for a signed-in user"));
        MutableHttpResponse<?> response = HttpResponse.seeOther(URI.create(safeNext(form.get("next"))));
        response.cookie(SessionCookies.token(request, token.getAccessToken(),
                Duration.ofSeconds(token.getExpiresIn() == null ? 3600 : token.getExpiresIn())));
        csrf.renew(request);
        return response;
    }

    /**
     * Only a path of this service: never another site ("//evil.example", "/\evil.example", "https:…"), nor
     * something that is not a URI at all ("/%zz"), which could not be sent back as a Location.
     */
    static String safeNext(@Nullable String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.length() > 2000 || next.chars().anyMatch(ch -> ch < 0x21 || ch == '\\')) {
            return "/dashboard";
        }
        try {
            URI uri = new URI(next);
            return uri.isAbsolute() || uri.getRawAuthority() != null ? "/dashboard" : next;
        } catch (URISyntaxException notAUri) {
            return "/dashboard";
        }
    }
}
