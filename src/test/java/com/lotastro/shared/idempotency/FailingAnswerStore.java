package com.lotastro.shared.idempotency;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test stand-in for {@link IdempotencyStore}: storing the answer for an armed Idempotency-Key fails once, as if the
 * process died after the change and before its answer was kept. Inert unless a test arms a key.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FailingAnswerStore extends IdempotencyStore {
    private static final Set<String> ARMED = ConcurrentHashMap.newKeySet();

    /** The next answer stored for this key fails. */
    public static void failNextAnswerFor(String key) {
        ARMED.add(key);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(UUID organizationId, String key, StoredResponse response) {
        if (ARMED.remove(key)) {
            throw new IllegalStateException("Injected failure while storing the answer for " + key);
        }
        super.complete(organizationId, key, response);
    }
}
