package org.compact.tracker.support;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

import java.util.List;

/** Stores a list of ids as a JSON array in a text column. */
@Singleton
public class LongListConverter implements AttributeConverter<List<Long>, String> {
    private static final Argument<List<Long>> TYPE = Argument.listOf(Long.class);

    @Override
    public String convertToPersistedValue(List<Long> value, ConversionContext context) {
        return Json.write(value == null ? List.of() : value);
    }

    @Override
    public List<Long> convertToEntityValue(String value, ConversionContext context) {
        return value == null || value.isBlank() ? List.of() : List.copyOf(Json.read(value, TYPE));
    }
}
