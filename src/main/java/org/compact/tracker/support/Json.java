package org.compact.tracker.support;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON in text columns, through Micronaut Serialization (no reflection). */
final class Json {
    private static final ObjectMapper MAPPER = ObjectMapper.getDefault();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(String json, Argument<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable JSON column: " + json, e);
        }
    }
}
