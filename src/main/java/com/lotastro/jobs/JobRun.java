package com.lotastro.jobs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One run of a job for one organization: where and when it ran, how it ended, what it counted. */
@Entity
@Table(name = "job_runs")
public class JobRun {
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "job", nullable = false)
    public String job;
    @Column(name = "instance", nullable = false)
    public String instance;
    @Column(name = "trigger", nullable = false)
    public String trigger;
    @Column(name = "started_at", nullable = false)
    public Instant createdAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "outcome", nullable = false)
    public String outcome;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "counts", nullable = false)
    public Map<String, Long> counts;
    @Column(name = "error")
    public String error;
}
