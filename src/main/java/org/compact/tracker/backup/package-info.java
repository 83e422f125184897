/**
 * Backups of the embedded H2 database that can be restored: a consistent copy taken while the service runs, with a
 * manifest of what it holds, and the check that a restored copy holds exactly that.
 */
package org.compact.tracker.backup;
