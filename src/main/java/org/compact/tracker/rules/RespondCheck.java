package org.compact.tracker.rules;

/**
 * NOTICE, at the moment notice goes out: a notice must say where to respond (issue 19). At least one of a web
 * address, an email address or a postal address is given; otherwise notify is refused, naming what is missing. No
 * exemption lifts it: a notice that cannot be answered gives no notice at all.
 */
public final class RespondCheck {
    /** Why notify is refused, naming the three ways that may be given. */
    public static final String MISSING = "a notice must say where to respond: give at least one of howToRespond.url "
            + "(an online survey or form), howToRespond.email or howToRespond.postalAddress";

    private RespondCheck() {
    }

    /** PASS when at least one way to respond is given, FAIL naming the missing ones otherwise. */
    public static Check judge(boolean url, boolean email, boolean postalAddress) {
        if (url || email || postalAddress) {
            return Check.pass(RuleId.NOTICE, "The notice says where to respond.");
        }
        return Check.fail(RuleId.NOTICE, "No way to respond is given: " + MISSING + ".");
    }
}
