package org.compact.tracker.mail;

import org.compact.tracker.support.Ports;
import org.compact.tracker.support.TcpProxy;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SMTP sender against GreenMail on a free loopback port, a server that goes away, and one that stalls. */
class SmtpMailSenderTest {
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private final int port = Ports.free();
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : cleanup) {
            c.close();
        }
    }

    private GreenMail smtp() {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        cleanup.add(greenMail::stop);
        return greenMail;
    }

    private SmtpMailSender sender(Duration timeouts) throws Exception {
        return sender(port, timeouts);
    }

    private SmtpMailSender sender(int port, Duration timeouts) throws Exception {
        return new SmtpMailSender(new SmtpMailSender.Settings("127.0.0.1", port, null, null, false, false, timeouts,
                timeouts, timeouts), new InternetAddress("consultations@tracker.example"));
    }

    @Test
    void aWholeBatchGoesOverOneConnection() throws Exception {
        GreenMail greenMail = smtp();
        TcpProxy proxy = new TcpProxy(port);
        cleanup.add(proxy);
        SmtpMailSender sender = sender(proxy.port(), Duration.ofSeconds(5));

        try (MailSender.Connection connection = sender.open()) {
            for (int i = 0; i < 20; i++) {
                connection.send(Mails.notice("batch." + i + "@tracker.example", "p" + i + "@example.org", null), AT);
            }
        }

        assertThat(greenMail.getReceivedMessages()).hasSize(20);
        assertThat(proxy.connections()).isEqualTo(1);
    }

    @Test
    void theServerAcceptsAMessageOnlyAfterItsBeforeAcceptReturnedHavingReceivedTheWholeMessageBefore() throws Exception {
        GreenMail greenMail = smtp();
        SmtpMailSender sender = sender(Duration.ofSeconds(5));
        List<Integer> receivedWhenAsked = new ArrayList<>();

        try (MailSender.Connection connection = sender.open()) {
            for (int i = 0; i < 3; i++) {
                connection.send(Mails.notice("held." + i + "@tracker.example", "p" + i + "@example.org", null), AT,
                        () -> {
                            // Give the server every chance to take the message early if it could.
                            try {
                                Thread.sleep(100);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            receivedWhenAsked.add(greenMail.getReceivedMessages().length);
                        });
            }
        }

        assertThat(receivedWhenAsked).containsExactly(0, 1, 2);
        assertThat(greenMail.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aMessageWhoseBeforeAcceptFailsIsNeverDeliveredAndTheNextOneIs() throws Exception {
        GreenMail greenMail = smtp();
        SmtpMailSender sender = sender(Duration.ofSeconds(5));

        try (MailSender.Connection connection = sender.open()) {
            assertThatThrownBy(() -> connection.send(Mails.notice("abandoned@tracker.example", "p@example.org", null),
                    AT, () -> {
                        throw new IOException("the previous outcome could not be recorded");
                    })).isInstanceOf(MessagingException.class);
            connection.send(Mails.notice("next@tracker.example", "q@example.org", null), AT);
        }

        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(greenMail.getReceivedMessages()[0].getMessageID()).isEqualTo("<next@tracker.example>");
    }

    @Test
    void aConnectionThatDroppedMidBatchIsOpenedAgainOnceForTheNextMessage() throws Exception {
        GreenMail greenMail = smtp();
        TcpProxy proxy = new TcpProxy(port);
        cleanup.add(proxy);
        SmtpMailSender sender = sender(proxy.port(), Duration.ofSeconds(5));

        try (MailSender.Connection connection = sender.open()) {
            connection.send(Mails.notice("before@tracker.example", "p@example.org", null), AT);
            proxy.cut();
            // The message in hand when the connection broke fails (the relay tries it again after its back-off)…
            assertThatThrownBy(() -> connection.send(Mails.notice("lost@tracker.example", "p@example.org", null), AT))
                    .isInstanceOf(MessagingException.class)
                    .satisfies(e -> assertThat(MailFailures.classify(e)).isEqualTo(MailFailures.Kind.TEMPORARY));
            // …and the next ones go over one new connection.
            connection.send(Mails.notice("after.1@tracker.example", "p@example.org", null), AT);
            connection.send(Mails.notice("after.2@tracker.example", "p@example.org", null), AT);
        }

        assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(SmtpMailSenderTest::messageId))
                .containsExactly("<before@tracker.example>", "<after.1@tracker.example>", "<after.2@tracker.example>");
        assertThat(proxy.connections()).isEqualTo(2);
    }

    @Test
    void aConnectionThatDropsAgainRightAfterReconnectingMeansTheServerIsUnreachable() throws Exception {
        smtp();
        TcpProxy proxy = new TcpProxy(port);
        cleanup.add(proxy);
        SmtpMailSender sender = sender(proxy.port(), Duration.ofSeconds(5));

        try (MailSender.Connection connection = sender.open()) {
            proxy.dropEveryMessage();
            assertThatThrownBy(() -> connection.send(Mails.notice("a@tracker.example", "p@example.org", null), AT))
                    .satisfies(e -> assertThat(MailFailures.classify(e)).isEqualTo(MailFailures.Kind.TEMPORARY));
            assertThatThrownBy(() -> connection.send(Mails.notice("b@tracker.example", "p@example.org", null), AT))
                    .satisfies(e -> assertThat(MailFailures.classify(e)).isEqualTo(MailFailures.Kind.TEMPORARY));
            assertThatThrownBy(() -> connection.send(Mails.notice("c@tracker.example", "p@example.org", null), AT))
                    .isInstanceOf(MailSender.Unreachable.class);
        }
        assertThat(proxy.connections()).isEqualTo(2);
    }

    @Test
    void aServerThatIsNotThereIsUnreachable() throws Exception {
        SmtpMailSender sender = sender(Duration.ofSeconds(2));

        assertThatThrownBy(sender::open).isInstanceOf(MailSender.Unreachable.class)
                .hasMessageContaining("127.0.0.1:" + port)
                .satisfies(e -> assertThat(MailFailures.classify(e)).isEqualTo(MailFailures.Kind.UNREACHABLE));
    }

    @Test
    void aServerThatStallsFailsAfterTheTimeoutInsteadOfHangingTheRelay() throws Exception {
        ServerSocket stalled = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        cleanup.add(stalled);
        List<Socket> accepted = new ArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (!stalled.isClosed()) {
                    accepted.add(stalled.accept()); // never says a word
                }
            } catch (IOException ignored) {
                // closed
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        SmtpMailSender sender = sender(Duration.ofMillis(500));

        long start = System.nanoTime();
        assertThatThrownBy(sender::open).isInstanceOf(MailSender.Unreachable.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        for (Socket s : accepted) {
            s.close();
        }
    }

    private static String messageId(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

}
