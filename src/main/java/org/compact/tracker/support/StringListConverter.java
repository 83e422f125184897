package org.compact.tracker.support;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

import java.util.List;

/** Stores a list of strings as a JSON array in a text column. */
@Singleton
public class StringListConverter implements AttributeConverter<List<String>, String> {
    private static final Argument<List<String>> TYPE = Argument.listOf(String.class);

    @Override
    public String convertToPersistedValue(List<String> value, ConversionContext context) {
        return Json.write(value == null ? List.of() : value);
    }

    @Override
    public List<String> convertToEntityValue(String value, ConversionContext context) {
        return value == null || value.isBlank() ? List.of() : List.copyOf(Json.read(value, TYPE));
    }
}
