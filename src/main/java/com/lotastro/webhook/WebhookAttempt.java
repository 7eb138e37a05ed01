package com.lotastro.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One try to deliver: when, how long, what came back. */
@Entity
@Table(name = "webhook_attempts")
public class WebhookAttempt {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "delivery_id", nullable = false)
    public UUID deliveryId;
    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;
    @Column(name = "duration_ms", nullable = false)
    public long durationMs;
    @Column(name = "status_code")
    public Integer statusCode;
    @Column(name = "response_body")
    public String responseBody;
    @Column(name = "error")
    public String error;
    @Column(name = "succeeded", nullable = false)
    public boolean succeeded;
}
