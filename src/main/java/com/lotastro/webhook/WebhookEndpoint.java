package com.lotastro.webhook;

import com.lotastro.shared.security.SecretRotation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A subscriber: where matching outbox events are delivered, signed with its secret. Only changed columns are written,
 * so an edit never overwrites the failure streak the delivery worker keeps on the same row.
 */
@Entity
@DynamicUpdate
@Table(name = "webhook_endpoints")
public class WebhookEndpoint {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "url", nullable = false)
    public String url;
    @Column(name = "description")
    public String description;
    /** Null: every event type. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "event_types")
    public List<String> eventTypes;
    @Column(name = "enabled", nullable = false)
    public boolean enabled;
    @Column(name = "disabled_reason")
    public String disabledReason;
    @Column(name = "secret", nullable = false)
    public String secret;
    @Column(name = "previous_secret")
    public String previousSecret;
    @Column(name = "previous_secret_valid_until")
    public Instant previousSecretValidUntil;
    @Column(name = "consecutive_failures", nullable = false)
    public int consecutiveFailures;
    @Column(name = "failing_since")
    public Instant failingSince;
    @Column(name = "circuit_open_until")
    public Instant circuitOpenUntil;
    @Column(name = "deleted", nullable = false)
    public boolean deleted;
    @Version
    @Column(name = "version", nullable = false)
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean subscribesTo(String eventType) {
        return eventTypes == null || eventTypes.contains(eventType);
    }

    /** The secrets a delivery is signed with now: the current one and, during a rotation's overlap, the previous one. */
    public List<String> signingSecrets(Instant now) {
        return SecretRotation.inEffect(secret, previousSecret, previousSecretValidUntil, now);
    }

    /** Replaces the secret; the old one keeps signing until the overlap ends. */
    public void rotateSecret(String next, Instant now, Duration overlap) {
        previousSecret = secret;
        previousSecretValidUntil = now.plus(overlap);
        secret = next;
    }

    /** Enabled again by hand: the breaker starts closed and the failure streak is forgotten. */
    public void enable() {
        enabled = true;
        disabledReason = null;
        consecutiveFailures = 0;
        failingSince = null;
        circuitOpenUntil = null;
    }

    public void disable(String reason) {
        enabled = false;
        disabledReason = reason;
    }
}
