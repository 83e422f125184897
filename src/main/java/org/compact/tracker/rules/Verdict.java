package org.compact.tracker.rules;

/** What a rule says of a consultation now. EXEMPT: it failed, but an exemption with a written reason is recorded. */
public enum Verdict { PASS, WARN, FAIL, EXEMPT }
