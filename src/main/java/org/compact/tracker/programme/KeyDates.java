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
            lines.add("Withdrawn on " + PublicLabels.day(e.withdrawnOn())
                    + (e.withdrawalReason() == null ? "" : ": " + e.withdrawalReason()));
        }
        lines.add("Themes: " + PublicLabels.themes(e.themes()));
        lines.add("Areas: " + PublicLabels.areas(e.areas()));
        if (e.noticeDeadline() != null) {
            lines.add("Notice to organisations due by: " + PublicLabels.day(e.noticeDeadline()));
        }
        if (e.notifiedOn() != null) {
            lines.add(PublicLabels.noticeGiven(e));
        }
        lines.add("Opens: " + PublicLabels.day(e.opensOn()));
        lines.add("Closes (last day to respond): " + PublicLabels.day(e.closesOn()));
        if (e.feedbackDue() != null) {
            lines.add("Feedback due by: " + PublicLabels.day(e.feedbackDue()));
        }
        lines.add("Decision: " + PublicLabels.day(e.decisionDate()));
        if (e.result() != null) {
            lines.add("Feedback given: " + PublicLabels.day(e.result().givenOn()) + " (" + PublicLabels.outcome(e.result().outcome())
                    + ")");
        }
        return lines;
    }
}
