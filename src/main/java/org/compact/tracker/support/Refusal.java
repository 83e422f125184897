package org.compact.tracker.support;

import java.util.List;

/**
 * A request the service refuses on purpose, with an HTTP status and the reasons. Nothing has been written when one
 * is thrown: services throw before they change anything, or inside the transaction that then rolls back.
 */
public class Refusal extends RuntimeException {
    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public Refusal(int status, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static Refusal notFound(String what, Object id) {
        return new Refusal(404, "Not found", "No " + what + " with id " + id + ".", List.of());
    }

    public static Refusal forbidden(String detail) {
        return new Refusal(403, "Forbidden", detail, List.of());
    }

    public static Refusal conflict(String detail) {
        return new Refusal(409, "Conflict", detail, List.of());
    }

    /** Well-formed input that cannot be accepted: missing or oversize fields, impossible dates, unknown ids. */
    public static Refusal invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).reason() : errors.size() + " fields need attention.";
        return new Refusal(422, "Invalid input", detail, errors);
    }

    public static Refusal invalid(String field, String reason) {
        return invalid(List.of(FieldError.of(field, reason)));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
