package com.lotastro.invoice;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where payment receipts are kept. Today {@link PostgresReceiptStore}; an object store can take its place. Callers
 * have checked the type, the size and the tenancy; a store keeps what it is given and gives back only within the
 * organization.
 */
public interface ReceiptStore {
    /** What is known of a stored receipt without its bytes. */
    record Stored(UUID paymentId, String contentType, long sizeBytes, String sha256, String fileName, Instant uploadedAt) {
    }

    /** Keeps the receipt of the payment, replacing any earlier one. */
    Stored put(UUID organizationId, UUID paymentId, Receipt receipt, Instant at);

    Optional<Stored> describe(UUID organizationId, UUID paymentId);

    Optional<byte[]> content(UUID organizationId, UUID paymentId);
}
