package com.lotastro.shared.idempotency;

import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.jobs.JobSummary;
import com.lotastro.shared.security.CallerContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Remembers creating requests by Idempotency-Key. The claim and the stored answer are written in the transaction of
 * the change itself, so a key is only ever seen with its answer: a request that fails or dies leaves nothing behind,
 * and one that committed can always be replayed.
 */
@ApplicationScoped
public class IdempotencyStore {
    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);
    static final Duration RETENTION = Duration.ofHours(24);
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    /** A claim only misses a row that was purged or taken over in between; a few reads settle it. */
    private static final int ATTEMPTS = 3;

    sealed interface Claim permits Owner, Replay, Reused {
    }

    /** The key is ours until the transaction ends. */
    record Owner() implements Claim {
    }

    record Replay(StoredResponse response) implements Claim {
    }

    /** The key was used for a different request. */
    record Reused() implements Claim {
    }

    @Inject
    EntityManager em;

    @Inject
    CallerContext caller;

    @Inject
    IdempotencyConfig config;

    /**
     * Claims the key in the current transaction. A concurrent request holding the same key makes this wait (on the
     * primary key) until it commits, then this one replays its answer, or until it rolls back, then this one owns
     * the key. Waiting longer than the configured time is answered 409 idempotency_request_in_progress.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Claim claim(UUID organizationId, String key, String requestHash) {
        waitForLocksAtMost(config.duplicateWait());
        Claim claim = withLockTimeoutAsInProgress(() -> claimOnce(organizationId, key, requestHash));
        // The change that follows waits for its own locks as long as it always did.
        em.createNativeQuery("set local lock_timeout to default").executeUpdate();
        return claim;
    }

    private Claim claimOnce(UUID organizationId, String key, String requestHash) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
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
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select request_hash, state, response_status, response_body, response_type, expires_at
                    from idempotency_keys where organization_id = :org and idempotency_key = :key""")
                    .setParameter("org", organizationId).setParameter("key", key)
                    .getResultList();
            if (rows.isEmpty()) {
                continue;
            }
            Object[] row = rows.get(0);
            if (isReplaceable((String) row[1], (Instant) row[5], now)) {
                if (takeOver(organizationId, key, requestHash, now) == 1) {
                    return new Owner();
                }
                continue;
            }
            if (!row[0].equals(requestHash)) {
                return new Reused();
            }
            return new Replay(new StoredResponse(((Number) row[2]).intValue(), (String) row[3], (String) row[4]));
        }
        throw new IllegalStateException("Idempotency-Key " + key + " could not be claimed");
    }

    /**
     * Past its retention a key starts afresh. A committed 'in_progress' row can only be left by a version that claimed
     * keys in a transaction of their own; it has no answer to replay.
     */
    private static boolean isReplaceable(String state, Instant expiresAt, Instant now) {
        return expiresAt.isBefore(now) || "in_progress".equals(state);
    }

    /** The condition is checked again on the latest row, so of two requests taking over one key only one wins. */
    private int takeOver(UUID organizationId, String key, String requestHash, Instant now) {
        return em.createNativeQuery("""
                update idempotency_keys set request_hash = :hash, state = 'in_progress', response_status = null,
                  response_body = null, response_type = null, created_at = :now, expires_at = :expires
                where organization_id = :org and idempotency_key = :key and (expires_at < :now or state = 'in_progress')""")
                .setParameter("org", organizationId).setParameter("key", key).setParameter("hash", requestHash)
                .setParameter("now", now).setParameter("expires", now.plus(RETENTION))
                .executeUpdate();
    }

    /** Stores the answer with the change, in the transaction that claimed the key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(UUID organizationId, String key, StoredResponse response) {
        int updated = em.createNativeQuery("""
                update idempotency_keys set state = 'completed', response_status = :status, response_body = :body,
                  response_type = :type
                where organization_id = :org and idempotency_key = :key""")
                .setParameter("org", organizationId).setParameter("key", key).setParameter("status", response.status())
                .setParameter("body", response.body()).setParameter("type", response.mediaType())
                .executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("Idempotency-Key " + key + " was not claimed by this request");
        }
    }

    /**
     * Keeps a refusal whose change was rolled back, in a transaction of its own: nothing was committed, so there is
     * nothing for it to be atomic with. Another request may have claimed the key since; then its answer stands and
     * this one is not kept. Never fails the request it answers.
     */
    public boolean rememberRefusal(UUID organizationId, String key, String requestHash, StoredResponse response) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                waitForLocksAtMost(config.duplicateWait());
                Instant now = Timestamps.now();
                return em.createNativeQuery("""
                        insert into idempotency_keys (organization_id, idempotency_key, request_hash, state, response_status,
                          response_body, response_type, created_at, expires_at)
                        values (:org, :key, :hash, 'completed', :status, :body, :type, :now, :expires)
                        on conflict (organization_id, idempotency_key) do update set request_hash = excluded.request_hash,
                          state = excluded.state, response_status = excluded.response_status,
                          response_body = excluded.response_body, response_type = excluded.response_type,
                          created_at = excluded.created_at, expires_at = excluded.expires_at
                        where idempotency_keys.expires_at < :now or idempotency_keys.state = 'in_progress'""")
                        .setParameter("org", organizationId).setParameter("key", key).setParameter("hash", requestHash)
                        .setParameter("status", response.status()).setParameter("body", response.body())
                        .setParameter("type", response.mediaType())
                        .setParameter("now", now).setParameter("expires", now.plus(RETENTION))
                        .executeUpdate() == 1;
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not keep the refusal for Idempotency-Key %s; a retry will be processed again", key);
            return false;
        }
    }

    /**
     * Drops the caller organization's keys past their retention. A key a request is taking over right now is locked
     * by it and skipped, so the cleanup never waits for (or on) a request.
     */
    public JobSummary purgeExpired() {
        UUID organizationId = caller.organizationId();
        long purged = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        delete from idempotency_keys where (organization_id, idempotency_key) in (
                          select organization_id, idempotency_key from idempotency_keys
                          where organization_id = :org and expires_at < :now for update skip locked)""")
                .setParameter("org", organizationId)
                .setParameter("now", Timestamps.now())
                .executeUpdate());
        return JobSummary.succeeded(Map.of("purged", purged));
    }

    /** Bounds lock waits for the rest of the current transaction (until set back). */
    private void waitForLocksAtMost(Duration wait) {
        em.createNativeQuery("set local lock_timeout = '" + Math.max(1, wait.toMillis()) + "ms'").executeUpdate();
    }

    private static <T> T withLockTimeoutAsInProgress(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (PersistenceException e) {
            if (isLockTimeout(e)) {
                throw new ApiException(ErrorCode.IDEMPOTENCY_REQUEST_IN_PROGRESS,
                        "The first request with this Idempotency-Key has not finished; retry shortly");
            }
            throw e;
        }
    }

    private static boolean isLockTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
