package org.compact.tracker.mail;

import org.compact.tracker.support.AtOnce;
import org.compact.tracker.support.Ports;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.compact.tracker.clock.DueWork;
import org.compact.tracker.clock.SimClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox and the relay against a real SMTP server (GreenMail on a free loopback port), the H2 file database
 * and the sim clock, with the scheduler off so only the test runs the relay.
 */
@MicronautTest(environments = "sim", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailRelayIT implements TestPropertyProvider {
    private static final int PORT = Ports.free();
    private static final ServerSetup SMTP = new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

    @Inject
    Outbox outbox;
    /**
     * A relay that holds its claims on the same (sim) clock as the rest, so that tick() can run a claim out; the
     * service's relay holds them on the wall clock (see claimsAreHeldOnTheWallClock…).
     */
    MailRelay relay;
    /** The service's own relay (claims on the wall clock). */
    @Inject
    MailRelay serviceRelay;
    @Inject
    OutboxStore store;
    @Inject
    OutboxRepository repository;
    @Inject
    MailSender sender;
    @Inject
    RelaySettings settings;
    @Inject
    io.micronaut.data.jdbc.runtime.JdbcOperations jdbc;
    @Inject
    Clock clock;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    List<DueWork> dueWork;

    GreenMail greenMail;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "tracker.mail.smtp.host", "127.0.0.1",
                "tracker.mail.smtp.port", String.valueOf(PORT),
                "tracker.mail.smtp.connect-timeout", "2s",
                "tracker.mail.smtp.read-timeout", "5s",
                "tracker.mail.smtp.write-timeout", "5s",
                "tracker.mail.from", "consultations@tracker.example",
                "tracker.jobs.enabled", "false");
    }

    @BeforeAll
    void startSmtp() {
        greenMail = new GreenMail(SMTP);
        greenMail.start();
        relay = new MailRelay(store, sender, clock, clock, settings);
    }

    @Test
    void claimsAreHeldOnTheWallClockSoTheSimClockJumpingAheadMidRunDoesNotFreeABatchBeingSent() throws Exception {
        Instant now = tick(Duration.ofSeconds(1));
        OutgoingMail notice = Mails.notice(unique("jump"), "partner@example.org", "consultation:jump");
        outbox.enqueue(notice);
        Instant wall = Instant.now();
        assertThat(store.claimDue(now, wall, wall.plus(settings.lease()), settings.batchSize()))
                .extracting(OutboxMessage::messageId).contains(notice.messageId());

        // The demo's data walks the sim clock months ahead while the relay is still sending its first batch: the
        // batch is still held (it was claimed again and sent twice when claims were read on the sim clock).
        Instant monthsLater = tick(Duration.ofDays(120));
        assertThat(store.claimDue(monthsLater, wall.plusSeconds(1), wall.plusSeconds(1).plus(settings.lease()),
                settings.batchSize())).extracting(OutboxMessage::messageId).doesNotContain(notice.messageId());

        // A relay that died still lets go once the wall clock has passed its claim.
        Instant afterLease = wall.plus(settings.lease()).plusSeconds(1);
        assertThat(store.claimDue(monthsLater, afterLease, afterLease.plus(settings.lease()), settings.batchSize()))
                .extracting(OutboxMessage::messageId).contains(notice.messageId());
    }

    @AfterAll
    void stopSmtp() {
        greenMail.stop();
    }

    @Test
    void eachQueuedMessageArrivesOnceWithItsMessageIdSubjectPartsAndCalendar() throws Exception {
        Instant now = tick(Duration.ofSeconds(1));
        List<OutgoingMail> notices = notices("arrives", 3, "consultation:arrives");
        tx.executeWrite(status -> {
            notices.forEach(outbox::enqueue);
            return null;
        });
        assertThat(outbox.countsByReference("consultation:arrives"))
                .isEqualTo(Map.of(MailStatus.QUEUED, 3L, MailStatus.SENT, 0L, MailStatus.FAILED, 0L));

        MailRelay.Delivery delivery = relay.deliverDue();
        relay.deliverDue();

        assertThat(delivery.sent()).isGreaterThanOrEqualTo(3);
        for (OutgoingMail notice : notices) {
            List<MimeMessage> copies = received(notice.messageId(), 1);
            assertThat(copies).hasSize(1);
            MimeMessage m = copies.get(0);
            assertThat(Mails.messageId(m)).isEqualTo("<" + notice.messageId() + ">");
            assertThat(m.getSubject()).isEqualTo(notice.subject());
            assertThat(m.getFrom()).extracting(Object::toString).containsExactly("consultations@tracker.example");
            assertThat(m.getHeader("List-Unsubscribe", null)).isEqualTo("<https://tracker.example/unsubscribe/abc>");
            assertThat(((String) Mails.leaf(m, "text/plain").getContent()).replace("\r\n", "\n"))
                    .isEqualTo(notice.text());
            assertThat((String) Mails.leaf(m, "text/html").getContent()).isEqualTo(notice.html());
            Part ics = Mails.leaf(m, "text/calendar");
            assertThat(ics.getFileName()).isEqualTo("consultation.ics");
            assertThat(ics.getContentType()).contains("method=PUBLISH");
            assertThat(new String(Mails.bytes(ics), StandardCharsets.UTF_8)).isEqualTo(Mails.ICS);
        }
        Map<String, MailState> states = outbox.states(ids(notices));
        assertThat(states.values()).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(MailStatus.SENT);
            assertThat(s.sentAt()).isEqualTo(now);
            assertThat(s.attempts()).isEqualTo(1);
            assertThat(s.nextAttemptAt()).isNull();
            assertThat(s.lastError()).isNull();
        });
        assertThat(outbox.byReference("consultation:arrives")).extracting(MailState::messageId)
                .containsExactlyElementsOf(ids(notices));
        assertThat(outbox.countsByReference("consultation:arrives")).containsEntry(MailStatus.SENT, 3L);
    }

    @Test
    void aSecondEnqueueOfTheSameMessageIdIsIgnoredWithoutFailingTheCallersTransaction() throws Exception {
        tick(Duration.ofSeconds(1));
        OutgoingMail first = Mails.notice(unique("dup"), "partner@example.org", "consultation:dup");
        OutgoingMail again = new OutgoingMail(first.messageId(), first.category(), first.to(), "A different subject",
                first.text(), first.html(), first.attachments(), first.headers(), first.reference());
        OutgoingMail other = Mails.notice(unique("dup-other"), "other@example.org", "consultation:dup");

        tx.executeWrite(status -> {
            outbox.enqueue(first);
            outbox.enqueue(again);
            outbox.enqueue(other);
            return null;
        });
        outbox.enqueue(again);
        relay.deliverDue();

        assertThat(outbox.byReference("consultation:dup")).hasSize(2);
        List<MimeMessage> copies = received(first.messageId(), 1);
        assertThat(copies).hasSize(1);
        assertThat(copies.get(0).getSubject()).isEqualTo(first.subject());
        assertThat(received(other.messageId(), 1)).hasSize(1);
    }

    @Test
    void mailQueuedInATransactionThatRollsBackIsNeverSent() {
        tick(Duration.ofSeconds(1));
        OutgoingMail notice = Mails.notice(unique("rolled-back"), "partner@example.org", "consultation:rb");

        assertThatThrownBy(() -> tx.executeWrite(status -> {
            outbox.enqueue(notice);
            throw new IllegalStateException("the change that caused the mail failed");
        })).hasMessageContaining("the change that caused the mail failed");
        relay.deliverDue();

        assertThat(outbox.states(List.of(notice.messageId()))).isEmpty();
        assertThat(receivedNow(notice.messageId())).isEmpty();
    }

    @Test
    void whileTheServerIsDownMessagesWaitQueuedAndAfterTheBackoffEachIsDeliveredOnce() throws Exception {
        Instant down = tick(Duration.ofSeconds(1));
        List<OutgoingMail> notices = notices("outage", 3, "consultation:outage");
        greenMail.stop();
        try {
            tx.executeWrite(status -> {
                notices.forEach(outbox::enqueue);
                return null;
            });

            MailRelay.Delivery refused = relay.deliverDue();

            assertThat(refused.unreachable()).isTrue();
            assertThat(refused.sent()).isZero();
            assertThat(outbox.states(ids(notices)).values()).hasSize(3).allSatisfy(s -> {
                assertThat(s.status()).isEqualTo(MailStatus.QUEUED);
                assertThat(s.attempts()).isEqualTo(1);
                assertThat(s.nextAttemptAt()).isEqualTo(down.plusSeconds(30));
                assertThat(s.lastError()).contains("127.0.0.1:" + PORT).containsIgnoringCase("refused");
            });

            tick(Duration.ofSeconds(20));
            MailRelay.Delivery tooSoon = relay.deliverDue();
            assertThat(tooSoon.claimed()).isZero();
            assertThat(outbox.states(ids(notices)).values()).allSatisfy(s -> assertThat(s.attempts()).isEqualTo(1));
        } finally {
            greenMail = new GreenMail(SMTP);
            greenMail.start();
        }

        Instant back = tick(Duration.ofSeconds(11));
        MailRelay.Delivery delivered = relay.deliverDue();
        relay.deliverDue();

        assertThat(delivered.sent()).isGreaterThanOrEqualTo(3);
        for (OutgoingMail notice : notices) {
            assertThat(received(notice.messageId(), 1)).hasSize(1);
        }
        assertThat(outbox.states(ids(notices)).values()).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(MailStatus.SENT);
            assertThat(s.sentAt()).isEqualTo(back);
            assertThat(s.attempts()).isEqualTo(2);
        });
    }

    @Test
    void aMessageClaimedByARelayThatDiedIsDeliveredWhenItsLeaseEndsWithTheSameMessageId() throws Exception {
        Instant now = tick(Duration.ofSeconds(1));
        OutgoingMail notice = Mails.notice(unique("crash"), "partner@example.org", "consultation:crash");
        outbox.enqueue(notice);
        // A relay claims it, hands it to the server ("250 OK") and dies before writing SENT.
        assertThat(store.claimDue(now, now, now.plus(settings.lease()), settings.batchSize()))
                .extracting(OutboxMessage::messageId).contains(notice.messageId());
        try (MailSender.Connection connection = sender.open()) {
            connection.send(notice, now);
        }

        MailRelay.Delivery whileClaimed = relay.deliverDue();
        assertThat(whileClaimed.claimed()).isZero();
        assertThat(received(notice.messageId(), 1)).hasSize(1);

        Instant later = tick(settings.lease().plusSeconds(1));
        relay.deliverDue();

        List<MimeMessage> copies = received(notice.messageId(), 2);
        assertThat(copies).hasSize(2);
        assertThat(copies).extracting(Mails::messageId).containsOnly("<" + notice.messageId() + ">");
        MailState state = outbox.states(List.of(notice.messageId())).get(notice.messageId());
        assertThat(state.status()).isEqualTo(MailStatus.SENT);
        assertThat(state.sentAt()).isEqualTo(later);
    }

    @Test
    void whenTheServerCouldAcceptAMessageEveryMessageItAcceptedBeforeIsAlreadyRecordedSent() throws Exception {
        tick(Duration.ofSeconds(1));
        List<OutgoingMail> notices = notices("recorded", 40, "consultation:recorded");
        tx.executeWrite(status -> {
            notices.forEach(outbox::enqueue);
            return null;
        });
        List<String> ids = ids(notices);
        List<Long> unrecordedAtEachAccept = java.util.Collections.synchronizedList(new ArrayList<>());
        // The real SMTP sender; at the moment the relay lets the server accept the next message, count the messages
        // the server has and those the outbox says are SENT: the difference is what a crash there would send twice.
        MailSender watching = new MailSender() {
            @Override
            public Connection open() throws MessagingException {
                Connection real = sender.open();
                return new Connection() {
                    @Override
                    public void send(OutgoingMail mail, Instant date) throws MessagingException {
                        real.send(mail, date);
                    }

                    @Override
                    public void send(OutgoingMail mail, Instant date, BeforeAccept relaysWait) throws MessagingException {
                        real.send(mail, date, () -> {
                            relaysWait.await();
                            long arrived = Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
                                try {
                                    return ids.contains(Mails.messageId(m).replaceAll("[<>]", ""));
                                } catch (MessagingException e) {
                                    throw new IllegalStateException(e);
                                }
                            }).count();
                            // Recorded: SENT in its row, or accepted and not yet folded into it (V11).
                            long recorded = outbox.countsByReference("consultation:recorded").get(MailStatus.SENT)
                                    + repository.countAcceptedByReference("consultation:recorded");
                            unrecordedAtEachAccept.add(arrived - recorded);
                        });
                    }

                    @Override
                    public void close() {
                        real.close();
                    }
                };
            }

            @Override
            public String describe() {
                return "watching " + sender.describe();
            }
        };

        MailRelay.Delivery delivery = new MailRelay(store, watching, clock, clock, settings).deliverDue();

        assertThat(delivery.sent()).isEqualTo(40);
        assertThat(unrecordedAtEachAccept).hasSize(40).containsOnly(0L);
        assertThat(outbox.countsByReference("consultation:recorded")).containsEntry(MailStatus.SENT, 40L);
        for (String id : ids) {
            assertThat(received(id, 1)).hasSize(1);
        }
    }

    @Test
    void whenAnOutcomeCannotBeWrittenTheNextMessageIsNotAcceptedAndTheRunStopsWithTheDatabasesError() throws Exception {
        tick(Duration.ofSeconds(1));
        List<OutgoingMail> notices = notices("unrecorded", 5, "consultation:unrecorded");
        tx.executeWrite(status -> {
            notices.forEach(outbox::enqueue);
            return null;
        });
        java.util.concurrent.atomic.AtomicInteger marked = new java.util.concurrent.atomic.AtomicInteger();
        OutboxStore failingThird = new OutboxStore(repository, jdbc) {
            @Override
            void markSent(OutboxMessage m, Instant sentAt) {
                if (marked.incrementAndGet() == 3) {
                    throw new io.micronaut.data.exceptions.DataAccessException("the database went away");
                }
                super.markSent(m, sentAt);
            }
        };

        assertThatThrownBy(() -> new MailRelay(failingThird, sender, clock, clock, settings).deliverDue())
                .hasMessageContaining("the database went away");

        // The first two recorded; the third accepted by the server but not recorded (the one message a crash
        // there re-sends); the fourth written out but abandoned before the server could accept it.
        List<String> ids = ids(notices);
        assertThat(received(ids.get(2), 1)).hasSize(1);
        Thread.sleep(200);
        assertThat(receivedNow(ids.get(3))).isEmpty();
        assertThat(receivedNow(ids.get(4))).isEmpty();
        // Two recorded as accepted (the run stopped before folding them into their rows), none of the others.
        assertThat(repository.countAcceptedByReference("consultation:unrecorded")).isEqualTo(2);
        assertThat(outbox.countsByReference("consultation:unrecorded")).containsEntry(MailStatus.SENT, 0L);

        // With the database back, once the claim lapses: each arrives, the third a second time with its Message-ID.
        tick(settings.lease().plusSeconds(1));
        relay.deliverDue();
        assertThat(received(ids.get(2), 2)).hasSize(2);
        for (String id : List.of(ids.get(0), ids.get(1), ids.get(3), ids.get(4))) {
            assertThat(received(id, 1)).hasSize(1);
        }
        assertThat(outbox.countsByReference("consultation:unrecorded")).containsEntry(MailStatus.SENT, 5L);
    }

    @Test
    void aMessageRecordedAsAcceptedByARelayThatDiedBeforeFoldingIsNeverSentAgainAndShowsSentWhenItWasAccepted()
            throws Exception {
        Instant now = tick(Duration.ofSeconds(1));
        OutgoingMail notice = Mails.notice(unique("folded"), "partner@example.org", "consultation:folded");
        outbox.enqueue(notice);
        // A relay claims it, the server accepts it, the relay records that, and dies before folding it into its row.
        List<OutboxMessage> claimed = store.claimDue(now, now, now.plus(settings.lease()), settings.batchSize());
        OutboxMessage mine = claimed.stream().filter(m -> m.messageId().equals(notice.messageId())).findFirst()
                .orElseThrow();
        try (MailSender.Connection connection = sender.open()) {
            connection.send(notice, now);
        }
        store.markSent(mine, now);
        assertThat(outbox.states(List.of(notice.messageId())).get(notice.messageId()).status())
                .isEqualTo(MailStatus.QUEUED);

        tick(settings.lease().plusSeconds(1));
        relay.deliverDue();

        Thread.sleep(200);
        assertThat(received(notice.messageId(), 1)).hasSize(1);
        MailState state = outbox.states(List.of(notice.messageId())).get(notice.messageId());
        assertThat(state.status()).isEqualTo(MailStatus.SENT);
        assertThat(state.sentAt()).isEqualTo(now);
        assertThat(state.attempts()).isEqualTo(1);
        assertThat(repository.countAcceptedByReference("consultation:folded")).isZero();
    }

    @Test
    void twoRelaysClaimingAtOnceNeverShareAMessage() throws Exception {
        Instant now = tick(Duration.ofSeconds(1));
        List<OutgoingMail> notices = notices("race", 60, "consultation:race");
        tx.executeWrite(status -> {
            notices.forEach(outbox::enqueue);
            return null;
        });
        Callable<List<String>> claim = () -> store.claimDue(now, now, now.plus(settings.lease()), 40).stream()
                .map(OutboxMessage::messageId).toList();
        List<String> all = AtOnce.run(2, claim).stream().flatMap(List::stream).toList();

        // Both saw the same due rows; each row went to one of them only.
        assertThat(new HashSet<>(all)).hasSize(all.size());
        assertThat(all).isNotEmpty().isSubsetOf(ids(notices));

        tick(settings.lease().plusSeconds(1));
        relay.deliverDue();
        for (OutgoingMail notice : notices) {
            assertThat(received(notice.messageId(), 1)).hasSize(1);
        }
    }

    /**
     * Two relays read the same due rows; one claims a row, is refused and puts it back to wait for its back-off
     * before the other reaches its claim. The other must not take it: it is no longer due. (Seen in
     * SmtpOutageClusterIT: the second relay tried such rows again at once, an attempt too many each time.)
     */
    @Test
    void aRowAnotherRelayHasPutBackForItsBackoffIsNotClaimedByARelayThatSawItDueBefore() throws Exception {
        Instant now = tick(Duration.ofSeconds(1));
        OutgoingMail notice = Mails.notice(unique("late-claim"), "partner@example.org", "consultation:late-claim");
        outbox.enqueue(notice);
        Instant until = now.plus(settings.lease());
        // Relay A reads what is due ...
        List<Long> seenByA = repository.findDueIds(now, now, 1000);
        // ... relay B claims the same row, is refused, and puts it back for after its back-off ...
        List<OutboxMessage> claimedByB = store.claimDue(now, now, until, 1000);
        OutboxMessage row = claimedByB.stream().filter(m -> m.messageId().equals(notice.messageId())).findFirst()
                .orElseThrow();
        claimedByB.stream().filter(m -> m != row).forEach(store::release);
        store.markRetry(row, 1, now.plus(settings.backoffAfter(1)), "421 4.3.2 Service not available", now);
        assertThat(seenByA).contains(row.id());

        // ... and then relay A comes to its claim.
        assertThat(repository.claim(List.of(row.id()), now, now, until, "relay-a")).as("claimed again before its back-off")
                .isZero();
        MailState state = outbox.states(List.of(notice.messageId())).get(notice.messageId());
        assertThat(state.attempts()).isEqualTo(1);
        assertThat(state.nextAttemptAt()).isEqualTo(now.plus(settings.backoffAfter(1)));

        tick(settings.backoffAfter(1));
        relay.deliverDue();
        assertThat(received(notice.messageId(), 1)).hasSize(1);
    }

    @Test
    void aRecipientTheServerRefusesForGoodIsParkedFailedWithTheReasonAndTheOthersGo() throws Exception {
        Instant now = tick(Duration.ofSeconds(1));
        OutgoingMail refused = Mails.notice(unique("refused"), "nobody@refused.example", "consultation:refused");
        OutgoingMail invalid = Mails.notice(unique("invalid"), "partner at example.org", "consultation:refused");
        OutgoingMail fine = Mails.notice(unique("fine"), "partner@example.org", "consultation:refused");
        tx.executeWrite(status -> {
            outbox.enqueue(refused);
            outbox.enqueue(invalid);
            outbox.enqueue(fine);
            return null;
        });
        // GreenMail accepts every recipient: this sender answers for refused.example as a server would (550).
        MailRelay refusing = new MailRelay(store, new RefusingSender(sender, "refused.example"), clock, clock, settings);

        MailRelay.Delivery delivery = refusing.deliverDue();

        assertThat(delivery.failed()).isGreaterThanOrEqualTo(2);
        Map<String, MailState> states = outbox.states(List.of(refused.messageId(), invalid.messageId(),
                fine.messageId()));
        assertThat(states.get(refused.messageId())).satisfies(s -> {
            assertThat(s.status()).isEqualTo(MailStatus.FAILED);
            assertThat(s.attempts()).isEqualTo(1);
            assertThat(s.lastError()).contains("550").contains("Recipient address rejected");
        });
        assertThat(states.get(invalid.messageId())).satisfies(s -> {
            assertThat(s.status()).isEqualTo(MailStatus.FAILED);
            assertThat(s.lastError()).isNotBlank();
        });
        assertThat(states.get(fine.messageId()).status()).isEqualTo(MailStatus.SENT);
        assertThat(states.get(fine.messageId()).sentAt()).isEqualTo(now);
        assertThat(received(fine.messageId(), 1)).hasSize(1);
        assertThat(receivedNow(refused.messageId())).isEmpty();

        assertThat(outbox.requeue(refused.messageId())).isTrue();
        assertThat(outbox.states(List.of(refused.messageId())).get(refused.messageId()))
                .satisfies(s -> assertThat(s.status()).isEqualTo(MailStatus.QUEUED));
        relay.deliverDue();
        assertThat(received(refused.messageId(), 1)).hasSize(1);
    }

    @Test
    void theRelayRunsAsDueWorkAfterTheWorkThatQueuesMail() {
        tick(Duration.ofSeconds(1));
        OutgoingMail notice = Mails.notice(unique("due-work"), "partner@example.org", "consultation:due");
        outbox.enqueue(notice);

        assertThat(dueWork).last().isSameAs(serviceRelay);
        assertThat(serviceRelay.runDue()).startsWith("sent ");
        assertThat(outbox.states(List.of(notice.messageId())).get(notice.messageId()).status())
                .isEqualTo(MailStatus.SENT);
    }

    /** Moves the sim clock forward and returns the new time. */
    private Instant tick(Duration by) {
        SimClock sim = (SimClock) clock;
        // Whole milliseconds: the database keeps microseconds, and the times read back must compare equal.
        Instant now = sim.instant().plus(by).truncatedTo(ChronoUnit.MILLIS);
        sim.set(now);
        return now;
    }

    private static List<OutgoingMail> notices(String what, int n, String reference) {
        List<OutgoingMail> notices = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < n; i++) {
            notices.add(Mails.notice(what + "." + run + "." + i + "@tracker.example", "partner" + i + "@example.org",
                    reference));
        }
        return notices;
    }

    private static String unique(String what) {
        return what + "." + UUID.randomUUID() + "@tracker.example";
    }

    private static List<String> ids(List<OutgoingMail> mails) {
        return mails.stream().map(OutgoingMail::messageId).toList();
    }

    /** The copies of a message that arrived, waiting up to 5 s for {@code expected} of them. */
    private List<MimeMessage> received(String messageId, int expected) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<MimeMessage> copies = receivedNow(messageId);
        while (copies.size() < expected && System.nanoTime() < until) {
            Thread.sleep(20);
            copies = receivedNow(messageId);
        }
        return copies;
    }

    private List<MimeMessage> receivedNow(String messageId) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return ("<" + messageId + ">").equals(Mails.messageId(m));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }


    /** The real sender, except that a recipient in {@code domain} is refused as an SMTP server refuses it. */
    private record RefusingSender(MailSender real, String domain) implements MailSender {
        @Override
        public Connection open() throws MessagingException {
            Connection connection = real.open();
            return new Connection() {
                @Override
                public void send(OutgoingMail mail, Instant date) throws MessagingException {
                    if (mail.to().endsWith("@" + domain)) {
                        throw MailFailuresTest.refusedRecipient(550, "5.1.1 <" + mail.to()
                                + ">: Recipient address rejected: User unknown");
                    }
                    connection.send(mail, date);
                }

                @Override
                public void close() {
                    connection.close();
                }
            };
        }

        @Override
        public String describe() {
            return "refusing " + real.describe();
        }
    }

}
