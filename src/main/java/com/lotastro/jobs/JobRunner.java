package com.lotastro.jobs;

import com.lotastro.access.OrganizationDirectory;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.jobs.JobSummary;
import com.lotastro.shared.security.CallerContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/**
 * Runs jobs and records every run. A scheduled fire runs the job once per organization, each acting as
 * {@code job:<name>} in that organization; a manual trigger runs it for the caller's organization only. A job never
 * runs twice at once for one organization, on any instance ({@link JobLocks}): a manual trigger meanwhile is refused
 * (409 {@code job_already_running}), a scheduled fire skips that organization until its next fire.
 */
@ApplicationScoped
public class JobRunner {
    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    static final String SCHEDULED = "scheduled";
    static final String MANUAL = "manual";

    @Inject
    JobCatalog catalog;

    @Inject
    JobRuns runs;

    @Inject
    OrganizationDirectory organizations;

    @Inject
    CallerContext caller;

    @Inject
    Scheduler quartz;

    @Inject
    JobLocks locks;

    @ActivateRequestContext
    public void runForEveryOrganization(String name) {
        JobDefinition job = catalog.find(name).orElseThrow();
        for (UUID organizationId : organizations.allIds()) {
            caller.authenticate(organizationId, null, Set.of(), "job:" + name);
            Optional<JobLocks.Held> lock = locks.tryLock(name, organizationId);
            if (lock.isEmpty()) {
                LOG.infof("Job %s skipped for organization %s: a run of it is still going", name, organizationId);
                continue;
            }
            try (JobLocks.Held held = lock.get()) {
                run(job, organizationId, SCHEDULED);
            }
        }
    }

    /**
     * Runs outside the caller's transaction (a triggering POST runs in one): a job commits its work in transactions of
     * its own, so one failing step never rolls back the others, and its run record is visible while it runs. A job is
     * safe to run again, so a trigger retried after its answer was lost only runs it once more.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public JobRun runManually(String name) {
        JobDefinition job = catalog.find(name).orElseThrow(() -> ApiException.notFound("job", name));
        UUID organizationId = caller.organizationId();
        try (JobLocks.Held held = locks.tryLock(name, organizationId).orElseThrow(() -> alreadyRunning(name, organizationId))) {
            return run(job, organizationId, MANUAL);
        }
    }

    private ApiException alreadyRunning(String name, UUID organizationId) {
        String since = runs.last(organizationId, name).filter(r -> JobRun.RUNNING.equals(r.outcome))
                .map(r -> " (run " + r.id + ", started " + r.createdAt + ")").orElse("");
        return new ApiException(ErrorCode.JOB_ALREADY_RUNNING, "Job " + name + " is already running for this organization"
                + since + "; trigger it again once that run has finished");
    }

    private JobRun run(JobDefinition job, UUID organizationId, String trigger) {
        UUID runId = QuarkusTransaction.requiringNew().call(() -> start(job, organizationId, trigger));
        JobSummary summary;
        try {
            summary = job.work().get();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Job %s failed for organization %s", job.name(), organizationId);
            summary = JobSummary.failed(Map.of(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        JobSummary outcome = summary;
        return QuarkusTransaction.requiringNew().call(() -> finish(runId, outcome));
    }

    private UUID start(JobDefinition job, UUID organizationId, String trigger) {
        JobRun run = new JobRun();
        run.id = UUID.randomUUID();
        run.organizationId = organizationId;
        run.job = job.name();
        run.instance = instanceId();
        run.trigger = trigger;
        run.createdAt = Timestamps.now();
        run.outcome = JobRun.RUNNING;
        run.counts = Map.of();
        runs.persist(run);
        return run.id;
    }

    private JobRun finish(UUID runId, JobSummary summary) {
        JobRun run = runs.findById(runId);
        run.finishedAt = Timestamps.now();
        run.outcome = summary.isFailed() ? JobRun.FAILED : JobRun.SUCCEEDED;
        run.counts = new LinkedHashMap<>(summary.counts());
        run.error = summary.error() == null || summary.error().length() <= 2000 ? summary.error() : summary.error().substring(0, 2000);
        return run;
    }

    private String instanceId() {
        try {
            return quartz.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "unknown";
        }
    }
}
