package org.compact.tracker.web.forms;

import io.micronaut.core.annotation.Nullable;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form post (application/x-www-form-urlencoded) with repeated names kept, as checkboxes send them. Used by the
 * officers' pages and by the organisations' {@code /o/} pages.
 */
public final class FormData {
    private final Map<String, List<String>> values;

    private FormData(Map<String, List<String>> values) {
        this.values = values;
    }

    public static FormData parse(@Nullable String body) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new FormData(values);
    }

    /** The first value sent under the name, or "" when none was. */
    public String get(String name) {
        List<String> all = values.get(name);
        return all == null || all.isEmpty() ? "" : all.get(0);
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The entries of a list typed one a line or separated by commas, trimmed, blanks dropped. */
    public static List<String> entries(String text) {
        return java.util.Arrays.stream(text.split("[\\r\\n,]+")).map(String::strip).filter(e -> !e.isEmpty()).toList();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
