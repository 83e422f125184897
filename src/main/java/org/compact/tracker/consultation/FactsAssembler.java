package org.compact.tracker.consultation;

import jakarta.inject.Singleton;
import org.compact.tracker.notice.Reach;
import org.compact.tracker.notice.Recipient;
import org.compact.tracker.notice.Translation;
import org.compact.tracker.organisation.AccessFormat;
import org.compact.tracker.organisation.DirectoryIndex;
import org.compact.tracker.organisation.Organisation;
import org.compact.tracker.organisation.KeptDirectory;
import org.compact.tracker.rules.ConsultationFacts;
import org.compact.tracker.rules.DateRange;
import org.compact.tracker.rules.RuleBook;
import org.compact.tracker.rules.TargetedOrganisation;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gathers what the rule policies look at: the consultation's own fields, the organisations it targets, and for
 * OVERLOAD the other live consultations that ask the same organisations within the span the rule looks at (from
 * {@link TargetTable}, by the organisations' index: the cost does not grow with the register).
 */
@Singleton
class FactsAssembler {
    private final KeptDirectory kept;
    private final TargetTable table;
    private final RuleBook rules;
    private final Reach reach;
    private final Receipts receipts;
    private final TranslationRepository translations;

    FactsAssembler(KeptDirectory directory, TargetTable table, RuleBook rules,
                   Reach reach, Receipts receipts, TranslationRepository translations) {
        this.translations = translations;
        this.kept = directory;
        this.table = table;
        this.rules = rules;
        this.reach = reach;
        this.receipts = receipts;
    }

    ConsultationFacts facts(Consultation c, LocalDate today) {
        DirectoryIndex directory = kept.index();
        List<Organisation> targets = targetsOf(c, directory);
        Map<Long, List<DateRange>> others = otherConsultationsByOrganisation(c, targets);
        Set<Long> mailed = reach.reached(targets.stream()
                .map(o -> new Recipient(o.id(), o.name(), o.emails(), o.optedOutOf(c.getThemes()))).toList());
        List<TargetedOrganisation> targeted = targets.stream()
                .map(o -> new TargetedOrganisation(o.id(), o.name(), new LinkedHashSet<>(o.communities()),
                        others.getOrDefault(o.id(), List.of()), needs(o), new LinkedHashSet<>(o.languages()),
                        mailed.contains(o.id())))
                .toList();
        return new ConsultationFacts(today, c.getTitle(), c.getSummary(), Set.copyOf(c.getThemes()),
                Set.copyOf(c.getAudiences()), Set.copyOf(c.getMethods()), Set.copyOf(c.getProvisions()),
                c.getOpenToChange(), c.getFixed(), c.getDecisionDate(), c.getDecisionMaker(),
                // once open, the rules judge the period it really had, from the day it opened
                c.getOpenedOn() != null ? c.getOpenedOn() : c.getOpensOn(),
                c.getClosesOn(), c.getNotifiedOn(), c.getPriorWorkIds(), c.getPriorWorkStatement(), targeted,
                new LinkedHashSet<>(c.getLanguages()), receipts.of(c), translated(c));
    }

    /** The languages of the consultation's translated summaries, each by its tag, primary language and English name. */
    private Set<String> translated(Consultation c) {
        if (c.getId() == null) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (TranslationRow t : translations.findByConsultationIdOrderByLanguage(c.getId())) {
            names.add(t.language());
            names.add(java.util.Locale.forLanguageTag(t.language()).getLanguage());
            names.add(Translation.nameOf(t.language()));
        }
        return names;
    }

    /** The formats an organisation needs: code → the need in words (a code no longer known keeps its code). */
    private static Map<String, String> needs(Organisation o) {
        Map<String, String> needs = new LinkedHashMap<>();
        for (String format : o.formats()) {
            needs.put(format, Arrays.stream(AccessFormat.values()).filter(f -> f.name().equals(format)).findFirst()
                    .map(AccessFormat::need).orElse(format));
        }
        return needs;
    }

    /** The organisations a consultation asks: named ones and those matching its areas, interests or communities. */
    static List<Organisation> targetsOf(Consultation c, DirectoryIndex directory) {
        return directory.targets(c.getTargetOrganisationIds(), c.getTargetAreas(), c.getTargetInterests(),
                c.getTargetCommunities());
    }

    /** The other live consultations of its organisations near its dates, by organisation: indexed look-ups only. */
    private Map<Long, List<DateRange>> otherConsultationsByOrganisation(Consultation c, List<Organisation> targets) {
        if (c.getOpensOn() == null || c.getClosesOn() == null || targets.isEmpty()) {
            return Map.of();
        }
        DateRange span = rules.overloadSpan(c.getOpensOn(), c.getClosesOn());
        return TargetTable.byOrganisation(table.live(targets.stream().map(Organisation::id).toList(),
                c.getId() == null ? -1 : c.getId(), span));
    }
}
