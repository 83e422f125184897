package org.compact.tracker.web.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.compact.tracker.security.Actor;
import org.compact.tracker.security.Actors;
import org.compact.tracker.security.Role;
import org.compact.tracker.web.forms.CsrfTokens;

import java.util.HashMap;
import java.util.Map;

/** What every page's frame needs: its title, the CSRF token for its forms, and who is signed in. */
@Singleton
class PageModel {
    private final CsrfTokens csrf;

    PageModel(CsrfTokens csrf) {
        this.csrf = csrf;
    }

    Map<String, Object> of(HttpRequest<?> request, @Nullable Authentication auth, String title) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("csrf", csrf.tokenFor(request));
        if (auth != null) {
            model.put("user", SignedIn.of(Actors.of(auth)));
        }
        return model;
    }

    /** The signed-in user as the page header shows them. */
    public record SignedIn(String name, String role, boolean mayChange) {
        static SignedIn of(Actor actor) {
            String role = actor.isAdmin() ? "Administrator" : actor.roles().contains(Role.OFFICER) ? "Officer" : "Monitor";
            return new SignedIn(actor.username(), role, actor.isAdmin() || actor.roles().contains(Role.OFFICER));
        }
    }
}
