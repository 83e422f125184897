package org.compact.tracker.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.compact.tracker.mail.MailStatus;
import org.compact.tracker.mail.Outbox;
import org.compact.tracker.security.Role;
import org.compact.tracker.support.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The outbox, for operators: how much mail is waiting, sent and given up; and, after an SMTP outage longer than the
 * retries (about five hours with the defaults) or a fixed mailbox, putting given-up mail back in the queue. A message
 * put back is sent with its Message-ID unchanged, so a recipient's mail program still sees one message.
 */
@Controller("/api/mail")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Mail")
@ApiContract.SignedIn
class MailApiController {
    private static final Logger LOG = LoggerFactory.getLogger(MailApiController.class);

    private final Outbox outbox;

    MailApiController(Outbox outbox) {
        this.outbox = outbox;
    }

    /** How many messages of the whole outbox are QUEUED, SENT and FAILED. */
    @Serdeable
    record Counts(long queued, long sent, long failed) {
    }

    /** How many messages were put back in the queue. */
    @Serdeable
    record Requeued(int requeued) {
    }

    @Get
    @Secured({Role.ADMIN_NAME, Role.MONITOR_NAME})
    @Operation(operationId = "getMailCounts", summary = "How much mail is waiting, sent and given up (FAILED)")
    Counts counts() {
        Map<MailStatus, Long> counts = outbox.counts();
        return new Counts(counts.getOrDefault(MailStatus.QUEUED, 0L), counts.getOrDefault(MailStatus.SENT, 0L),
                counts.getOrDefault(MailStatus.FAILED, 0L));
    }

    @Post("/requeue")
    @Secured(Role.ADMIN_NAME)
    @Operation(operationId = "requeueMail",
            summary = "Put given-up (FAILED) mail back in the queue: one message (messageId) or all of it")
    @ApiContract.NotFound
    @ApiContract.Invalid
    Requeued requeue(Authentication auth, @Nullable @QueryValue @Size(max = 300) String messageId) {
        int requeued;
        if (messageId != null) {
            if (!outbox.requeue(messageId)) {
                throw Refusal.notFound("failed message", messageId);
            }
            requeued = 1;
        } else {
            requeued = outbox.requeueAllFailed();
        }
        LOG.info("{} put {} failed message(s) back in the queue{}", auth.getName(), requeued,
                messageId == null ? "" : ": " + messageId);
        return new Requeued(requeued);
    }
}
