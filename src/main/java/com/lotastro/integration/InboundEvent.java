package com.lotastro.integration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A CRM event as received, with the outcome answered for it (replayed for any repeat of its id). The envelope itself
 * is kept as received (column {@code envelope}) and read as text, so its decimals stay exact.
 */
@Entity
@Table(name = "inbound_events")
public class InboundEvent {
    public static final String RECEIVED = "received";
    public static final String APPLIED = "applied";
    public static final String IGNORED = "ignored";
    public static final String REJECTED = "rejected";

    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "event_id", nullable = false)
    public String eventId;
    @Column(name = "type", nullable = false)
    public String type;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "status", nullable = false)
    public String status;
    @Column(name = "response_status")
    public Integer responseStatus;
    @Column(name = "response_body")
    public String responseBody;
    @Column(name = "error_code")
    public String errorCode;
    @Column(name = "error")
    public String error;
    @Column(name = "attempts", nullable = false)
    public int attempts;
    @Column(name = "received_at", nullable = false)
    public Instant createdAt;
    @Column(name = "processed_at")
    public Instant processedAt;

    public boolean isFinal() {
        return !RECEIVED.equals(status);
    }
}
