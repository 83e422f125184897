package org.compact.tracker.feedback;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Response counts by method, as a JSON object in a text column. */
@Singleton
class CountsConverter implements AttributeConverter<Map<String, Integer>, String> {
    private static final ObjectMapper MAPPER = ObjectMapper.getDefault();

    @Override
    public String convertToPersistedValue(Map<String, Integer> value, ConversionContext context) {
        try {
            return MAPPER.writeValueAsString(value == null ? Map.of() : value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, Integer> convertToEntityValue(String value, ConversionContext context) {
        try {
            return value == null ? Map.of() : new LinkedHashMap<>(MAPPER.readValue(value, Argument.mapOf(String.class, Integer.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
