package org.compact.tracker.support;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads enum codes sent by clients, so that an unknown code is answered with the field that carried it and the
 * codes that are allowed (a JSON decoder can only say "bad value somewhere").
 */
public final class EnumCodes {
    private EnumCodes() {
    }

    /** The code as a constant of {@code type}; null stays null. Refuses (422) naming {@code field}. */
    @Nullable
    public static <E extends Enum<E>> E parse(Class<E> type, @Nullable String code, String field) {
        if (code == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(field, unknown(type, code));
        }
    }

    /** Every code of the list as constant names; all unknown ones are named at once (e.g. "methods[2]"). */
    @Nullable
    public static <E extends Enum<E>> List<String> names(Class<E> type, @Nullable List<String> codes, String field) {
        if (codes == null) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            try {
                names.add(Enum.valueOf(type, code == null ? "" : code.strip().toUpperCase(Locale.ROOT)).name());
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of(field + "[" + i + "]", unknown(type, code)));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return names;
    }

    private static <E extends Enum<E>> String unknown(Class<E> type, @Nullable String code) {
        return "'" + code + "' is not a known code; use one of " + Arrays.toString(type.getEnumConstants());
    }
}
