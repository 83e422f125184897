package org.compact.tracker.mail;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** What the relay records for each outcome, with the outbox mocked and a sender scripted per message. */
class MailRelayTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final OutboxStore store = mock(OutboxStore.class);
    private final ScriptedSender sender = new ScriptedSender();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private MailRelay relay;

    @BeforeEach
    void setUp() {
        relay = new MailRelay(store, sender, clock, clock, RelaySettings.DEFAULTS);
    }

    private static OutboxMessage queued(long id, int attempts) {
        return queued(id, attempts, attempts == 0 ? null : NOW.minus(Duration.ofMinutes(5)));
    }

    private static OutboxMessage queued(long id, int attempts, Instant failingSince) {
        OutgoingMail mail = Mails.notice("m" + id + "@tracker.example", "partner" + id + "@example.org", "consultation:1");
        return new OutboxMessage(id, mail.messageId(), mail.category(), mail.to(), mail.subject(), mail.text(),
                mail.html(), MailCodec.writeAttachments(mail.attachments()), MailCodec.writeHeaders(mail.headers()),
                mail.reference(), MailStatus.QUEUED, attempts, NOW, NOW.plusSeconds(120), null, null, NOW, failingSince);
    }

    private void claims(List<OutboxMessage> batch) {
        when(store.claimDue(any(), any(), any(), anyInt())).thenReturn(batch, List.of());
    }

    @Test
    void aPermanentlyRefusedRecipientIsParkedFailedWithTheReasonAndTheBatchGoesOn() throws Exception {
        OutboxMessage refused = queued(1, 0);
        OutboxMessage fine = queued(2, 0);
        claims(List.of(refused, fine));
        sender.failures.put(refused.messageId(), MailFailuresTest.refusedRecipient(550,
                "5.1.1 <nobody@example.org>: Recipient address rejected"));

        MailRelay.Delivery delivery = relay.deliverDue();

        verify(store).markFailed(refused, 1, "Invalid Addresses: 550 5.1.1 <nobody@example.org>: Recipient address rejected");
        verify(store).markSent(fine, NOW);
        assertThat(delivery.sent()).isEqualTo(1);
        assertThat(delivery.failed()).isEqualTo(1);
        assertThat(sender.sent).containsExactly(fine.messageId());
    }

    @Test
    void anInvalidRecipientAddressIsParkedFailed() {
        OutboxMessage m = queued(1, 0);
        OutboxMessage bad = new OutboxMessage(m.id(), m.messageId(), m.category(), "not an address", m.subject(),
                m.textBody(), m.htmlBody(), m.attachments(), m.headers(), m.reference(), m.status(), 0,
                m.nextAttemptAt(), m.claimedUntil(), null, null, m.createdAt(), null);
        claims(List.of(bad));
        sender.buildForReal = true;

        relay.deliverDue();

        verify(store).markFailed(eq(bad), eq(1), any());
        verify(store, never()).markRetry(any(), anyInt(), any(), any(), any());
    }

    @Test
    void aTemporaryFailureIsTriedAgainAfterTheBackoff() throws Exception {
        OutboxMessage greylisted = queued(1, 2);
        claims(List.of(greylisted));
        sender.failures.put(greylisted.messageId(), MailFailuresTest.refusedRecipient(450, "4.2.0 greylisted"));

        MailRelay.Delivery delivery = relay.deliverDue();

        verify(store).markRetry(eq(greylisted), eq(3), eq(NOW.plus(Duration.ofMinutes(2))), startsWith("Invalid Addresses: 450"),
                eq(greylisted.failingSince()));
        assertThat(delivery.retried()).isEqualTo(1);
    }

    @Test
    void aMessageFailingForAPassingReasonIsTriedUntilSeventyTwoHoursAfterItsFirstFailureThenGivenUp() throws Exception {
        OutboxMessage almost = queued(1, 300, NOW.minus(Duration.ofHours(72)).plusSeconds(1));
        OutboxMessage tired = queued(2, 301, NOW.minus(Duration.ofHours(72)));
        claims(List.of(almost, tired));
        sender.failures.put(almost.messageId(), MailFailuresTest.refusedRecipient(451, "4.3.0 try later"));
        sender.failures.put(tired.messageId(), MailFailuresTest.refusedRecipient(451, "4.3.0 try later"));

        relay.deliverDue();

        verify(store).markRetry(eq(almost), eq(301), eq(NOW.plus(Duration.ofMinutes(10))), any(), eq(almost.failingSince()));
        verify(store).markFailed(eq(tired), eq(302),
                startsWith("gave up after 302 attempts over 4320 minutes: Invalid Addresses: 451"));
    }

    @Test
    void maxAttemptsWhenSetGivesUpEarlierThanTheTime() throws Exception {
        relay = new MailRelay(store, sender, clock, clock, new RelaySettings(200, Duration.ofMinutes(2),
                Duration.ofSeconds(30), Duration.ofMinutes(10), 12, Duration.ofHours(72), Duration.ofSeconds(20)));
        OutboxMessage tired = queued(1, 11);
        claims(List.of(tired));
        sender.failures.put(tired.messageId(), MailFailuresTest.refusedRecipient(451, "4.3.0 try later"));

        relay.deliverDue();

        verify(store).markFailed(eq(tired), eq(12), startsWith("gave up after 12 attempts over 5 minutes: Invalid Addresses: 451"));
        verify(store, never()).markRetry(any(), anyInt(), any(), any(), any());
    }

    @Test
    void anUnreachableServerStopsTheRunAndEveryClaimedMessageWaitsForItsBackoff() {
        OutboxMessage a = queued(1, 0);
        OutboxMessage b = queued(2, 4);
        claims(List.of(a, b));
        sender.openFailure = new MailConnectException(new SocketConnectException("Connection refused",
                new ConnectException("Connection refused"), "127.0.0.1", 2525, 1000));

        MailRelay.Delivery delivery = relay.deliverDue();

        verify(store).markRetry(eq(a), eq(1), eq(NOW.plusSeconds(30)), any(), eq(NOW));
        verify(store).markRetry(eq(b), eq(5), eq(NOW.plus(Duration.ofMinutes(8))), any(), eq(b.failingSince()));
        verify(store, times(1)).claimDue(any(), any(), any(), anyInt());
        assertThat(delivery.unreachable()).isTrue();
        assertThat(delivery.retried()).isEqualTo(2);
    }

    @Test
    void aServerLostMidBatchIsNotAskedAgainForTheRestOfTheBatch() {
        OutboxMessage a = queued(1, 0);
        OutboxMessage b = queued(2, 0);
        OutboxMessage c = queued(3, 0);
        claims(List.of(a, b, c));
        sender.failures.put(b.messageId(), new MailSender.Unreachable("dropped again after reconnecting", null));

        MailRelay.Delivery delivery = relay.deliverDue();

        verify(store).markSent(a, NOW);
        verify(store).markRetry(eq(b), eq(1), eq(NOW.plusSeconds(30)), any(), eq(NOW));
        verify(store).markRetry(eq(c), eq(1), eq(NOW.plusSeconds(30)), any(), eq(NOW));
        assertThat(sender.tried).containsExactly(a.messageId(), b.messageId());
        assertThat(delivery.unreachable()).isTrue();
        verify(store, times(1)).claimDue(any(), any(), any(), anyInt());
    }

    @Test
    void oneRunClaimsBatchAfterBatchUntilNothingIsDueOverOneConnection() {
        when(store.claimDue(any(), any(), any(), anyInt())).thenReturn(List.of(queued(1, 0), queued(2, 0)),
                List.of(queued(3, 0)), List.of());

        MailRelay.Delivery delivery = relay.deliverDue();

        assertThat(delivery.sent()).isEqualTo(3);
        assertThat(sender.opened).isEqualTo(1);
        assertThat(sender.closed).isEqualTo(1);
        verify(store, times(3)).claimDue(NOW, NOW, NOW.plus(Duration.ofMinutes(2)), 200);
    }

    @Test
    void whenTheTimeBudgetIsSpentTheRestOfTheBatchIsGivenBackUntouched() {
        relay = new MailRelay(store, sender, clock, clock, new RelaySettings(200, Duration.ofMinutes(2),
                Duration.ofSeconds(30), Duration.ofMinutes(10), 0, Duration.ofHours(72), Duration.ofMillis(50)));
        OutboxMessage a = queued(1, 0);
        OutboxMessage b = queued(2, 0);
        claims(List.of(a, b));
        sender.pause = Duration.ofMillis(100);

        relay.deliverDue();

        verify(store).markSent(a, NOW);
        verify(store).release(b);
        verify(store, times(1)).claimDue(any(), any(), any(), anyInt());
    }

    @Test
    void nothingDueOpensNoConnection() {
        when(store.claimDue(any(), any(), any(), anyInt())).thenReturn(List.of());

        MailRelay.Delivery delivery = relay.deliverDue();

        assertThat(delivery.claimed()).isZero();
        assertThat(sender.opened).isZero();
        assertThat(relay.name()).isEqualTo("mail relay");
    }

    /** A sender that fails the messages it is told to, and counts the rest as sent. */
    static final class ScriptedSender implements MailSender {
        final Map<String, MessagingException> failures = new HashMap<>();
        final List<String> tried = new ArrayList<>();
        final List<String> sent = new ArrayList<>();
        MessagingException openFailure;
        boolean buildForReal;
        Duration pause = Duration.ZERO;
        int opened;
        int closed;

        @Override
        public Connection open() throws MessagingException {
            if (openFailure != null) {
                throw openFailure;
            }
            opened++;
            return new Connection() {
                @Override
                public void send(OutgoingMail mail, Instant date) throws MessagingException {
                    tried.add(mail.messageId());
                    if (buildForReal) {
                        MimeMessages.build(jakarta.mail.Session.getInstance(new java.util.Properties()),
                                new jakarta.mail.internet.InternetAddress("consultations@localhost"), mail, date);
                    }
                    MessagingException failure = failures.get(mail.messageId());
                    if (failure != null) {
                        throw failure;
                    }
                    try {
                        Thread.sleep(pause.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    sent.add(mail.messageId());
                }

                @Override
                public void close() {
                    closed++;
                }
            };
        }

        @Override
        public String describe() {
            return "scripted";
        }
    }
}
