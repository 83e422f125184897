package org.compact.tracker.compliance;

import org.compact.tracker.compliance.ListQueries.Reason;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a report's list as the JSON and the page show them: a consultation by id, title and agency, and, for
 * a list of shortfalls, the exemptions that explain each one in their writers' words.
 */
final class ListingRows {
    private ListingRows() {
    }

    /** A row that starts with the consultation; the section adds its own columns after. */
    static Map<String, Object> consultation(long id, String title, long agencyId) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("consultationId", id);
        row.put("title", title);
        row.put("agencyId", agencyId);
        return row;
    }

    /** Adds "exempted" and "exemptions" (the written reasons, oldest first) to each row. */
    static void addExemptions(List<Map<String, Object>> rows, Map<Long, List<Reason>> reasons) {
        for (Map<String, Object> row : rows) {
            List<String> found = reasons.getOrDefault((Long) row.get("consultationId"), List.of()).stream()
                    .map(r -> r.reason() + " (" + r.recordedBy() + ", " + r.recordedOn() + ")").toList();
            row.put("exempted", found.isEmpty() ? "no" : "yes");
            row.put("exemptions", String.join(" | ", found));
        }
    }
}
