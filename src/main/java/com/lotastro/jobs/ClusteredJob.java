package com.lotastro.jobs;

import com.lotastro.email.SmtpRelay;
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

    @Inject
    SmtpRelay relay;

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        if (JobCatalog.EMAIL_DELIVERY.equals(context.getJobDetail().getKey().getName()) && !relay.configured()) {
            // Without a relay emails wait in the queue (GET /v1/emails); no failing delivery run every minute.
            return;
        }
        try {
            runner.runForEveryOrganization(context.getJobDetail().getKey().getName());
        } catch (RuntimeException e) {
            throw new JobExecutionException(e, false);
        }
    }
}
