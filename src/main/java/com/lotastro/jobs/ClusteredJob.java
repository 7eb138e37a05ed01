package com.lotastro.jobs;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/**
 * The Quartz job behind every scheduled job (its job key is the job's name). With the clustered JDBC store,
 * {@link DisallowConcurrentExecution} holds for the whole cluster: while a fire of a job runs on one instance, no
 * instance starts the next fire of that job; a fire due meanwhile runs once the first has finished.
 */
@Dependent
@Unremovable
@DisallowConcurrentExecution
public class ClusteredJob implements Job {
    @Inject
    JobRunner runner;

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            runner.runForEveryOrganization(context.getJobDetail().getKey().getName());
        } catch (RuntimeException e) {
            throw new JobExecutionException(e, false);
        }
    }
}
