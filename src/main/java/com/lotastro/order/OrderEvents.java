package com.lotastro.order;

import com.lotastro.email.EmailOutbox;
import com.lotastro.outbox.OutboxPublisher;
import com.lotastro.shared.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The order events for the CRM (outbox keys {@code wms:order:<id>:<action>:v1}) and the override email. Payloads are
 * the contract's OrderCreatedEvent, OrderStatusEvent, OrderFulfilledEvent, OrderCancelledEvent and OverrideUsedEvent.
 */
@ApplicationScoped
public class OrderEvents {
    @Inject
    OutboxPublisher outbox;

    @Inject
    EmailOutbox emails;

    /** Exactly the fields the integration contract lists for order.created. */
    void created(PurchaseOrder order) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("wms_order_id", order.id);
        payload.put("po_number", order.poNumber);
        payload.put("order_number", order.orderNumber);
        payload.put("crm_deal_id", order.crmDealId);
        payload.put("crm_customer_id", order.crmCustomerId);
        payload.put("crm_organization_id", order.crmOrganizationId);
        payload.put("lines", order.lines.stream().map(line -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("crm_deal_line_id", line.crmDealLineId);
            entry.put("wms_order_line_id", line.id);
            entry.put("quality_code", line.catalogItem.qualityCode);
            entry.put("color_code", line.catalogItem.colorCode);
            entry.put("ordered_meters", line.orderedMeters);
            return entry;
        }).toList());
        publish("order.created", order, "created", payload);
    }

    void staged(PurchaseOrder order) {
        publish("order.staged", order, "staged", status(order));
    }

    /** The first cut is {@code picked}; cuts recorded later are told apart by the order's version. */
    void picked(PurchaseOrder order, boolean first) {
        Map<String, Object> payload = status(order);
        payload.put("picked_lots", order.lots().filter(OrderLot::isPicked).map(lot -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("roll_id", lot.roll.id);
            entry.put("lot_id", lot.lotId);
            entry.put("picked_meters", lot.pickedMeters);
            entry.put("crm_deal_line_id", lot.crmDealLineId);
            if (lot.substitutedRollId != null) {
                entry.put("substituted_roll_id", lot.substitutedRollId);
            }
            return entry;
        }).toList());
        publish("order.picked", order, first ? "picked" : "picked.v" + order.version, payload);
    }

    void fulfilled(PurchaseOrder order) {
        Map<String, Object> payload = header(order);
        payload.put("shipped_rolls", order.lots().map(lot -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("roll_id", lot.roll.id);
            entry.put("lot_id", lot.lotId);
            entry.put("barcode", lot.roll.barcode);
            entry.put("meters", lot.pickedMeters);
            entry.put("crm_deal_line_id", lot.crmDealLineId);
            return entry;
        }).toList());
        publish("order.fulfilled", order, "fulfilled", payload);
    }

    void cancelled(PurchaseOrder order, boolean keepReservation) {
        Map<String, Object> payload = header(order);
        payload.put("reason", order.cancelReason);
        payload.put("keep_reservation", keepReservation);
        publish("order.cancelled", order, "cancelled", payload);
    }

    /** override.used for the CRM, and the "override used" email to the sales managers. */
    void overrideUsed(ShipmentOverride override, PurchaseOrder order) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("override_id", override.id);
        payload.put("wms_reservation_id", override.reservationId);
        payload.put("wms_order_id", order.id);
        payload.put("po_number", order.poNumber);
        payload.put("crm_deal_id", order.crmDealId);
        payload.put("reason", override.reason.value());
        payload.put("notes", override.notes);
        payload.put("overridden_by", override.overriddenBy);
        payload.put("overridden_at", Timestamps.utc(override.createdAt).toString());
        payload.put("created_order", override.createdOrder);
        outbox.publish(new OutboxPublisher.Event("override.used", "override", override.id, "used", payload));
        emails.enqueue(new EmailOutbox.Draft("override.used", emails.salesManagers(),
                "[LotAstro] Override used: " + order.poNumber + " for CRM deal " + order.crmDealId,
                "A manager recorded a shipment approval override"
                        + (override.createdOrder ? " and the PO was created without the CRM's approval.\n\n"
                        : "; the reservation already had its PO.\n\n")
                        + "PO: " + order.poNumber + "\n"
                        + "Reason: " + override.reason.value() + "\n"
                        + "Notes: " + (override.notes == null ? "-" : override.notes) + "\n"
                        + "Overridden by: " + (override.overriddenBy == null ? "-" : override.overriddenBy) + "\n"
                        + "Overridden at: " + override.createdAt + "\n"
                        + "Reservation: " + override.reservationId + "\n"
                        + "CRM deal: " + order.crmDealId + "\n"
                        + "CRM customer: " + order.crmCustomerId + "\n"
                        + linesText(order),
                "override-used:" + override.id));
    }

    private Map<String, Object> header(PurchaseOrder order) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("wms_order_id", order.id);
        payload.put("po_number", order.poNumber);
        payload.put("crm_deal_id", order.crmDealId);
        return payload;
    }

    private Map<String, Object> status(PurchaseOrder order) {
        Map<String, Object> payload = header(order);
        payload.put("status", order.status.value());
        payload.put("ship_date", order.shipDate == null ? null : order.shipDate.toString());
        return payload;
    }

    private void publish(String type, PurchaseOrder order, String action, Map<String, Object> payload) {
        outbox.publish(new OutboxPublisher.Event(type, "order", order.id, action, payload));
    }

    private static String linesText(PurchaseOrder order) {
        StringBuilder text = new StringBuilder();
        for (OrderLine line : order.lines) {
            text.append("- ").append(line.catalogItem.qualityCode).append(" / ").append(line.catalogItem.colorCode)
                    .append(": ").append(line.orderedMeters).append(" m\n");
        }
        return text.toString();
    }
}
