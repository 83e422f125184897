package org.compact.tracker.scheduling;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.compact.tracker.support.World;
import org.compact.tracker.support.TestSmtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A notice leaves within moments of the click: the commit that queued it wakes the relay. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailWakeIT implements TestPropertyProvider {
    @RegisterExtension
    static TestSmtp smtp = TestSmtp.onFreePort();

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        // The relay's own tick is an hour away: only the wake after commit can deliver within the test.
        return smtp.serviceProperties("tracker.jobs.mail-relay.every-seconds", "3600");
    }

    @Test
    void notifyingWakesTheRelayAtOnce() throws Exception {
        World world = World.create(client);
        Thread.sleep(1500);
        long id = world.register(world.consultation(LocalDate.now().plusMonths(2)));
        assertEquals(200, world.officer.post("/api/consultations/" + id + "/notify").status());
        assertTrue(smtp.waitForIncomingEmail(10_000, 2), "the two Ordsall contacts got their notices within 10 s");
    }

}
