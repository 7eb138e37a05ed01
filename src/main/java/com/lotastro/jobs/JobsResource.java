package com.lotastro.jobs;

import com.lotastro.api.JobsApi;
import com.lotastro.api.model.JobListDto;
import com.lotastro.api.model.JobOutcomeDto;
import com.lotastro.api.model.JobRunDto;
import com.lotastro.api.model.JobRunPageDto;
import com.lotastro.shared.idempotency.Idempotent;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.RequiresScope;
import com.lotastro.shared.security.Scope;
import jakarta.inject.Inject;

public class JobsResource implements JobsApi {
    @Inject
    JobQueries queries;

    @Inject
    JobRunner runner;

    @Override
    @RequiresScope(Scope.JOBS_READ)
    public JobListDto listJobs() {
        return new JobListDto().data(queries.jobs().stream().map(JobsMapper::toDto).toList());
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.ADMIN)
    public JobRunDto triggerJob(String jobName, String idempotencyKey, String actor) {
        return JobsMapper.toDto(runner.runManually(jobName));
    }

    @Override
    @RequiresScope(Scope.JOBS_READ)
    public JobRunPageDto listJobRuns(String job, JobOutcomeDto outcome, Integer limit, String cursor) {
        Page<JobRun> page = queries.runs(job, outcome == null ? null : outcome.toString(), PageRequest.of(limit, cursor));
        return new JobRunPageDto().data(page.map(JobsMapper::toDto).items()).nextCursor(page.nextCursor());
    }
}
