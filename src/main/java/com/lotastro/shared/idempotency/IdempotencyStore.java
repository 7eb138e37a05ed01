package com.lotastro.shared.idempotency;

import com.lotastro.shared.Timestamps;
import com.lotastro.shared.jobs.JobSummary;
import com.lotastro.shared.security.CallerContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Remembers creating requests by Idempotency-Key. Each step runs in its own short transaction, so the claim
 * is visible to a concurrent duplicate before the business change starts.
 */
@ApplicationScoped
public class IdempotencyStore {
    static final Duration RETENTION = Duration.ofHours(24);
    /** A claim older than this was left by a process that died mid-request; it may be taken over. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    sealed interface Claim permits Owner, Replay, InProgress, Reused {
    }

    record Owner() implements Claim {
    }

    record Replay(int status, String body, String mediaType) implements Claim {
    }

    record InProgress() implements Claim {
    }

    record Reused() implements Claim {
    }

    @Inject
    EntityManager em;

    @Inject
    CallerContext caller;

    public Claim claim(UUID organizationId, String key, String requestHash) {
        // A claim released between our insert and our read leaves nothing to read: simply claim again.
        for (int attempt = 0; ; attempt++) {
            try {
                return claimOnce(organizationId, key, requestHash);
            } catch (jakarta.persistence.NoResultException e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    private Claim claimOnce(UUID organizationId, String key, String requestHash) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Timestamps.now();
            int inserted = em.createNativeQuery("""
                    insert into idempotency_keys (organization_id, idempotency_key, request_hash, state, created_at, expires_at)
                    values (:org, :key, :hash, 'in_progress', :now, :expires)
                    on conflict do nothing""")
                    .setParameter("org", organizationId).setParameter("key", key).setParameter("hash", requestHash)
                    .setParameter("now", now).setParameter("expires", now.plus(RETENTION))
                    .executeUpdate();
            if (inserted == 1) {
                return new Owner();
            }
            Object[] row = (Object[]) em.createNativeQuery("""
                    select request_hash, state, response_status, response_body, response_type, created_at, expires_at
                    from idempotency_keys where organization_id = :org and idempotency_key = :key for update""")
                    .setParameter("org", organizationId).setParameter("key", key)
                    .getSingleResult();
            String storedHash = (String) row[0];
            String state = (String) row[1];
            Instant createdAt = (Instant) row[5];
            Instant expiresAt = (Instant) row[6];
            boolean expired = expiresAt.isBefore(now);
            boolean abandoned = "in_progress".equals(state) && createdAt.plus(ABANDONED_AFTER).isBefore(now);
            if (expired || abandoned) {
                em.createNativeQuery("""
                        update idempotency_keys set request_hash = :hash, state = 'in_progress', response_status = null,
                          response_body = null, response_type = null, created_at = :now, expires_at = :expires
                        where organization_id = :org and idempotency_key = :key""")
                        .setParameter("org", organizationId).setParameter("key", key).setParameter("hash", requestHash)
                        .setParameter("now", now).setParameter("expires", now.plus(RETENTION))
                        .executeUpdate();
                return new Owner();
            }
            if (!storedHash.equals(requestHash)) {
                return new Reused();
            }
            if ("in_progress".equals(state)) {
                return new InProgress();
            }
            return new Replay(((Number) row[2]).intValue(), (String) row[3], (String) row[4]);
        });
    }

    public void complete(UUID organizationId, String key, int status, String body, String mediaType) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update idempotency_keys set state = 'completed', response_status = :status, response_body = :body,
                  response_type = :type
                where organization_id = :org and idempotency_key = :key""")
                .setParameter("org", organizationId).setParameter("key", key).setParameter("status", status)
                .setParameter("body", body).setParameter("type", mediaType)
                .executeUpdate());
    }

    /** Forgets a claim whose request failed unexpectedly, so the caller may retry with the same key. */
    public void release(UUID organizationId, String key) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "delete from idempotency_keys where organization_id = :org and idempotency_key = :key and state = 'in_progress'")
                .setParameter("org", organizationId).setParameter("key", key)
                .executeUpdate());
    }

    /** Drops the caller organization's keys past their retention. */
    public JobSummary purgeExpired() {
        UUID organizationId = caller.organizationId();
        long purged = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "delete from idempotency_keys where organization_id = :org and expires_at < :now")
                .setParameter("org", organizationId)
                .setParameter("now", Timestamps.now())
                .executeUpdate());
        return JobSummary.succeeded(Map.of("purged", purged));
    }

}
