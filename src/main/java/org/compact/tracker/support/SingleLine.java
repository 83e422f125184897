package org.compact.tracker.support;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A name, title or label: one line of visible text, with no line break, tab, control character or invisible
 * formatting (see {@link Text#singleLine}); null passes. Such text ends up in mail subjects, calendar summaries, CSV
 * cells and page headings, where a line break splits it and a bidirectional override makes it read backwards.
 * Broken, it is a 422 naming the field, like every other constraint. The services check the same
 * ({@link Text#singleLine}), so the pages' forms and imports, which build no request record, are held too.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE,
        ElementType.RECORD_COMPONENT})
@Constraint(validatedBy = {})
public @interface SingleLine {
    String message() default "must be one line of visible text: no line breaks, tabs, control characters, or "
            + "invisible or bidirectional formatting characters (U+200B–U+200F, U+202A–U+202E, U+2060–U+2069, U+FEFF)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
