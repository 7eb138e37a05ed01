package com.lotastro.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;

/**
 * One instant per transaction for the rows that record stock over time (ledger rows, commitment records), so a
 * reading "as of" any instant sees a change whole or not at all. Outside a transaction it is simply now.
 */
@ApplicationScoped
public class TransactionClock {
    private static final Object KEY = new Object();

    @Inject
    TransactionSynchronizationRegistry transactions;

    public Instant now() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return Timestamps.now();
        }
        Instant instant = (Instant) transactions.getResource(KEY);
        if (instant == null) {
            instant = Timestamps.now();
            transactions.putResource(KEY, instant);
        }
        return instant;
    }
}
