/**
 * Notices to third-sector organisations: who receives them (targets less opt-outs), what they say (text, HTML and a
 * calendar), the per-contact delivery record the notice lead time is measured from, signed links for replies and
 * one-click unsubscribe, and alerts to officers and their wording. Sends through the mail outbox; knows consultations
 * only as {@link org.compact.tracker.notice.NoticeContent}, {@link org.compact.tracker.notice.Targets} and
 * {@link org.compact.tracker.notice.OfficerAlerts.About}, and the directory through its
 * {@link org.compact.tracker.notice.Directory} port.
 */
package org.compact.tracker.notice;
