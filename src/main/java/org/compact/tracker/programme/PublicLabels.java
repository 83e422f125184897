package org.compact.tracker.programme;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.consultation.ConsultationStatus;
import org.compact.tracker.support.Wording;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Words for codes and dates, as the public reads them. */
final class PublicLabels {
    private PublicLabels() {
    }

    static String status(ConsultationStatus status) {
        return switch (status) {
            case PLANNED -> "Planned";
            case NOTIFIED -> "Notice given";
            case OPEN -> "Open";
            case CLOSED -> "Closed";
            case FEEDBACK_GIVEN -> "Feedback given";
            case WITHDRAWN -> "Withdrawn";
        };
    }

    static String outcome(@Nullable String outcome) {
        if (outcome == null) {
            return "";
        }
        return switch (outcome) {
            case "CHANGED" -> "Changed as a result of the consultation";
            case "PARTLY_CHANGED" -> "Partly changed as a result of the consultation";
            case "NO_CHANGE" -> "No change";
            default -> code(outcome);
        };
    }

    /** ONLINE_SURVEY → "Online survey". */
    static String code(String code) {
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * When notice was given, as a line: the day the last targeted organisation received it; while some notice is
     * still being delivered, that it is, and the day it was sent; when it reached no organisation, the day it was sent.
     */
    static String noticeGiven(ProgrammeEntry e) {
        if (e.noticeBeingDelivered()) {
            return "Notice being delivered (sent on " + day(e.notifiedOn()) + ")";
        }
        return "Notice given: " + day(e.noticeReceivedOn() != null ? e.noticeReceivedOn() : e.notifiedOn());
    }

    static String day(@Nullable LocalDate date) {
        return Wording.day(date);
    }

    static String areas(List<String> areas) {
        return areas.isEmpty() ? "City-wide" : String.join(", ", areas);
    }

    static String themes(List<String> themes) {
        return themes.isEmpty() ? "None given" : String.join(", ", themes);
    }
}
