package org.compact.tracker.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.web.forms.FormData;
import org.compact.tracker.support.Refusal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What the {@code /o/} pages share: the page frame's model, their headers, the error summary, and how a refusal is
 * answered (an HTML page to a browser, problem+json to any other client). The signed token in the address is the
 * only key to these pages, so they are never stored by a browser or proxy, never send the address to another site
 * as a referrer and are not indexed; the Content-Security-Policy of every page ({@code SecurityHeadersFilter}) allows no inline
 * script.
 */
final class LinkPages {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private LinkPages() {
    }

    /** One line of an error summary: the text, and the id of the input it links to (none for the whole form). */
    public record Error(String text, @Nullable String fieldId) {
    }

    /** A choice of a radio or tick box group: its value, words, element id and whether it is chosen. */
    public record Choice(String code, String label, String id, boolean checked) {
    }

    /** Whether the caller is a browser asking for a page (it names text/html), not an API client. */
    static boolean wantsHtml(HttpRequest<?> request) {
        return request.getHeaders().accept().stream().anyMatch(m -> "text/html".equals(m.getName()));
    }

    static Map<String, Object> model(String title) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("errors", List.of());
        model.put("fieldErrors", Map.of());
        model.put("back", null);
        model.put("backToken", null);
        model.put("newLink", null);
        return model;
    }

    /** Puts the error summary and each field's own message into the model. */
    static void errors(Map<String, Object> model, List<FieldError> errors, Function<String, String> fieldIdOf,
                       Function<FieldError, String> textOf) {
        model.put("errors", errors.stream().map(e -> new Error(textOf.apply(e),
                e.field() == null ? null : fieldIdOf.apply(e.field()))).toList());
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError e : errors) {
            if (e.field() != null) {
                byField.merge(fieldIdOf.apply(e.field()), e.reason(), (a, b) -> a + "; " + b);
            }
        }
        model.put("fieldErrors", byField);
    }

    static <T> MutableHttpResponse<T> html(HttpStatus status, T body) {
        MutableHttpResponse<T> response = HttpResponse.<T>status(status).body(body).contentType(MediaType.TEXT_HTML_TYPE);
        return secured(response);
    }

    static HttpResponse<ModelAndView<Map<String, Object>>> page(HttpStatus status, String view, Map<String, Object> model) {
        return html(status, new ModelAndView<>(view, model));
    }

    /** A page of a few sentences (a thank-you, a confirmation, a refusal), with an optional button form. */
    static HttpResponse<ModelAndView<Map<String, Object>>> message(HttpStatus status, String title, List<String> lines,
                                                                    @Nullable String quote, @Nullable String backToken) {
        Map<String, Object> model = model(title);
        model.put("lines", lines);
        model.put("quote", quote);
        back(model, backToken);
        return page(status, "org-message", model);
    }

    /** A page of a few sentences and one button that posts to {@code action}. */
    static HttpResponse<ModelAndView<Map<String, Object>>> withButton(String title, List<String> lines, String action,
                                                                     String button) {
        Map<String, Object> model = model(title);
        model.put("lines", lines);
        model.put("action", action);
        model.put("button", button);
        return page(HttpStatus.OK, "org-message", model);
    }

    /** The link's token sent with a form: the form's field {@code t}, or the address's when the form has none. */
    @Nullable
    static String token(FormData sent, @Nullable String inAddress) {
        return sent.has("t") ? sent.get("t") : inAddress;
    }

    /**
     * The way back to the organisation's page, for a page opened from it: {@code backToken} is the preferences token
     * the page was opened with, already checked (see {@code OrganisationLinkController.backToken}).
     */
    static void back(Map<String, Object> model, @Nullable String backToken) {
        model.put("backToken", backToken);
        model.put("back", backToken == null ? null
                : "/o/preferences?t=" + java.net.URLEncoder.encode(backToken, java.nio.charset.StandardCharsets.UTF_8));
    }

    static <T> MutableHttpResponse<T> secured(MutableHttpResponse<T> response) {
        return response.header("Cache-Control", "no-store")
                // not no-referrer: with it a browser posts the page's forms with "Origin: null", which the server
                // refuses as a drive-by request to localhost; same-origin still never sends the address elsewhere
                .header("Referrer-Policy", "same-origin")
                .header("X-Robots-Tag", "noindex, nofollow");
    }

    /** A refusal: a page saying why to a browser, the API's problem+json to any other caller. */
    static HttpResponse<?> refused(HttpRequest<?> request, Refusal refusal) {
        if (!wantsHtml(request)) {
            return secured((MutableHttpResponse<?>) new RefusalHandler().handle(request, refusal));
        }
        String title = switch (refusal.status()) {
            case 403 -> "This link does not work";
            case 404 -> "Page not found";
            case 409 -> "This cannot be done now";
            default -> "This could not be done";
        };
        List<String> lines = refusal.status() == 403
                ? List.of(refusal.getMessage(), "Links in our mail work for a limited time, and only for the address "
                + "they were sent to. Every mail we send you carries fresh links: use the newest one.")
                : List.of(refusal.getMessage());
        HttpResponse<ModelAndView<Map<String, Object>>> page = message(HttpStatus.valueOf(refusal.status()), title, lines, null, null);
        if (refusal.status() == 403) {
            // an expired or otherwise refused link: the contact can ask for a fresh one
            page.getBody().ifPresent(body -> body.getModel().ifPresent(m -> m.put("newLink", "/o/new-link")));
        }
        return page;
    }

    static String day(Instant at, ZoneId zone) {
        return DAY.format(at.atZone(zone));
    }

    static String dayTime(Instant at, ZoneId zone) {
        return DAY_TIME.format(at.atZone(zone));
    }
}
