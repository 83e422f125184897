package org.compact.tracker.support;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

import java.util.List;

/** Stores a consultation's events as a JSON array in a text column. */
@Singleton
public class EventListConverter implements AttributeConverter<List<ConsultationEvent>, String> {
    private static final Argument<List<ConsultationEvent>> TYPE = Argument.listOf(ConsultationEvent.class);

    @Override
    public String convertToPersistedValue(List<ConsultationEvent> value, ConversionContext context) {
        return Json.write(value == null ? List.of() : value);
    }

    @Override
    public List<ConsultationEvent> convertToEntityValue(String value, ConversionContext context) {
        return value == null || value.isBlank() ? List.of() : List.copyOf(Json.read(value, TYPE));
    }
}
