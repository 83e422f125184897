/**
 * Feedback, "you said, we did": what was heard, what was decided and why, sent to everyone notified and everyone
 * who took part, even when nothing changed; the actions it promises, tracked to done; participants; concerns raised
 * by organisations; and the chase that makes feedback hard to forget.
 */
package org.compact.tracker.feedback;
