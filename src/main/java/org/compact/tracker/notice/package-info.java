/**
 * Notices to third-sector organisations: who receives them (targets less opt-outs), what they say (text, HTML and a
 * calendar), the per-contact delivery record the notice lead time is measured from, signed links for replies and
 * one-click unsubscribe, and alerts to officers. Sends through the mail outbox; knows consultations only as
 * {@link org.compact.tracker.notice.NoticeContent}.
 */
package org.compact.tracker.notice;
