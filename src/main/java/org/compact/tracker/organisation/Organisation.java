package org.compact.tracker.organisation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import org.compact.tracker.support.StringListConverter;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An organisation of the shared directory. Its opt-outs are honoured at once (OPT_OUT): "not all communities wish
 * to be consulted" (seed 000). {@code formats} ({@link AccessFormat} codes) and {@code languages} are what it needs
 * to take part; {@code mail} how much mail it wants ({@link MailFrequency}).
 */
@io.micronaut.data.annotation.MappedEntity("organisation")
public record Organisation(
        @Id @GeneratedValue @Nullable Long id,
        @Version @Nullable Long version,
        String name,
        OrganisationKind kind,
        @TypeDef(type = DataType.STRING, converter = StringListConverter.class) List<String> emails,
        @TypeDef(type = DataType.STRING, converter = StringListConverter.class) List<String> areas,
        @TypeDef(type = DataType.STRING, converter = StringListConverter.class) List<String> interests,
        @TypeDef(type = DataType.STRING, converter = StringListConverter.class) List<String> communities,
        @TypeDef(type = DataType.STRING, converter = StringListConverter.class) List<String> formats,
        @TypeDef(type = DataType.STRING, converter = StringListConverter.class) List<String> languages,
        boolean optOutAll,
        @TypeDef(type = DataType.STRING, converter = StringListConverter.class) List<String> optOutThemes,
        MailFrequency mail,
        Instant createdAt,
        Instant updatedAt) {

    /** Whether this organisation wants no notice of a consultation on these themes. */
    public boolean optedOutOf(List<String> themes) {
        return optOutAll || themes.stream().anyMatch(t -> containsIgnoreCase(optOutThemes, t));
    }

    public boolean servesArea(String area) {
        return containsIgnoreCase(areas, area);
    }

    public boolean hasInterest(String interest) {
        return containsIgnoreCase(interests, interest);
    }

    public boolean represents(String community) {
        return containsIgnoreCase(communities, community);
    }

    static boolean containsIgnoreCase(List<String> values, String wanted) {
        String w = normalise(wanted);
        return values.stream().anyMatch(v -> normalise(v).equals(w));
    }

    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s\\-]+");

    /** "Older people", "older-people" and OLDER_PEOPLE are the same community. */
    public static String normalise(String value) {
        return SEPARATORS.matcher(value.trim().toUpperCase(Locale.ROOT)).replaceAll("_");
    }
}
