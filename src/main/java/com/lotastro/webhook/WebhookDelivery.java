package com.lotastro.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One event on its way to one endpoint; its attempts are {@link WebhookAttempt}s. */
@Entity
@Table(name = "webhook_deliveries")
public class WebhookDelivery {
    public static final String PENDING = "pending";
    public static final String FAILED = "failed";
    public static final String SUCCEEDED = "succeeded";
    public static final String DEAD = "dead";
    public static final String PING = "ping";

    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "endpoint_id", nullable = false)
    public UUID endpointId;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(name = "event_type", nullable = false)
    public String eventType;
    @Column(name = "aggregate_id", nullable = false)
    public UUID aggregateId;
    @Column(name = "event_position", nullable = false)
    public long eventPosition;
    @Column(name = "event_created_at", nullable = false)
    public Instant eventCreatedAt;
    @Column(name = "status", nullable = false)
    public String status;
    @Column(name = "attempts", nullable = false)
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "last_status_code")
    public Integer lastStatusCode;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "succeeded_at")
    public Instant succeededAt;

    /** Only what failed for good or still fails can be sent again by hand; a ping is never retried. */
    public boolean canBeRetried() {
        return !PING.equals(eventType) && (DEAD.equals(status) || FAILED.equals(status));
    }

    /** Queued again now with a fresh retry budget and the same event id. */
    public void requeue(Instant now) {
        status = PENDING;
        attempts = 0;
        nextAttemptAt = now;
        leaseUntil = null;
        updatedAt = now;
    }
}
