package com.lotastro.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An event for other systems, written in the same transaction as the change it announces. */
@Entity
@Table(name = "outbox_events")
public class OutboxEvent {
    public static final String PENDING = "pending";

    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "event_type", nullable = false)
    public String type;
    @Column(name = "aggregate_type", nullable = false)
    public String aggregateType;
    @Column(name = "aggregate_id", nullable = false)
    public UUID aggregateId;
    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "payload", nullable = false)
    public Map<String, Object> payload;
    @Column(name = "status", nullable = false)
    public String status;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
