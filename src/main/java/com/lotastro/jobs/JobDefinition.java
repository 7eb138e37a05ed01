package com.lotastro.jobs;

import com.lotastro.shared.jobs.JobSummary;
import java.util.function.Supplier;

/**
 * A background job: its name in the API, what it does, its cron schedule (from configuration) and the one service
 * method it calls for the organization in the caller context.
 */
public record JobDefinition(String name, String description, String schedule, Supplier<JobSummary> work) {
}
