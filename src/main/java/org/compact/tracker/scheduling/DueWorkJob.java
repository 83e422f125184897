package org.compact.tracker.scheduling;

import org.compact.tracker.clock.DueWork;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

/**
 * The one Quartz job class: runs the {@link DueWork} named in its job data. Concurrent runs of the same job are
 * refused (a slow run is never overtaken by the next); each run is idempotent, so a run repeated after a crash
 * (recovery is requested) does no harm. Runs are recorded in {@code job_run} (the every-few-seconds mail relay is
 * not, to keep the table small). Wall-clock times are recorded: they say when the machine ran the job.
 */
@DisallowConcurrentExecution
@io.micronaut.context.annotation.Prototype
class DueWorkJob implements Job {
    static final String WORK = "work";
    private static final Logger LOG = LoggerFactory.getLogger(DueWorkJob.class);

    private final List<DueWork> work;
    private final JobRunRepository runs;

    DueWorkJob(List<DueWork> work, JobRunRepository runs) {
        this.work = work;
        this.runs = runs;
    }

    private static String instance(JobExecutionContext context) {
        try {
            return context.getScheduler().getSchedulerInstanceId();
        } catch (org.quartz.SchedulerException e) {
            return "unknown";
        }
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String name = context.getMergedJobDataMap().getString(WORK);
        DueWork due = work.stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new JobExecutionException("No work named " + name));
        boolean quiet = "mail relay".equals(name);
        JobRun run = quiet ? null : runs.save(new JobRun(null, name, instance(context), context.getScheduledFireTime().toInstant(),
                Instant.now(), null, null));
        try {
            String result = due.runDue();
            LOG.debug("{}: {}", name, result);
            if (run != null) {
                runs.update(new JobRun(run.id(), name, run.node(), run.fireTime(), run.startedAt(), Instant.now(), result));
            }
        } catch (RuntimeException e) {
            LOG.error("{} failed; it runs again at its next time", name, e);
            if (run != null) {
                runs.update(new JobRun(run.id(), name, run.node(), run.fireTime(), run.startedAt(), Instant.now(),
                        "failed: " + e.getMessage()));
            }
            throw new JobExecutionException(e, false);
        }
    }
}
