package org.compact.tracker.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.compact.tracker.notice.Translation;
import org.compact.tracker.security.Actor;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;
import org.compact.tracker.support.Text;

import java.time.Clock;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A consultation's translations ({@code PUT|GET|DELETE /api/consultations/{id}/translations/{language}}): one per
 * language, a BCP 47 tag, kept as {@link Locale#toLanguageTag} writes it ({@code PL} is {@code pl}). Officers of the
 * consultation's agency (and admins) save and remove them, with a history line each; every change moves the
 * consultation's stamp and the register's, so no kept answer (the consultation with its checks, the programme, the
 * results page) is older than it.
 */
@Singleton
public class Translations {
    static final String LANGUAGE_REASON = "must be a BCP 47 language tag, such as pl, ur, ar or pa-Guru";

    private final ConsultationStore store;
    private final TranslationRepository translations;
    private final Clock clock;

    Translations(ConsultationStore store, TranslationRepository translations, Clock clock) {
        this.store = store;
        this.translations = translations;
        this.clock = clock;
    }

    /** What a PUT sends: the consultation's words in the language. */
    @Serdeable
    public record Request(@Nullable String title, @Nullable String summary, @Nullable String openToChange,
                          @Nullable String fixed) {
    }

    /** Saves (adds or replaces) the translation into {@code language}; answers it and whether it is new. */
    @Transactional
    public Saved put(Actor actor, Long id, String language, @Nullable Request request) {
        Consultation c = store.load(id);
        actor.requireMayActFor(c.getAgencyId());
        String tag = tag(language);
        Request r = request == null ? new Request(null, null, null, null) : request;
        List<FieldError> errors = new ArrayList<>();
        String title = required(errors, "title", r.title(), 300, true);
        String summary = required(errors, "summary", r.summary(), 20_000, false);
        String openToChange = optional(errors, "openToChange", r.openToChange());
        String fixed = optional(errors, "fixed", r.fixed());
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        if (c.getStatus() == ConsultationStatus.WITHDRAWN) {
            throw new IllegalTransition("translate", c.getStatus(), "PLANNED, NOTIFIED, OPEN, CLOSED or FEEDBACK_GIVEN");
        }
        var existing = translations.findByConsultationIdAndLanguage(id, tag);
        TranslationRow row = new TranslationRow(existing.map(TranslationRow::id).orElse(null), id, tag, title, summary,
                openToChange, fixed, actor.username(), clock.instant());
        TranslationRow saved = existing.isPresent() ? translations.update(row) : translations.save(row);
        store.record(c, actor, HistoryEntry.Kind.TRANSLATION_SAVED, null, null,
                "Translation into " + Translation.nameOf(tag) + " (" + tag + ") " + (existing.isPresent() ? "changed" : "added"),
                Map.of("language", tag));
        store.changedAlone(id); // its answer (translations[]) and its METHODS check, on every node
        ConsultationStore.log(c, "translation {} saved by {}", tag, actor.username());
        return new Saved(saved.view(), existing.isEmpty());
    }

    /** A saved translation, and whether the PUT created it (201) rather than replaced it (200). */
    public record Saved(Translation translation, boolean created) {
    }

    /** The translation into {@code language}, or 404. */
    public Translation get(Long id, String language) {
        store.load(id);
        String tag = tag(language);
        return translations.findByConsultationIdAndLanguage(id, tag).map(TranslationRow::view)
                .orElseThrow(() -> new Refusal(404, "Not found", "Consultation " + id + " has no translation into "
                        + Translation.nameOf(tag) + " (" + tag + ").", List.of()));
    }

    /** Every translation of the consultation, by language tag. */
    public List<Translation> of(Long id) {
        store.load(id);
        return translations.findByConsultationIdOrderByLanguage(id).stream().map(TranslationRow::view).toList();
    }

    /** Removes the translation into {@code language} (404 when there is none). */
    @Transactional
    public void delete(Actor actor, Long id, String language) {
        Consultation c = store.load(id);
        actor.requireMayActFor(c.getAgencyId());
        String tag = tag(language);
        TranslationRow row = translations.findByConsultationIdAndLanguage(id, tag)
                .orElseThrow(() -> new Refusal(404, "Not found", "Consultation " + id + " has no translation into "
                        + Translation.nameOf(tag) + " (" + tag + ").", List.of()));
        translations.delete(row);
        store.record(c, actor, HistoryEntry.Kind.TRANSLATION_REMOVED, null, null,
                "Translation into " + Translation.nameOf(tag) + " (" + tag + ") removed", Map.of("language", tag));
        store.changedAlone(id);
        ConsultationStore.log(c, "translation {} removed by {}", tag, actor.username());
    }

    /**
     * {@code language} as a well-formed BCP 47 tag in its canonical case, or a 422 naming {@code language}: it must
     * survive {@link Locale.Builder#setLanguageTag} and read back the same (case aside), and name a language.
     */
    static String tag(@Nullable String language) {
        if (language == null || language.isBlank() || language.length() > 35) {
            throw Refusal.invalid("language", LANGUAGE_REASON);
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(language.strip()).build();
            String tag = locale.toLanguageTag();
            if (locale.getLanguage().isEmpty() || !tag.equalsIgnoreCase(language.strip()) || "und".equals(tag)) {
                throw Refusal.invalid("language", LANGUAGE_REASON);
            }
            return tag;
        } catch (IllformedLocaleException e) {
            throw Refusal.invalid("language", LANGUAGE_REASON);
        }
    }

    @Nullable
    private static String required(List<FieldError> errors, String field, @Nullable String value, int max,
                                   boolean oneLine) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, "is required: the " + field + " in the language"));
            return null;
        }
        String problem = Text.problem(value, oneLine);
        if (problem != null) {
            errors.add(FieldError.of(field, problem));
        } else if (value.length() > max) {
            errors.add(FieldError.of(field, "must be at most " + max + " characters"));
        }
        return value.strip();
    }

    @Nullable
    private static String optional(List<FieldError> errors, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String problem = Text.problem(value, false);
        if (problem != null) {
            errors.add(FieldError.of(field, problem));
        } else if (value.length() > 5000) {
            errors.add(FieldError.of(field, "must be at most 5000 characters"));
        }
        return value.strip();
    }
}
