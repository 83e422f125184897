package org.compact.tracker.organisation;

/** The kinds of third-sector organisation the Compact codes name. */
public enum OrganisationKind { COMMUNITY_GROUP, VOLUNTARY_ORGANISATION, SOCIAL_ENTERPRISE, COMMUNITY_ENTERPRISE }
