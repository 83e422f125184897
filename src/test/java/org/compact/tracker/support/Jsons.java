package org.compact.tracker.support;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Reading JSON answers in tests. */
public final class Jsons {
    private static final ObjectMapper MAPPER = ObjectMapper.getDefault();

    private Jsons() {
    }

    public static Map<String, Object> map(String json) {
        try {
            return MAPPER.readValue(json, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Not a JSON object: " + json, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static List<Map<String, Object>> list(String json) {
        try {
            return (List) MAPPER.readValue(json, Argument.listOf(Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Not a JSON array: " + json, e);
        }
    }

    /** "checks[2].verdict" style look-up. */
    @SuppressWarnings("unchecked")
    public static Object at(Object root, String path) {
        Object current = root;
        for (String part : path.split("\\.")) {
            String name = part;
            Integer index = null;
            if (part.endsWith("]")) {
                name = part.substring(0, part.indexOf('['));
                index = Integer.valueOf(part.substring(part.indexOf('[') + 1, part.length() - 1));
            }
            if (!name.isEmpty()) {
                current = ((Map<String, Object>) current).get(name);
            }
            if (index != null) {
                current = ((List<Object>) current).get(index);
            }
        }
        return current;
    }
}
