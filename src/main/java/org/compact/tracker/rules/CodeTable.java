package org.compact.tracker.rules;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A small table written one row a line as {@code KEY=V1|V2}, the form a council uses in configuration for the
 * audience → provisions and theme → groups tables. Values are codes (upper case); keys are codes or, for themes,
 * lower-case words. Order is kept, so that reasons list provisions as the council wrote them.
 */
final class CodeTable {

    /** How keys are written: audience codes upper case, themes lower case. */
    enum KeyCase { UPPER, LOWER }

    private CodeTable() {
    }

    /**
     * @throws IllegalArgumentException naming the row when a row is not {@code KEY=V1|V2}
     */
    static Map<String, Set<String>> parse(List<String> rows, KeyCase keyCase) {
        Map<String, Set<String>> table = new LinkedHashMap<>();
        for (String row : rows) {
            int equals = row.indexOf('=');
            String key = equals < 0 ? "" : row.substring(0, equals).trim();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("'" + row + "' is not of the form KEY=V1|V2");
            }
            Set<String> values = Arrays.stream(row.substring(equals + 1).split("\\|"))
                    .map(String::trim)
                    .filter(value -> !value.isEmpty())
                    .map(CatalogueCodes::normalise)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (values.isEmpty()) {
                throw new IllegalArgumentException("'" + row + "' names no value after '='");
            }
            String normalisedKey = keyCase == KeyCase.UPPER ? CatalogueCodes.normalise(key) : key.toLowerCase(Locale.ROOT);
            table.put(normalisedKey, Collections.unmodifiableSet(values));
        }
        return Collections.unmodifiableMap(table);
    }
}
