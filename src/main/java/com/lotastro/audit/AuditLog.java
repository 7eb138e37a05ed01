package com.lotastro.audit;

import com.lotastro.shared.JsonColumnFormat;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

/** Records every write in the audit log, inside the transaction of the write itself. */
@ApplicationScoped
public class AuditLog {
    @Inject
    AuditEvents events;

    @Inject
    CallerContext caller;

    /** A change as the audit log keeps it; before is null for creations. */
    public record Change(String action, String entityType, UUID entityId, Map<String, Object> before,
                         Map<String, Object> after, String reason) {
    }

    /** Returns the audit event's id, which names this change for good (e.g. in an outbox idempotency key). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(Change change) {
        return recordIn(caller.organizationId(), change);
    }

    /** For writes that belong to another organization than the caller's (e.g. creating an organization). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID recordIn(UUID organizationId, Change change) {
        AuditEvent event = new AuditEvent();
        event.id = UUID.randomUUID();
        event.organizationId = organizationId;
        event.createdAt = Timestamps.now();
        event.actor = caller.isAuthenticated() ? caller.actor() : null;
        event.apiKeyId = caller.isAuthenticated() ? caller.apiKeyId() : null;
        event.action = change.action();
        event.entityType = change.entityType();
        event.entityId = change.entityId();
        // As they will be read back, so the insert is final (no update of the row at the flush).
        event.before = JsonColumnFormat.asRead(change.before());
        event.after = JsonColumnFormat.asRead(change.after());
        event.reason = change.reason();
        events.persist(event);
        return event.id;
    }
}
