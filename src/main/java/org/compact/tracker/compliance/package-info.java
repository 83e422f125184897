/**
 * Compliance reports (MONITOR): for a period and optionally one agency, one section per rule of the catalogue,
 * every figure an SQL aggregate over the register, the deliveries and their outbox rows, feedback, actions,
 * concerns and exemptions (never a load of every consultation), as JSON, CSV, a printable HTML page with charts
 * drawn as inline SVG, and an anonymous summary of rates per agency and rule. The SQL runs unchanged on
 * PostgreSQL and on H2 in PostgreSQL mode. Definitions: docs/compliance.md.
 */
package org.compact.tracker.compliance;
