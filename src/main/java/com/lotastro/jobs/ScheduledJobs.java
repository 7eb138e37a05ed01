package com.lotastro.jobs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * The Quartz schedule of every job in the {@link JobCatalog}, in the clustered JDBC store: each fire runs on one
 * instance, and {@link ClusteredJob} keeps a job from running twice at once anywhere in the cluster. At start-up the
 * store is brought in line with the catalog and the configured schedules (a changed schedule replaces its trigger, a
 * job no longer in the catalog is removed); instances that start together leave the same result.
 */
@ApplicationScoped
public class ScheduledJobs {
    static final String GROUP = "lotastro";
    /** Where jobs declared with {@code @Scheduled} were kept before; their records are removed. */
    private static final String FORMER_GROUP = "io.quarkus.scheduler.Scheduler";
    private static final Logger LOG = Logger.getLogger(ScheduledJobs.class);

    @Inject
    Scheduler quartz;

    @Inject
    JobCatalog catalog;

    void schedule(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                Set<String> names = catalog.all().stream().map(JobDefinition::name).collect(Collectors.toSet());
                for (JobDefinition job : catalog.all()) {
                    quartz.deleteJob(JobKey.jobKey(job.name(), FORMER_GROUP));
                    schedule(job);
                }
                for (JobKey key : quartz.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
                    if (!names.contains(key.getName())) {
                        quartz.deleteJob(key);
                        LOG.infof("Job %s is no longer in the catalog; its schedule was removed", key.getName());
                    }
                }
            } catch (SchedulerException e) {
                throw new IllegalStateException("The job schedules could not be stored in Quartz", e);
            }
        });
    }

    private void schedule(JobDefinition job) throws SchedulerException {
        JobKey key = JobKey.jobKey(job.name(), GROUP);
        JobDetail stored = quartz.getJobDetail(key);
        Trigger trigger = quartz.getTrigger(triggerKey(job.name()));
        if (stored != null && stored.getJobClass() == ClusteredJob.class && trigger instanceof CronTrigger cron
                && cron.getCronExpression().equals(job.schedule())) {
            return;
        }
        JobDetail detail = JobBuilder.newJob(ClusteredJob.class)
                .withIdentity(key)
                .withDescription(job.description())
                .storeDurably()
                .build();
        Trigger next = TriggerBuilder.newTrigger()
                .withIdentity(triggerKey(job.name()))
                .forJob(key)
                .withSchedule(CronScheduleBuilder.cronSchedule(job.schedule()))
                .build();
        quartz.scheduleJob(detail, Set.of(next), true);
        LOG.infof("Job %s scheduled: %s", job.name(), job.schedule());
    }

    /** When the job fires next, or null when it has no schedule (yet). */
    Instant nextFire(String name) {
        try {
            Trigger trigger = quartz.getTrigger(triggerKey(name));
            return trigger == null || trigger.getNextFireTime() == null ? null : trigger.getNextFireTime().toInstant();
        } catch (SchedulerException e) {
            LOG.warnf(e, "Could not read the schedule of job %s", name);
            return null;
        }
    }

    private static TriggerKey triggerKey(String name) {
        return TriggerKey.triggerKey(name, GROUP);
    }
}
