package com.lotastro.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One write: who (actor, API key), when, what (action on an entity), the state before and after, and why. */
@Entity
@Table(name = "audit_events")
public class AuditEvent {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "occurred_at", nullable = false)
    public Instant createdAt;
    @Column(name = "actor")
    public String actor;
    @Column(name = "api_key_id")
    public UUID apiKeyId;
    @Column(name = "action", nullable = false)
    public String action;
    @Column(name = "entity_type", nullable = false)
    public String entityType;
    @Column(name = "entity_id", nullable = false)
    public UUID entityId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "before_state")
    public Map<String, Object> before;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "after_state")
    public Map<String, Object> after;
    @Column(name = "reason")
    public String reason;
}
