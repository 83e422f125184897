package org.compact.tracker.scheduling;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;

/**
 * Runs Quartz with its JDBC job store in the service's database (tables made by Flyway), jobs built by the
 * Micronaut context. Cron jobs that misfired while the service was down run once when it starts again; the mail
 * relay's interval trigger simply carries on. Set {@code tracker.jobs.enabled=false} to run without jobs.
 */
@Singleton
@Requires(property = "tracker.jobs.enabled", notEquals = "false")
public class QuartzScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(QuartzScheduler.class);
    static final String GROUP = "tracker";

    private final Scheduler scheduler;
    private final Schedule schedule;
    private final JobRunRepository runs;
    private final ZoneId zone;
    private final ApplicationContext context;
    private final Duration startDelay;
    private boolean stopped;
    private Thread starter;
    /** Set once the jobs exist and Quartz runs: until then there is nothing to run now (see {@link #runNow}). */
    private volatile boolean started;

    QuartzScheduler(ApplicationContext context, DataSource dataSource, Schedule schedule, JobRunRepository runs,
                    @Value("${tracker.zone:Europe/London}") String zone,
                    @Value("${tracker.jobs.scheduler-name:consultation-tracker}") String name,
                    @Value("${tracker.cluster.enabled:false}") boolean clustered,
                    @Value("${tracker.jobs.threads:3}") int threads,
                    @Value("${tracker.jobs.start-delay:1s}") Duration startDelay) throws SchedulerException {
        if (startDelay.isNegative()) {
            throw new IllegalArgumentException("tracker.jobs.start-delay must not be negative: " + startDelay);
        }
        this.context = context;
        this.startDelay = startDelay;
        this.schedule = schedule;
        this.runs = runs;
        this.zone = ZoneId.of(zone);
        // Quartz manages its own transactions: give it the pool itself, not Micronaut's contextual proxy.
        DataSource pool = DelegatingDataSource.unwrapDataSource(dataSource);
        String provider = "tracker-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(provider, new PoolProvider(pool));
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", name);
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(threads));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", provider);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", String.valueOf(clustered));
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        // Without this about 1% of firings ran twice on a two-node cluster (shared DEPENDENCIES.md, trap 10).
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        StdSchedulerFactory factory = new StdSchedulerFactory(p);
        this.scheduler = factory.getScheduler();
        // Quartz keeps schedulers in a JVM-wide registry by name, and hands an existing one to the next factory:
        // each application context must have its own (two nodes of a cluster share a name but not a scheduler).
        org.quartz.impl.SchedulerRepository.getInstance().remove(name);
        scheduler.setJobFactory((bundle, s) -> context.createBean(bundle.getJobDetail().getJobClass()));
    }

    /**
     * Starts the jobs on a thread of their own, {@code tracker.jobs.start-delay} (default 1 s) after the application
     * context, by when the server listens: Quartz's recovery and the jobs' first runs (the mail relay's at once) then
     * do not compete for the processor with the server's own start, which on two cores cost about 5% of the time to
     * the first answer (docs/performance.md). Nothing waits for it: a due job runs once it is started (a cron job
     * missed meanwhile runs then, as after any restart; queued mail waits for the relay's first run, at most the delay
     * and one relay interval), and a stop ends the wait or waits for a start in progress. If it cannot start, the
     * service stops, as a failed start did before.
     */
    @EventListener
    void onStartup(StartupEvent event) {
        Thread thread = new Thread(() -> {
            try {
                if (!startDelay.isZero()) {
                    Thread.sleep(startDelay.toMillis());
                }
                begin();
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } catch (SchedulerException | RuntimeException e) {
                LOG.error("The scheduler could not start; stopping the service", e);
                context.close();
            }
        }, "scheduler-start");
        thread.setDaemon(true);
        synchronized (this) {
            if (stopped) {
                return;
            }
            starter = thread;
        }
        thread.start();
    }

    void begin() throws SchedulerException {
        synchronized (this) {
            if (stopped) {
                return;
            }
            for (Schedule.Entry entry : schedule.entries()) {
                ensure(entry);
            }
            scheduler.start();
            started = true;
        }
        LOG.info("Scheduler started: {}", schedule.entries());
    }

    /** Creates the job and trigger if missing; replaces the trigger only if its schedule changed (keeping misfires). */
    private void ensure(Schedule.Entry entry) throws SchedulerException {
        JobKey jobKey = JobKey.jobKey(entry.work(), GROUP);
        TriggerKey triggerKey = TriggerKey.triggerKey(entry.work(), GROUP);
        JobDetail job = JobBuilder.newJob(DueWorkJob.class).withIdentity(jobKey).usingJobData(DueWorkJob.WORK, entry.work())
                .requestRecovery(true).storeDurably(true).build();
        Trigger wanted = trigger(entry, triggerKey);
        Trigger existing = scheduler.getTrigger(triggerKey);
        if (existing != null && scheduler.getTriggerState(triggerKey) == Trigger.TriggerState.ERROR) {
            // A job that could not be built (e.g. by an older release) leaves its trigger in ERROR for good.
            scheduler.resetTriggerFromErrorState(triggerKey);
        }
        if (existing != null && sameSchedule(existing, entry)) {
            return;
        }
        scheduler.addJob(job, true);
        if (existing == null) {
            try {
                scheduler.scheduleJob(wanted);
            } catch (ObjectAlreadyExistsException storedByAnotherNode) {
                // Nodes of a cluster starting at once on a new database both find no trigger; the first to store it
                // wins, and this node keeps it when it has the same schedule (it is the same configuration).
                Trigger stored = scheduler.getTrigger(triggerKey);
                if (stored != null && !sameSchedule(stored, entry)) {
                    scheduler.rescheduleJob(triggerKey, wanted);
                }
            }
        } else {
            scheduler.rescheduleJob(triggerKey, wanted);
        }
    }

    private Trigger trigger(Schedule.Entry entry, TriggerKey key) {
        TriggerBuilder<Trigger> builder = TriggerBuilder.newTrigger().withIdentity(key).forJob(entry.work(), GROUP);
        if (entry.cron() != null) {
            return builder.withSchedule(CronScheduleBuilder.cronSchedule(entry.cron())
                    .inTimeZone(TimeZone.getTimeZone(zone)).withMisfireHandlingInstructionFireAndProceed()).build();
        }
        return builder.withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(entry.everySeconds())
                .withMisfireHandlingInstructionNextWithRemainingCount()).startNow().build();
    }

    private boolean sameSchedule(Trigger existing, Schedule.Entry entry) {
        if (existing instanceof CronTrigger cron) {
            return Objects.equals(cron.getCronExpression(), entry.cron());
        }
        return entry.cron() == null && existing instanceof org.quartz.SimpleTrigger simple
                && simple.getRepeatInterval() == entry.everySeconds() * 1000L;
    }

    /**
     * Runs a job now (outside its schedule), e.g. to wake the mail relay after a fan-out. Before the scheduler has
     * started (mail queued while the service starts, as the demo data does) there is no job to trigger yet: it runs
     * on its own schedule once the scheduler starts.
     */
    public void runNow(String work) {
        if (!started) {
            LOG.debug("The scheduler is not started yet; {} runs at its next time", work);
            return;
        }
        try {
            scheduler.triggerJob(JobKey.jobKey(work, GROUP));
        } catch (SchedulerException e) {
            LOG.warn("Could not trigger {} now; it runs at its next time", work, e);
        }
    }

    Scheduler scheduler() {
        return scheduler;
    }

    /** A job as operators see it: its schedule, when it runs next and ran last, and its recent runs. */
    @io.micronaut.serde.annotation.Serdeable
    public record JobStatus(String work, String schedule, java.time.Instant nextFire, java.time.Instant previousFire,
                            String state, java.util.List<JobRun> recentRuns) {
    }

    public java.util.List<JobStatus> status() {
        java.util.List<JobStatus> all = new java.util.ArrayList<>();
        for (Schedule.Entry entry : schedule.entries()) {
            try {
                TriggerKey key = TriggerKey.triggerKey(entry.work(), GROUP);
                Trigger t = scheduler.getTrigger(key);
                all.add(new JobStatus(entry.work(), entry.cron() != null ? "cron " + entry.cron() + " (" + zone + ")"
                        : "every " + entry.everySeconds() + " s",
                        t == null || t.getNextFireTime() == null ? null : t.getNextFireTime().toInstant(),
                        t == null || t.getPreviousFireTime() == null ? null : t.getPreviousFireTime().toInstant(),
                        scheduler.getTriggerState(key).name(), runs.findTop20ByWorkOrderByIdDesc(entry.work())));
            } catch (SchedulerException e) {
                throw new IllegalStateException(e);
            }
        }
        return all;
    }

    /** Stops Quartz when the service begins to stop, before the connection pool it uses is closed. */
    @EventListener
    void onShutdown(io.micronaut.context.event.ShutdownEvent event) throws SchedulerException {
        stop();
    }

    @PreDestroy
    void stop() throws SchedulerException {
        synchronized (this) {
            // Waits for a start in progress (begin holds the lock); one that has not begun yet never will.
            stopped = true;
            if (starter != null && !started) {
                starter.interrupt();
            }
        }
        if (!scheduler.isShutdown()) {
            scheduler.shutdown(true);
        }
    }

    /** Hands Quartz connections from the service's pool. */
    private record PoolProvider(DataSource pool) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return pool.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool belongs to the service and is closed with it
        }

        @Override
        public void initialize() {
            // nothing to prepare
        }
    }
}
