/** One small pure policy per rule id of the rule catalogue: facts and today's date in, a verdict with a reason out. */
package org.compact.tracker.rules;
