package com.lotastro.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired, inside the transaction that records it, when a subscriber acknowledged (2xx) an outbox event: domains that
 * track whether the outside world has heard of a change (an override's {@code crm_notified}) follow it here.
 */
public record OutboxEventDelivered(UUID organizationId, UUID eventId, String eventType, UUID aggregateId, UUID endpointId,
                                   Instant deliveredAt) {
}
