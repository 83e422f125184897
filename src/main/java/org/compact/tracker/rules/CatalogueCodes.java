package org.compact.tracker.rules;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Audience, provision and community names as people type them ("older people", "Older-People") and as the
 * catalogue codes them (OLDER_PEOPLE): spaces and hyphens become underscores, letters upper case.
 */
final class CatalogueCodes {

    /** Parts of a code that stay in capitals when it is put in words. */
    private static final Set<String> ACRONYMS = Set.of("BSL", "LGBT", "NHS", "ESOL", "SEN", "UK");

    private CatalogueCodes() {
    }

    static String normalise(String name) {
        return name.trim().replaceAll("[\\s\\-]+", "_").toUpperCase(Locale.ROOT);
    }

    /** The codes of a possibly absent collection, in its order, blanks dropped. */
    static Set<String> normaliseAll(Collection<String> names) {
        if (names == null) {
            return Set.of();
        }
        return names.stream()
                .filter(name -> name != null && !name.isBlank())
                .map(CatalogueCodes::normalise)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** A code as a reason reads it: LARGE_PRINT is "large print", BSL_INTERPRETER "BSL interpreter". */
    static String words(String code) {
        if ("REFUGEES_ASYLUM_SEEKERS".equals(code)) {
            return "refugees and asylum seekers";
        }
        StringBuilder out = new StringBuilder();
        for (String part : code.split("_")) {
            if (part.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(ACRONYMS.contains(part) ? part : part.toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    /** Codes in words, joined as a sentence lists them: "large print, braille or audio". */
    static String wordsJoined(Collection<String> codes, String lastJoin) {
        List<String> words = codes.stream().map(CatalogueCodes::words).toList();
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " " + lastJoin + " " + words.get(words.size() - 1);
    }

    /** CatalogueCodes in a stable order for reasons: sorted, so that the same facts always give the same sentence. */
    static List<String> sorted(Collection<String> codes) {
        return codes.stream().sorted().toList();
    }
}
