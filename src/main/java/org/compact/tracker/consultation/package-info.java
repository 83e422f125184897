/**
 * The consultation register: the aggregate and its lifecycle (one guarded method per transition), exemptions,
 * history, and the service that checks the Compact's rules before every step.
 */
package org.compact.tracker.consultation;
