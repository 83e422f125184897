package org.compact.tracker.compliance;

import org.compact.tracker.compliance.ComplianceReport.Section;
import org.compact.tracker.rules.RuleId;

import java.util.Map;

/** OPT_OUT: the shared directory's opt-outs as they stand, which every notice honours. */
final class OptOutSection {
    private OptOutSection() {
    }

    static Section of(DirectoryOptOuts d) {
        Figures f = new Figures();
        String now = " The shared directory as it is on the report day, all agencies (not limited to the period).";
        f.count("organisations", d.organisations(), "Organisations in the directory." + now);
        f.count("optedOutOfAll", d.optedOutOfAll(), "Organisations that want no notices at all." + now);
        f.count("optedOutOfSomeThemes", d.optedOutOfSomeThemes(), "Other organisations that opted out of at least one "
                + "theme." + now);
        f.count("contactsUnsubscribed", d.contactsUnsubscribed(), "Contacts that unsubscribed by the link in a mail." + now);
        return f.section(RuleId.OPT_OUT, "Opt-outs honoured", Map.of());
    }
}
