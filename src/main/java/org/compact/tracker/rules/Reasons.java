package org.compact.tracker.rules;

import java.util.List;

/** Several findings of one rule joined into the one sentence a checklist line shows. */
final class Reasons {

    private Reasons() {
    }

    /** "No method chosen" and "no target audience named" become "No method chosen; no target audience named." */
    static String sentence(List<String> findings) {
        String joined = String.join("; ", findings);
        if (joined.isEmpty()) {
            return joined;
        }
        return Character.toUpperCase(joined.charAt(0)) + joined.substring(1) + (joined.endsWith(".") ? "" : ".");
    }

    /** A lead and its findings: "Consult before the decision: record the decision date; state what is fixed." */
    static String sentence(String lead, List<String> findings) {
        return lead + ": " + String.join("; ", findings) + ".";
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
