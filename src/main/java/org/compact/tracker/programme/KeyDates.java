package org.compact.tracker.programme;

import java.util.ArrayList;
import java.util.List;

/** A consultation's facts and key dates as lines of plain text, for the calendar and the news feed. */
final class KeyDates {
    private KeyDates() {
    }

    static List<String> lines(ProgrammeEntry e) {
        List<String> lines = new ArrayList<>();
        lines.add("Agency: " + e.agency());
        lines.add("Status: " + e.statusLabel());
        if (e.withdrawnOn() != null) {
            lines.add("Withdrawn on " + Labels.day(e.withdrawnOn())
                    + (e.withdrawalReason() == null ? "" : ": " + e.withdrawalReason()));
        }
        lines.add("Themes: " + Labels.themes(e.themes()));
        lines.add("Areas: " + Labels.areas(e.areas()));
        if (e.noticeDeadline() != null) {
            lines.add("Notice to organisations due by: " + Labels.day(e.noticeDeadline()));
        }
        if (e.notifiedOn() != null) {
            lines.add("Notice given: " + Labels.day(e.notifiedOn()));
        }
        lines.add("Opens: " + Labels.day(e.opensOn()));
        lines.add("Closes (last day to respond): " + Labels.day(e.closesOn()));
        if (e.feedbackDue() != null) {
            lines.add("Feedback due by: " + Labels.day(e.feedbackDue()));
        }
        lines.add("Decision: " + Labels.day(e.decisionDate()));
        if (e.result() != null) {
            lines.add("Feedback given: " + Labels.day(e.result().givenOn()) + " (" + Labels.outcome(e.result().outcome())
                    + ")");
        }
        return lines;
    }
}
