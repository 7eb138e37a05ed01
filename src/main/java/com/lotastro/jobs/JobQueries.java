package com.lotastro.jobs;

import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class JobQueries {
    @Inject
    JobCatalog catalog;

    @Inject
    JobRuns runs;

    @Inject
    ScheduledJobs schedules;

    @Inject
    CallerContext caller;

    /** A job as operators see it: definition, next fire time and this organization's last run. */
    public record JobView(JobDefinition definition, Instant nextFireAt, Optional<JobRun> lastRun) {
    }

    public List<JobView> jobs() {
        return catalog.all().stream().map(job -> new JobView(job, schedules.nextFire(job.name()),
                runs.last(caller.organizationId(), job.name()))).toList();
    }

    public Page<JobRun> runs(String job, String outcome, PageRequest page) {
        return runs.search(caller.organizationId(), job, outcome, page);
    }
}
