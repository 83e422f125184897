package org.compact.tracker.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A consultation's facts for the policy tests: by default a planned consultation that keeps every rule, so that
 * each test changes only what it is about.
 */
final class Facts {

    static final LocalDate TODAY = LocalDate.of(2027, 1, 4);

    private LocalDate today = TODAY;
    private String title = "Library opening hours";
    private String summary = "We want to change when the libraries open. Tell us which hours suit you. "
            + "We will read every answer before we decide.";
    private Set<String> themes = new LinkedHashSet<>(Set.of("libraries"));
    private Set<String> audiences = new LinkedHashSet<>(
            List.of("OLDER_PEOPLE", "YOUNG_PEOPLE", "SENSORY_IMPAIRMENTS", "LOW_SKILLS"));
    private Set<String> methods = new LinkedHashSet<>(Set.of("ONLINE_SURVEY", "PAPER_SURVEY"));
    private Set<String> provisions = new LinkedHashSet<>(
            List.of("LARGE_PRINT", "PAPER_OPTION", "ONLINE_OPTION", "EASY_READ"));
    private String openToChange = "Opening hours on weekdays and Saturdays.";
    private String fixed = "The number of libraries.";
    private LocalDate decisionDate = LocalDate.of(2027, 6, 15);
    private String decisionMaker = "Cabinet";
    private LocalDate opensOn = LocalDate.of(2027, 2, 15);
    private LocalDate closesOn = LocalDate.of(2027, 5, 9);
    private LocalDate notifiedOn;
    private List<NoticeReceipt> receipts = new ArrayList<>();
    private List<Long> priorWorkRelatedIds = new ArrayList<>(List.of(7L));
    private String priorWorkStatement;
    private List<TargetedOrganisation> targets = new ArrayList<>(List.of(
            new TargetedOrganisation(1, "Age Concern Salford", Set.of("older people"), List.of()),
            new TargetedOrganisation(2, "Youth Forum", Set.of("Young-People", "LGBT"), List.of()),
            new TargetedOrganisation(3, "Deaf Society", Set.of("SENSORY_IMPAIRMENTS"), List.of()),
            new TargetedOrganisation(4, "Adult Learners", Set.of("low skills"), List.of())));

    private Set<String> languages = new LinkedHashSet<>();

    static Facts planned() {
        return new Facts();
    }

    Facts today(LocalDate day) {
        this.today = day;
        return this;
    }

    Facts summary(String text) {
        this.summary = text;
        return this;
    }

    Facts themes(String... names) {
        this.themes = new LinkedHashSet<>(List.of(names));
        return this;
    }

    Facts audiences(String... codes) {
        this.audiences = new LinkedHashSet<>(List.of(codes));
        return this;
    }

    Facts methods(String... codes) {
        this.methods = new LinkedHashSet<>(List.of(codes));
        return this;
    }

    Facts provisions(String... codes) {
        this.provisions = new LinkedHashSet<>(List.of(codes));
        return this;
    }

    Facts openToChange(String text) {
        this.openToChange = text;
        return this;
    }

    Facts fixed(String text) {
        this.fixed = text;
        return this;
    }

    Facts decision(LocalDate date, String maker) {
        this.decisionDate = date;
        this.decisionMaker = maker;
        return this;
    }

    Facts open(LocalDate from, LocalDate to) {
        this.opensOn = from;
        this.closesOn = to;
        return this;
    }

    Facts notifiedOn(LocalDate day) {
        this.notifiedOn = day;
        return this;
    }

    Facts priorWork(List<Long> relatedIds, String statement) {
        this.priorWorkRelatedIds = relatedIds;
        this.priorWorkStatement = statement;
        return this;
    }

    Facts receipts(NoticeReceipt... received) {
        this.receipts = new ArrayList<>(List.of(received));
        return this;
    }

    Facts targets(TargetedOrganisation... organisations) {
        this.targets = new ArrayList<>(List.of(organisations));
        return this;
    }

    Facts languages(String... names) {
        this.languages = new LinkedHashSet<>(List.of(names));
        return this;
    }

    ConsultationFacts build() {
        return new ConsultationFacts(today, title, summary, themes, audiences, methods, provisions, openToChange,
                fixed, decisionDate, decisionMaker, opensOn, closesOn, notifiedOn, priorWorkRelatedIds,
                priorWorkStatement, targets, languages, receipts);
    }
}
