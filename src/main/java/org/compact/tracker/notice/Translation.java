package org.compact.tracker.notice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * A consultation's title, summary, what is open to change and what is fixed, in another language: {@code language} is
 * a BCP 47 tag ({@code pl}, {@code ur}, {@code pa-Guru}). An organisation that recorded the language it needs, by tag
 * or by its English name ("Polish" for {@code pl}, any case), is sent it at the top of its notice.
 */
@Serdeable
public record Translation(String language, String title, String summary, @Nullable String openToChange,
                          @Nullable String fixed) {

    /** Languages written right to left: Arabic, Urdu, Persian, Pashto, Hebrew, Yiddish, Sindhi, Uyghur, Sorani … */
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "ur", "fa", "ps", "he", "yi", "sd", "ug", "ckb",
            "dv", "ks", "syr", "arc");

    /** The language's English name ("Urdu"), or the tag when Java knows no name for it. */
    public String englishName() {
        return nameOf(language);
    }

    /** The language's name in itself ("اردو"), or its English name when Java knows none. */
    public String ownName() {
        Locale locale = Locale.forLanguageTag(language);
        String own = locale.getDisplayLanguage(locale);
        return own.isBlank() || own.equalsIgnoreCase(locale.getLanguage()) ? englishName() : own;
    }

    /** Whether the language's script runs right to left (for {@code dir="rtl"}). */
    public boolean rightToLeft() {
        Locale locale = Locale.forLanguageTag(language);
        String script = locale.getScript().toLowerCase(Locale.ROOT);
        if (!script.isEmpty()) {
            return Set.of("arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg").contains(script);
        }
        return RIGHT_TO_LEFT.contains(locale.getLanguage()) || RIGHT_TO_LEFT.contains(language.toLowerCase(Locale.ROOT));
    }

    /** Whether any of {@code needs} (as an organisation typed them) names this language, by tag or English name. */
    public boolean meetsAnyOf(@Nullable Collection<String> needs) {
        return needs != null && needs.stream().anyMatch(this::meets);
    }

    /** Whether {@code need} names this language: its tag, its primary language subtag or English name, any case. */
    public boolean meets(@Nullable String need) {
        if (need == null || need.isBlank()) {
            return false;
        }
        String n = need.strip();
        return n.equalsIgnoreCase(language) || n.equalsIgnoreCase(englishName())
                || n.equalsIgnoreCase(Locale.forLanguageTag(language).getLanguage());
    }

    /** The English name of a BCP 47 tag ("pl" → "Polish"), or the tag itself when Java knows none. */
    public static String nameOf(String tag) {
        String name = Locale.forLanguageTag(tag).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() ? tag : name;
    }
}
