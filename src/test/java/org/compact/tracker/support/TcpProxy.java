package org.compact.tracker.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of a test SMTP server: counts the connections made through it and the messages
 * begun over them (MAIL FROM), can cut every open connection, as a network or a server restart would, and can
 * refuse service for as long as asked, as a mail server that is down for maintenance does.
 */
public final class TcpProxy implements AutoCloseable {
    /** What an SMTP server that will not take mail now answers on connect (RFC 5321, 3.8). */
    private static final byte[] REFUSAL = "421 4.3.2 Service not available, closing transmission channel\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final int targetPort;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger messagesBegun = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean dropOnMail;
    private volatile boolean refusing;

    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tcp-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections passed through to the server. */
    public int connections() {
        return connections.get();
    }

    /** Connections answered with 421 while refusing. */
    public int refused() {
        return refused.get();
    }

    /** Messages clients began through this proxy (MAIL FROM commands passed on to the server). */
    public int messagesBegun() {
        return messagesBegun.get();
    }

    /** Closes every connection open through the proxy; new ones are still accepted. */
    public void cut() throws IOException {
        for (Socket s : open) {
            s.close();
        }
        open.clear();
    }

    /** From now on, cuts any connection whose client starts a message (MAIL FROM), as a failing server would. */
    public void dropEveryMessage() {
        dropOnMail = true;
    }

    /**
     * From now on, answers every new connection "421 Service not available" and closes it, and cuts the connections
     * already open: the server is there but takes no mail, until {@link #restore()}.
     */
    public void refuse() throws IOException {
        refusing = true;
        cut();
    }

    /** Passes connections through to the server again. */
    public void restore() {
        refusing = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (refusing) {
                    refused.incrementAndGet();
                    try (client) {
                        client.getOutputStream().write(REFUSAL);
                        client.getOutputStream().flush();
                    } catch (IOException e) {
                        // the client went first
                    }
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                connections.incrementAndGet();
                open.add(client);
                open.add(upstream);
                pump(client, upstream, true);
                pump(upstream, client, false);
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (fromClient) {
                        String chunk = new String(buffer, 0, n, StandardCharsets.US_ASCII);
                        if (chunk.startsWith("MAIL FROM") || chunk.contains("\nMAIL FROM")) {
                            if (dropOnMail) {
                                break;
                            }
                            messagesBegun.incrementAndGet();
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
                open.remove(from);
                open.remove(to);
            }
        });
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        cut();
    }
}
