package org.compact.tracker.notice;

/** Someone who took part and agreed to hear back, with the link that withdraws that consent. */
public record ParticipantContact(long id, String name, String email, String withdrawLink) {
}
