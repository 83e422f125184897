package org.compact.tracker.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Where and how to respond to a consultation (issue 19): a web address (an online survey, a form), an email address
 * and/or a postal address. Each is optional; once notice goes out at least one must be given (NOTICE), so that a
 * volunteer reading the notice knows where to send their views.
 */
@Serdeable
public record HowToRespond(
        @Nullable @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be a web address starting with http:// or https://") String url,
        @Nullable @Size(max = 320) @Email @SingleLine String email,
        @Nullable @Size(max = 1000) String postalAddress) {

    public static final HowToRespond NONE = new HowToRespond(null, null, null);

    /** The same, with blank parts left out and the rest stripped. */
    public HowToRespond cleaned() {
        return new HowToRespond(blankToNull(url), blankToNull(email), blankToNull(postalAddress));
    }

    /** True when no way to respond is given. */
    public boolean isEmpty() {
        HowToRespond c = cleaned();
        return c.url == null && c.email == null && c.postalAddress == null;
    }

    private static String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
