package org.compact.tracker.security;

/** The kind of public body that signed the Compact. */
public enum AgencyKind { COUNCIL, NHS_TRUST, POLICE, FIRE_AND_RESCUE, HOUSING, EDUCATION, OTHER_PUBLIC_BODY }
