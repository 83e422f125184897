package org.compact.tracker.programme;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.compact.tracker.consultation.ConsultationStatus;
import org.compact.tracker.notice.Translation;
import org.compact.tracker.rules.FeedbackRules;
import org.compact.tracker.rules.RuleBook;
import org.compact.tracker.support.Refusal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The public programme of consultations of every agency (SHARE) and their published results. "Today" is the
 * service clock's day in {@code tracker.zone} (Europe/London), so the sim clock moves it too.
 */
@Singleton
public class ProgrammeService {
    /** How far back closed and withdrawn consultations stay in the default programme. */
    static final int RECENT_MONTHS = 12;

    private final ProgrammeStore store;
    private final RuleBook rules;
    private final FeedbackRules feedbackRules;
    private final PublicLinks links;
    private final Clock clock;

    ProgrammeService(ProgrammeStore store, RuleBook rules, FeedbackRules feedbackRules, PublicLinks links, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.feedbackRules = feedbackRules;
        this.links = links;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    /** Reads the filters as sent; an unknown agency is refused (422) like any bad value. */
    public ProgrammeFilter filter(@Nullable String agency, @Nullable String area, @Nullable String theme,
                                  @Nullable String status, @Nullable String year) {
        ProgrammeFilter filter = ProgrammeFilter.parse(agency, area, theme, status, year);
        if (filter.agency() != null && !store.agencies().containsKey(filter.agency())) {
            throw Refusal.invalid("agency", "No agency with id " + filter.agency() + ".");
        }
        return filter;
    }

    public Programme programme(ProgrammeFilter filter) {
        LocalDate today = today();
        List<ConsultationRow> rows;
        String covers;
        if (filter.year() == null) {
            LocalDate since = today.minusMonths(RECENT_MONTHS);
            rows = store.published(filter.agency(), since, since.atStartOfDay(clock.getZone()).toInstant());
            covers = "Planned, notified and open consultations, and those closed or withdrawn since " + PublicLabels.day(since);
        } else {
            rows = store.touching(filter.agency(), filter.yearStart(), filter.yearEnd());
            covers = "Consultations open at any time in " + filter.year();
        }
        Map<Long, List<Translation>> translations = rows.isEmpty() ? Map.of() : store.translations(null);
        List<ProgrammeEntry> entries = rows.stream().filter(filter::matchesBesidesAgency)
                .map(r -> entry(r, translations.getOrDefault(r.id(), List.of()))).toList();
        return new Programme(today, filter, covers, entries.size(), entries);
    }

    /** The published results of a consultation, if it has any. */
    public Optional<Results> results(long id) {
        Optional<ConsultationRow> row = store.find(id).filter(ConsultationRow::hasFeedback);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Optional<ProgrammeStore.Published> published = store.feedback(id);
        if (published.isEmpty()) {
            return Optional.empty();
        }
        ProgrammeStore.Published f = published.get();
        LocalDate today = today();
        List<Results.Action> actions = store.actions(id).stream().map(a -> new Results.Action(a.what(), a.due(),
                a.doneOn() != null ? Results.Progress.DONE
                        : a.due().isBefore(today) ? Results.Progress.OVERDUE : Results.Progress.DUE,
                a.doneOn(), a.note())).toList();
        Map<String, Integer> counts = new LinkedHashMap<>();
        f.responseCounts().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Integer> e) -> e.getValue() == null ? 0 : e.getValue())
                        .reversed().thenComparing(Map.Entry::getKey))
                .forEach(e -> counts.put(e.getKey(), e.getValue() == null ? 0 : e.getValue()));
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        ProgrammeEntry entry = entry(row.get(), store.translations(id).getOrDefault(id, List.of()));
        return Optional.of(new Results(entry, f.youSaid(), f.weDid(), f.outcome(), f.reasons(),
                f.reportUrl(), f.decidedOn() != null ? f.decidedOn() : row.get().decisionDate(), counts,
                total, f.recordedAt().atZone(clock.getZone()).toLocalDate(), actions, today));
    }

    /** What the filter form offers: every agency, and the themes and areas in use (each once, ignoring case). */
    public Choices choices() {
        List<List<String>> used = store.themesAndAreas();
        return new Choices(store.agencies(), distinct(used.get(0)), distinct(used.get(1)));
    }

    /** The choices of the filter form. */
    public record Choices(Map<Long, String> agencies, List<String> themes, List<String> areas) {
    }

    ProgrammeEntry entry(ConsultationRow r, List<Translation> translations) {
        ProgrammeEntry.Result result = r.hasFeedback() && r.feedbackAt() != null
                ? new ProgrammeEntry.Result(r.feedbackAt().atZone(clock.getZone()).toLocalDate(), r.feedbackAt(),
                r.outcome(), r.weDid(), links.results(r.id()))
                : null;
        LocalDate feedbackDue = r.closesOn() == null || r.status() == ConsultationStatus.WITHDRAWN
                ? null : feedbackRules.dueDate(r.closesOn());
        return new ProgrammeEntry(r.id(), r.title(), r.summary(), r.agencyId(), r.agency(), r.themes(), r.areas(),
                r.status(), PublicLabels.status(r.status()),
                r.opensOn() == null ? null : rules.noticeDeadline(r.opensOn()), r.notifiedOn(), r.opensOn(),
                r.closesOn(), feedbackDue, r.decisionDate(), r.withdrawnOn(), r.withdrawalReason(), result,
                links.programmeEntry(r.id()), r.createdAt(), r.changedAt(),
                r.noticePending() || r.lastReceiptAt() == null ? null
                        : r.lastReceiptAt().atZone(clock.getZone()).toLocalDate(),
                r.noticePending(), translations, r.howToRespond(), r.events(), r.version());
    }

    private static List<String> distinct(List<String> values) {
        Map<String, String> byKey = new TreeMap<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                byKey.putIfAbsent(v.strip().toLowerCase(Locale.ROOT), v.strip());
            }
        }
        List<String> out = new ArrayList<>(byKey.values());
        out.sort(Comparator.comparing(s -> s.toLowerCase(Locale.ROOT)));
        return out;
    }
}
