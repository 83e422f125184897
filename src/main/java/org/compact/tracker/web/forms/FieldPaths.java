package org.compact.tracker.web.forms;

import io.micronaut.core.annotation.Nullable;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;

import java.util.ArrayList;
import java.util.List;

/**
 * The name of the field a broken constraint is about, as the API's JSON names it ("targets.areas[2]"), so that the
 * API's answers and the pages' error summaries name a field the same way.
 */
public final class FieldPaths {
    private FieldPaths() {
    }

    /** Drops the method and parameter nodes (create.request) and keeps the path inside the body. */
    @Nullable
    public static String of(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        int index = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            index++;
            if (index <= 2 && (node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER)) {
                if (node.getKind() == jakarta.validation.ElementKind.PARAMETER && isPlainParameter(violation)) {
                    names.add(node.getName());
                }
                continue;
            }
            String name = node.getName();
            if (name == null || name.startsWith("<")) {
                if (node.getIndex() != null && !names.isEmpty()) {
                    names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
                }
                continue;
            }
            if (node.getIndex() != null && !names.isEmpty()) {
                // The index of an element in a list of objects sits on the node after the list ("due" of
                // actions[0]), as Bean Validation defines it: it belongs to the list's name.
                names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
                names.add(name);
            } else {
                names.add(node.getIndex() != null ? name + "[" + node.getIndex() + "]" : name);
            }
        }
        return names.isEmpty() ? null : String.join(".", names);
    }

    private static boolean isPlainParameter(ConstraintViolation<?> violation) {
        int count = 0;
        for (Path.Node ignored : violation.getPropertyPath()) {
            count++;
        }
        return count == 2;
    }
}
