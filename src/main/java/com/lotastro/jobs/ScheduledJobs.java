package com.lotastro.jobs;

import com.lotastro.email.SmtpRelay;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The Quartz triggers (clustered JDBC store: each fire runs on one instance). Thin on purpose: each calls the
 * runner, which calls the job's one service method.
 */
@ApplicationScoped
public class ScheduledJobs {
    @Inject
    JobRunner runner;

    @Scheduled(identity = JobCatalog.ETA_REMINDERS, cron = "{lotastro.jobs.eta-reminders.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void etaReminders() {
        runner.runForEveryOrganization(JobCatalog.ETA_REMINDERS);
    }

    @Scheduled(identity = JobCatalog.EMAIL_DELIVERY, cron = "{lotastro.jobs.email-delivery.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = SmtpRelay.class)
    void emailDelivery() {
        runner.runForEveryOrganization(JobCatalog.EMAIL_DELIVERY);
    }

    @Scheduled(identity = JobCatalog.HOLD_EXPIRY, cron = "{lotastro.jobs.hold-expiry.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void holdExpiry() {
        runner.runForEveryOrganization(JobCatalog.HOLD_EXPIRY);
    }

    @Scheduled(identity = JobCatalog.IDEMPOTENCY_KEY_CLEANUP, cron = "{lotastro.jobs.idempotency-key-cleanup.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void idempotencyKeyCleanup() {
        runner.runForEveryOrganization(JobCatalog.IDEMPOTENCY_KEY_CLEANUP);
    }
}
