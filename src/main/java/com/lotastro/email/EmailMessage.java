package com.lotastro.email;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An internal email, queued in the transaction of the change that causes it and sent later by a job. */
@Entity
@Table(name = "email_messages")
public class EmailMessage {
    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "kind", nullable = false)
    public String kind;
    /** One address: every recipient gets a message of its own. */
    @Column(name = "recipients", nullable = false)
    public String recipients;
    @Column(name = "subject", nullable = false)
    public String subject;
    @Column(name = "body", nullable = false)
    public String body;
    @Column(name = "dedup_key")
    public String dedupKey;
    @Column(name = "status", nullable = false)
    public String status;
    @Column(name = "attempts", nullable = false)
    public int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;
}
