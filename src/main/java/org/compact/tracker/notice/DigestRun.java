package org.compact.tracker.notice;

import jakarta.inject.Singleton;
import org.compact.tracker.clock.DueWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

/**
 * The weekly digest run (the {@code weekly digest} job, {@code tracker.digest.day} at {@code tracker.digest.time}):
 * every contact with items held until the last digest time gets one digest of them. It reads the contacts a page at
 * a time and sends each in a transaction of its own, so it never holds them all. Any run sends whatever is due: a run
 * missed while the service was down is caught up by the next one (Quartz runs a missed run once at start), and runs
 * on two nodes at once send each item once (the claim).
 */
@Singleton
class DigestRun implements DueWork {
    static final String NAME = "weekly digest";
    private static final Logger LOG = LoggerFactory.getLogger(DigestRun.class);
    private static final int PAGE = 500;

    private final Digests digests;

    DigestRun(Digests digests) {
        this.digests = digests;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Before the mail relay, so that a step of the sim clock also delivers the digests it queued. */
    @Override
    public int order() {
        return 90;
    }

    @Override
    public String runDue() {
        Instant cutoff = digests.dueBy();
        long afterOrganisation = -1;
        String afterEmail = "";
        int sent = 0;
        int items = 0;
        int failed = 0;
        while (true) {
            List<DigestItemRepository.Pending> page = digests.pending(cutoff, afterOrganisation, afterEmail, PAGE);
            for (DigestItemRepository.Pending p : page) {
                try {
                    int n = digests.send(p.organisationId(), p.email(), cutoff);
                    if (n > 0) {
                        sent++;
                        items += n;
                    }
                } catch (RuntimeException e) {
                    // Left waiting: the next run sends them (a lock held by another node's run, a database hiccup).
                    failed++;
                    LOG.warn("The digest to a contact of organisation {} could not be queued; it goes at the next run",
                            p.organisationId(), e);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            DigestItemRepository.Pending last = page.get(page.size() - 1);
            afterOrganisation = last.organisationId();
            afterEmail = last.email();
        }
        return sent + " digests of " + items + " items queued" + (failed > 0 ? ", " + failed + " left for the next run" : "");
    }
}
