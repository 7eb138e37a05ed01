package com.lotastro.payment;

import com.lotastro.shared.security.SecretRotation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A payment provider of an organization (by its code) and the secrets its events are signed with. */
@Entity
@Table(name = "payment_providers")
public class PaymentProvider {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "code", nullable = false)
    public String code;
    @Column(name = "webhook_secret", nullable = false)
    public String webhookSecret;
    /** Still accepted until {@link #previousSecretValidUntil}, so a rotation never drops events in flight. */
    @Column(name = "previous_webhook_secret")
    public String previousWebhookSecret;
    @Column(name = "previous_secret_valid_until")
    public Instant previousSecretValidUntil;
    @Column(name = "enabled", nullable = false)
    public boolean enabled;
    @Version
    @Column(name = "version", nullable = false)
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Replaces the secret; the current one stays accepted until {@code overlapUntil}. */
    public void replaceSecret(String next, Instant overlapUntil) {
        previousWebhookSecret = webhookSecret;
        previousSecretValidUntil = overlapUntil;
        webhookSecret = next;
    }

    /** The secrets an event may be signed with at {@code now}: the current one and, during the overlap, the previous one. */
    public List<String> acceptedSecrets(Instant now) {
        return SecretRotation.inEffect(webhookSecret, previousWebhookSecret, previousSecretValidUntil, now);
    }

    /** What the audit log and the outbox keep: never the secrets themselves. */
    public Map<String, Object> describe() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("code", code);
        state.put("enabled", enabled);
        state.put("secret_rotated_until", previousSecretValidUntil == null ? null : previousSecretValidUntil.toString());
        return state;
    }
}
