package com.lotastro.crm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** An organization's CRM: where to call it, with which key, and the secret its events are signed with. */
@Entity
@Table(name = "crm_connections")
public class CrmConnection {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "base_url", nullable = false)
    public String baseUrl;
    @Column(name = "api_key")
    public String apiKey;
    @Column(name = "webhook_secret", nullable = false)
    public String webhookSecret;
    /** Still accepted until {@link #previousSecretValidUntil}, so a rotation never drops events in flight. */
    @Column(name = "previous_webhook_secret")
    public String previousWebhookSecret;
    @Column(name = "previous_secret_valid_until")
    public Instant previousSecretValidUntil;
    @Column(name = "inbound_enabled", nullable = false)
    public boolean inboundEnabled;
    @Version
    @Column(name = "version", nullable = false)
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
