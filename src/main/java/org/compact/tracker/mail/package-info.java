/**
 * The outbox and the relay: every mail is written to the outbox in the transaction of the change that causes it,
 * and delivered at least once by the relay (never twice on purpose). Knows nothing of consultations.
 */
package org.compact.tracker.mail;
