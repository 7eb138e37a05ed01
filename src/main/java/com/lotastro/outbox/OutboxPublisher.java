package com.lotastro.outbox;

import com.lotastro.shared.JsonColumnFormat;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

/**
 * Writes outbox rows. MANDATORY: an event must commit or roll back together with the change it announces.
 * The idempotency key {@code wms:<entity>:<id>:<action>:v1} is stable, so receivers can drop repeats.
 */
@ApplicationScoped
public class OutboxPublisher {
    @Inject
    OutboxEvents events;

    @Inject
    CallerContext caller;

    /** An event to publish; {@code action} must name this occurrence uniquely for the aggregate. */
    public record Event(String type, String aggregateType, UUID aggregateId, String action, Map<String, Object> payload) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent publish(Event event) {
        return publishIn(caller.organizationId(), event);
    }

    /** For changes that belong to another organization than the caller's (first start, a new organization). */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent publishIn(UUID organizationId, Event event) {
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.organizationId = organizationId;
        row.type = event.type();
        row.aggregateType = event.aggregateType();
        row.aggregateId = event.aggregateId();
        row.idempotencyKey = "wms:" + event.aggregateType() + ":" + event.aggregateId() + ":" + event.action() + ":v1";
        // As it will be read back, so the insert is final (no update of the row at the flush).
        row.payload = JsonColumnFormat.asRead(event.payload());
        row.status = OutboxEvent.PENDING;
        row.createdAt = Timestamps.now();
        events.persist(row);
        return row;
    }
}
