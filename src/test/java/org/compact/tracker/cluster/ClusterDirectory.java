package org.compact.tracker.cluster;

import org.compact.tracker.support.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Fills the shared directory for the cluster tests through both nodes at once. */
final class ClusterDirectory {
    private ClusterDirectory() {
    }

    /**
     * {@code count} organisations named "{@code area} group i", each with {@code contactsEach} contacts
     * ("contact j@group i.example"), all in {@code area}; half created through each node, at the same time.
     */
    static void createOrganisations(Api onFirst, Api onSecond, int count, int contactsEach, String area)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int half = 0; half < 2; half++) {
                Api api = half == 0 ? onFirst : onSecond;
                int from = half;
                done.add(pool.submit(() -> {
                    for (int i = from; i < count; i += 2) {
                        List<String> emails = new ArrayList<>();
                        for (int j = 0; j < contactsEach; j++) {
                            emails.add("contact" + j + "@group" + i + ".example");
                        }
                        Api.Reply r = api.post("/api/organisations", Map.of("name", area + " group " + i,
                                "kind", "COMMUNITY_GROUP", "emails", emails, "areas", List.of(area),
                                "interests", List.of("housing"), "communities", List.of("CARERS")));
                        assertEquals(201, r.status(), r::toString);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
