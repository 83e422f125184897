package org.compact.tracker.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * OVERLOAD: do not over-consult (seed 001 "beware of over-consulting certain groups"; seed 003 "so as not to
 * overburden their workload"). Small groups answer consultations with the same few volunteers.
 *
 * <p>For each targeted organisation this consultation counts as one. At once: it plus the organisation's other
 * live consultations whose open periods overlap this one's. In a quarter: it plus the others that open within three
 * calendar months before its open date, or within three after, whichever is more. An organisation above either
 * limit is named; a consultation without dates or targets is not judged yet.
 */
final class OverloadPolicy implements RulePolicy {

    private static final Period QUARTER = Period.ofMonths(3);
    private static final int MOST_NAMES_SHOWN = 10;

    private final int concurrentLimit;
    private final int perQuarterLimit;

    OverloadPolicy(RuleSettings settings) {
        this.concurrentLimit = settings.overloadConcurrent();
        this.perQuarterLimit = settings.overloadPerQuarter();
    }

    /** The days another consultation must touch to count against this one: three months either side of it. */
    static DateRange around(LocalDate opensOn, LocalDate closesOn) {
        return new DateRange(opensOn.minus(QUARTER), closesOn.plus(QUARTER));
    }

    /**
     * The days a consultation must touch for its OVERLOAD check to count {@code opensOn}–{@code closesOn}: the
     * consultations whose {@link #around} span this period touches. Three calendar months before the opening (the
     * other's close, three months on, reaches back here), and three months and three days after the close (three
     * months back from a day near a month's end can land up to three days earlier than three months forward undoes).
     */
    static DateRange reach(LocalDate opensOn, LocalDate closesOn) {
        return new DateRange(opensOn.minus(QUARTER), closesOn.plus(QUARTER).plusDays(3));
    }

    @Override
    public RuleId id() {
        return RuleId.OVERLOAD;
    }

    @Override
    public Check evaluate(ConsultationFacts facts) {
        if (facts.opensOn() == null || facts.closesOn() == null) {
            return Check.pass(id(), "No dates yet: the load on organisations is judged once dates are set.");
        }
        if (facts.targets() == null || facts.targets().isEmpty()) {
            return Check.pass(id(), "No organisations targeted yet.");
        }
        DateRange open = new DateRange(facts.opensOn(), facts.closesOn());
        List<String> overloaded = new ArrayList<>();
        for (TargetedOrganisation target : facts.targets()) {
            int atOnce = 1 + concurrent(open, target);
            int inQuarter = 1 + inQuarter(facts.opensOn(), target);
            if (atOnce > concurrentLimit || inQuarter > perQuarterLimit) {
                overloaded.add(target.name() + " (" + atOnce + " at once, " + inQuarter + " in three months)");
            }
        }
        String limits = "at most " + concurrentLimit + " at once and " + perQuarterLimit + " in three months";
        if (overloaded.isEmpty()) {
            return Check.pass(id(), "No targeted organisation is over the limits (" + limits + ").");
        }
        return Check.warn(id(), "Over-consulted (" + limits + "): " + names(overloaded) + ".");
    }

    private static int concurrent(DateRange open, TargetedOrganisation target) {
        return (int) others(target).stream().filter(other -> other.to() != null && open.overlaps(other)).count();
    }

    private static int inQuarter(LocalDate opensOn, TargetedOrganisation target) {
        long before = others(target).stream()
                .filter(other -> within(other.from(), opensOn.minus(QUARTER), opensOn)).count();
        long after = others(target).stream()
                .filter(other -> within(other.from(), opensOn, opensOn.plus(QUARTER))).count();
        return (int) Math.max(before, after);
    }

    private static boolean within(LocalDate day, LocalDate first, LocalDate last) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    /** The other consultations with an open date; one not yet dated cannot add to the load. */
    private static List<DateRange> others(TargetedOrganisation target) {
        if (target.otherConsultations() == null) {
            return List.of();
        }
        return target.otherConsultations().stream().filter(other -> other != null && other.from() != null).toList();
    }

    private static String names(List<String> overloaded) {
        if (overloaded.size() <= MOST_NAMES_SHOWN) {
            return String.join(", ", overloaded);
        }
        return String.join(", ", overloaded.subList(0, MOST_NAMES_SHOWN)) + " and "
                + (overloaded.size() - MOST_NAMES_SHOWN) + " more";
    }
}
