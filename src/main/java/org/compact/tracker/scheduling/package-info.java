/**
 * Quartz, with its JDBC job store in the service's own database: each job a thin adapter that runs one piece of
 * {@link org.compact.tracker.clock.DueWork}. Jobs missed while the service was down run once when it is back.
 */
package org.compact.tracker.scheduling;
