package org.compact.tracker.organisation;

/**
 * How much mail an organisation wants (its {@code mail} preference): {@code IMMEDIATE}, each notice, change and
 * withdrawal as a mail of its own (the default); or {@code WEEKLY}, gathered into one digest a week, except what
 * cannot wait (a notice that waiting would leave short of the notice period, a withdrawal or change of dates inside
 * the next seven days).
 */
public enum MailFrequency {
    IMMEDIATE,
    WEEKLY
}
