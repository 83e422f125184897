package org.compact.tracker.support;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

/** Stores a {@link HowToRespond} as a JSON object in a text column; none given reads as {@link HowToRespond#NONE}. */
@Singleton
public class HowToRespondConverter implements AttributeConverter<HowToRespond, String> {
    private static final Argument<HowToRespond> TYPE = Argument.of(HowToRespond.class);

    @Override
    public String convertToPersistedValue(HowToRespond value, ConversionContext context) {
        return value == null || value.isEmpty() ? null : Json.write(value.cleaned());
    }

    @Override
    public HowToRespond convertToEntityValue(String value, ConversionContext context) {
        return value == null || value.isBlank() ? HowToRespond.NONE : Json.read(value, TYPE);
    }
}
