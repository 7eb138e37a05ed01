package com.lotastro.order;

import com.lotastro.audit.AuditLog;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Writes an order's transition log row and its audit row, in the transaction of the change. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderLog {
    @Inject
    OrderTransitions transitions;

    @Inject
    AuditLog audit;

    @Inject
    CallerContext caller;

    /** What caused a change: an API call, a CRM event (its id), or a job (its name). */
    public record Trigger(String type, String ref) {
        public static final Trigger API = new Trigger("api", null);

        public static Trigger crmEvent(String eventId) {
            return new Trigger("crm_event", eventId);
        }
    }

    void transition(PurchaseOrder order, OrderStatus from, Trigger trigger, String reason, Instant at) {
        OrderTransition row = new OrderTransition();
        row.id = UUID.randomUUID();
        row.organizationId = order.organizationId;
        row.orderId = order.id;
        row.fromStatus = from;
        row.toStatus = order.status;
        row.trigger = trigger.type();
        row.triggerRef = trigger.ref();
        row.actor = caller.actor();
        row.apiKeyId = caller.apiKeyId();
        row.reason = reason;
        row.createdAt = at;
        transitions.persist(row);
    }

    void audited(String action, PurchaseOrder order, Map<String, Object> before, String reason) {
        audit.record(new AuditLog.Change(action, "order", order.id, before, order.describe(), reason));
    }

    void auditOverride(ShipmentOverride override, Map<String, Object> state) {
        audit.record(new AuditLog.Change("override.recorded", "override", override.id, null, state, override.reason.value()));
    }
}
