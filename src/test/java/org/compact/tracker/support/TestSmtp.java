package org.compact.tracker.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import java.util.HashMap;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) on a free loopback port, one for the whole test class, and the settings that point
 * the service at it. Register it with {@code @RegisterExtension static TestSmtp smtp = TestSmtp.onFreePort();}.
 */
public final class TestSmtp extends GreenMailExtension {
    private final int port;

    private TestSmtp(int port) {
        super(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        withPerMethodLifecycle(false);
        this.port = port;
    }

    public static TestSmtp onFreePort() {
        return new TestSmtp(Ports.free());
    }

    public int port() {
        return port;
    }

    /** {@code tracker.mail.smtp.host} and {@code .port} for this server, then {@code more} as key, value, key, value. */
    public Map<String, String> serviceProperties(String... more) {
        if (more.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values in pairs: " + String.join(", ", more));
        }
        Map<String, String> props = new HashMap<>();
        props.put("tracker.mail.smtp.host", "127.0.0.1");
        props.put("tracker.mail.smtp.port", String.valueOf(port));
        for (int i = 0; i < more.length; i += 2) {
            props.put(more[i], more[i + 1]);
        }
        return Map.copyOf(props);
    }
}
