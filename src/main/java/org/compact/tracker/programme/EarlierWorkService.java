package org.compact.tracker.programme;

import io.micronaut.core.annotation.Nullable;
import org.compact.tracker.support.Dates;
import jakarta.inject.Singleton;
import org.compact.tracker.rules.RuleBook;
import org.compact.tracker.support.FieldError;
import org.compact.tracker.support.Refusal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The search for earlier work that PRIOR_WORK asks officers to make before notice goes out: a text search across
 * every agency's consultations, and the consultations most like a given one, scored by {@link Similarity}.
 */
@Singleton
public class EarlierWorkService {
    static final int TOP = 10;
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final int MAX_QUERY = 200;
    private static final Comparator<ConsultationRow> RECENT_FIRST = Comparator
            .comparing(ConsultationRow::opensOn, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder())).reversed()
            .thenComparing(ConsultationRow::id, Comparator.reverseOrder());

    private final ProgrammeStore store;
    private final RuleBook rules;
    private final PublicLinks links;
    private final Clock clock;

    EarlierWorkService(ProgrammeStore store, RuleBook rules, PublicLinks links, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.links = links;
        this.clock = clock;
    }

    /**
     * Consultations of every agency where every word of {@code q} begins a word of the title, summary, themes or
     * areas (ignoring case, accents and plurals; common words of the query are ignored), with the theme and area
     * given (ignoring case), whose open period touches [from, to]. Most recent first, at most {@code limit}.
     */
    public EarlierWork.Search search(@Nullable String q, @Nullable String theme, @Nullable String area,
                                     @Nullable String from, @Nullable String to, @Nullable Integer limit) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate fromDay = day("from", from, errors);
        LocalDate toDay = day("to", to, errors);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.add(FieldError.of("to", "must not be before from (" + fromDay + ")"));
        }
        if (blank(q) && blank(theme) && blank(area)) {
            errors.add(FieldError.of("q", "give words to search for, a theme or an area"));
        }
        for (String[] text : new String[][]{{"q", q}, {"theme", theme}, {"area", area}}) {
            if (text[1] != null && text[1].length() > MAX_QUERY) {
                errors.add(FieldError.of(text[0], "must be at most " + MAX_QUERY + " characters"));
            }
        }
        int max = limit == null ? DEFAULT_LIMIT : limit;
        if (max < 1 || max > MAX_LIMIT) {
            errors.add(FieldError.of("limit", "must be from 1 to " + MAX_LIMIT));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        List<String> wanted = queryKeys(q);
        List<ConsultationRow> found = store.touching(null, fromDay, toDay).stream()
                .filter(r -> blank(theme) || r.themes().stream().anyMatch(theme.strip()::equalsIgnoreCase))
                .filter(r -> blank(area) || r.areas().stream().anyMatch(area.strip()::equalsIgnoreCase))
                .filter(r -> matchesAll(wanted, r))
                .sorted(RECENT_FIRST)
                .toList();
        return new EarlierWork.Search(blankToNull(q), blankToNull(theme), blankToNull(area), fromDay, toDay,
                found.size(), found.stream().limit(max).map(this::hit).toList());
    }

    /**
     * The earlier consultations most like consultation {@code id}: of any agency, opened within the look-back
     * period (PRIOR_WORK, {@code tracker.rules.prior-work.look-back}, P3Y) before its open date (or today, when it
     * has none), not itself and not withdrawn before notice, with a score above nothing; the best {@value #TOP},
     * highest score first, then the most recent.
     */
    public EarlierWork.SimilarList similar(long id) {
        ConsultationRow me = store.find(id).orElseThrow(() -> Refusal.notFound("consultation", id));
        return similarTo(new Draft(id, me.themes(), me.areas(), me.title(), me.summary(), me.opensOn()));
    }

    /**
     * What a consultation being written is about, for {@link #similarTo}: its id once saved (left out of the
     * answer), themes, areas, title, summary and open date, as typed so far.
     */
    public record Draft(@Nullable Long id, List<String> themes, List<String> areas, @Nullable String title,
                        @Nullable String summary, @Nullable LocalDate opensOn) {
    }

    /**
     * The earlier consultations most like a draft, by the same score and look-back as {@link #similar(long)}: the
     * consultation form proposes them while the officer types, before anything is saved. A draft with no theme,
     * area or significant word finds nothing.
     */
    public EarlierWork.SimilarList similarTo(Draft draft) {
        LocalDate to = draft.opensOn() != null ? draft.opensOn() : LocalDate.now(clock);
        LocalDate from = rules.priorWorkSince(to);
        Similarity.Subject mine = new Similarity.Subject(draft.themes(), draft.areas(),
                draft.title() == null ? "" : draft.title(), draft.summary());
        record Scored(ConsultationRow row, Similarity.Score score) {
        }
        List<EarlierWork.Similar> similar = store.openingBetween(from, to).stream()
                .filter(r -> (draft.id() == null || r.id() != draft.id()) && !r.withdrawnBeforeNotice())
                .map(r -> new Scored(r, Similarity.score(mine, subject(r))))
                .filter(s -> s.score().score() > 0)
                .sorted(Comparator.comparingInt((Scored s) -> s.score().score()).reversed()
                        .thenComparing(s -> s.row(), RECENT_FIRST))
                .limit(TOP)
                .map(s -> new EarlierWork.Similar(s.row().id(), s.row().title(), s.row().agencyId(), s.row().agency(),
                        s.row().status(), s.row().opensOn(), s.row().closesOn(), s.score().score(), s.score().why(),
                        feedback(s.row())))
                .toList();
        return new EarlierWork.SimilarList(draft.id(), from, to, similar);
    }

    private EarlierWork.Hit hit(ConsultationRow r) {
        return new EarlierWork.Hit(r.id(), r.title(), r.summary(), r.agencyId(), r.agency(), r.status(), r.themes(),
                r.areas(), r.opensOn(), r.closesOn(), r.decisionDate(), r.withdrawnOn(), feedback(r));
    }

    @Nullable
    private EarlierWork.Feedback feedback(ConsultationRow r) {
        if (!r.hasFeedback() || r.feedbackAt() == null) {
            return null;
        }
        return new EarlierWork.Feedback(r.outcome(), r.weDid(), r.feedbackAt().atZone(clock.getZone()).toLocalDate(),
                links.results(r.id()));
    }

    private static Similarity.Subject subject(ConsultationRow r) {
        return new Similarity.Subject(r.themes(), r.areas(), r.title(), r.summary());
    }

    /** The query's words as keys; common words are dropped unless the query has nothing else. */
    static List<String> queryKeys(@Nullable String q) {
        List<String> tokens = Words.tokens(q == null ? "" : q);
        List<String> significant = tokens.stream().filter(t -> !Words.isStopWord(t)).toList();
        return (significant.isEmpty() ? tokens : significant).stream().map(Words::key).distinct().toList();
    }

    /** True when every wanted key begins some word of the consultation's title, summary, themes or areas. */
    static boolean matchesAll(List<String> wanted, ConsultationRow r) {
        if (wanted.isEmpty()) {
            return true;
        }
        List<String> words = new ArrayList<>();
        for (String text : List.of(r.title(), r.summary(), String.join(" ", r.themes()), String.join(" ", r.areas()))) {
            Words.tokens(text).forEach(t -> words.add(Words.key(t)));
        }
        return wanted.stream().allMatch(w -> words.stream().anyMatch(t -> t.startsWith(w)));
    }

    @Nullable
    private static LocalDate day(String field, @Nullable String value, List<FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return Dates.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "must be a date such as 2027-03-01"));
            return null;
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    @Nullable
    private static String blankToNull(@Nullable String s) {
        return blank(s) ? null : s.strip();
    }
}
