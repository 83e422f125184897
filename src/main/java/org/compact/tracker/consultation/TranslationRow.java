package org.compact.tracker.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.compact.tracker.notice.Translation;

import java.time.Instant;

/** One translation of a consultation as stored (V24): one row per consultation and language tag. */
@MappedEntity("consultation_translation")
record TranslationRow(
        @Id @GeneratedValue @Nullable Long id,
        Long consultationId,
        String language,
        String title,
        String summary,
        @Nullable String openToChange,
        @Nullable String fixed,
        String savedBy,
        Instant savedAt) {

    Translation view() {
        return new Translation(language, title, summary, openToChange, fixed);
    }
}
