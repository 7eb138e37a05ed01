package com.lotastro.reconciliation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One reconciliation run as the sync log keeps it: what was checked, healed, failed and found. */
@Entity
@Table(name = "integration_sync_log")
public class SyncRun {
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String DISCREPANCIES = "discrepancies";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "type", nullable = false)
    public String type;
    @Column(name = "trigger", nullable = false)
    public String trigger;
    @Column(name = "status", nullable = false)
    public String status;
    @Column(name = "checked", nullable = false)
    public int checked;
    @Column(name = "synced", nullable = false)
    public int synced;
    @Column(name = "failed", nullable = false)
    public int failed;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "discrepancies", nullable = false)
    public List<Map<String, Object>> discrepancies;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
}
