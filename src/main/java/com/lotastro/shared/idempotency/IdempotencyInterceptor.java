package com.lotastro.shared.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.security.CallerContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs a creating POST in one transaction. Sent with an Idempotency-Key: claiming the key, the change (services join
 * this transaction), building and serializing the answer, and storing that answer; sent without one: the change and
 * building its answer. Whatever fails before the commit rolls all of it back,
 * so a retry finds either the stored answer or nothing at all; the answer is never built after the commit, where a
 * failure would leave a change the caller cannot learn about.
 *
 * <p>Runs inside Bean Validation (priority 4800), so an invalid request starts no transaction.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
public class IdempotencyInterceptor {
    private static final Logger LOG = Logger.getLogger(IdempotencyInterceptor.class);

    @Inject
    IdempotentRequest request;

    @Inject
    IdempotencyStore store;

    @Inject
    ResponseBodies bodies;

    @Inject
    CallerContext caller;

    @Inject
    EntityManager em;

    @AroundInvoke
    Object inOneTransaction(InvocationContext invocation) throws Exception {
        Optional<IdempotentRequest.Key> key = request.key();
        if (key.isEmpty()) {
            // Without a key there is nothing to claim or store, but the change and the answer built from it still
            // share one transaction: the answer comes from what the change holds, never from reads after the commit.
            return QuarkusTransaction.requiringNew().call(() -> proceedAndFlush(invocation));
        }
        Attempt attempt = new Attempt(invocation, key.get());
        try {
            Object result = QuarkusTransaction.requiringNew().call(attempt::run);
            // Only a committed answer is sent as stored; a failed commit is answered by the error pipeline.
            request.answerWith(attempt.answer, attempt.replayed);
            return result;
        } catch (ApiException refusal) {
            if (attempt.changeStarted && isKept(refusal)) {
                keep(invocation, key.get(), refusal);
            }
            throw refusal;
        }
    }

    /** Flushes before the answer is stored, so a write the database refuses rolls back here with everything else. */
    private Object proceedAndFlush(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        em.flush();
        return result;
    }

    /**
     * A refusal the service chose is kept and replayed, like a success (a retry of the same request would only be
     * refused again). Answers that invite a retry (a collision, a request still in progress, a 5xx) are not kept.
     */
    private static boolean isKept(ApiException refusal) {
        return !refusal.errorCode().invitesRetry();
    }

    private void keep(InvocationContext invocation, IdempotentRequest.Key key, ApiException refusal) {
        try {
            StoredResponse answer = bodies.of(refusal, key.path());
            if (store.rememberRefusal(caller.organizationId(), key.value(), key.fingerprint(),
                    bodies.forReplay(invocation.getMethod(), answer))) {
                request.answerWith(answer, false);
            }
        } catch (JsonProcessingException e) {
            // Not kept: the refusal is still answered, and a retry is refused again.
            LOG.warnf(e, "Could not keep the refusal for Idempotency-Key %s", key.value());
        }
    }

    /** One keyed request: claim, change, answer, store. */
    private final class Attempt {
        private final InvocationContext invocation;
        private final IdempotentRequest.Key key;
        private boolean changeStarted;
        private StoredResponse answer;
        private boolean replayed;

        Attempt(InvocationContext invocation, IdempotentRequest.Key key) {
            this.invocation = invocation;
            this.key = key;
        }

        Object run() throws Exception {
            IdempotencyStore.Claim claim = store.claim(caller.organizationId(), key.value(), key.fingerprint());
            if (claim instanceof IdempotencyStore.Replay replay) {
                answer = replay.response();
                replayed = true;
                // The filter answers with the stored response; the method does not run.
                return null;
            }
            if (claim instanceof IdempotencyStore.Reused) {
                throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "This " + IdempotencyFilter.HEADER + " was used for a different request; use a new key");
            }
            changeStarted = true;
            Object result = proceedAndFlush(invocation);
            answer = bodies.of(invocation.getMethod(), result);
            store.complete(caller.organizationId(), key.value(), bodies.forReplay(invocation.getMethod(), answer));
            return result;
        }
    }
}
