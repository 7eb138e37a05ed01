package com.lotastro.order;

import com.lotastro.reservation.OrderHandover;
import com.lotastro.reservation.Reservation;
import com.lotastro.reservation.ReservationLine;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.TransactionClock;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes POs, only ever one per reservation: on the CRM's {@code shipment.approved} or on a manager's override. Both
 * take the reservation's lock (after its items, as the stock lock protocol orders) before they look for its PO, so
 * the second of two simultaneous approvals finds the first one's PO and attaches to it; the partial unique index
 * {@code uq_orders_live_reservation} is the last line behind that.
 */
@ApplicationScoped
@Transactional
public class OrderCreationService {
    @Inject
    OrderHandover handover;

    @Inject
    PurchaseOrders orders;

    @Inject
    ShipmentOverrides overrides;

    @Inject
    PoNumbers poNumbers;

    @Inject
    OrderLog log;

    @Inject
    OrderEvents events;

    @Inject
    CallerContext caller;

    @Inject
    TransactionClock clock;

    /** The CRM's shipment approval, as its event carries it. */
    public record Approval(UUID reservationId, UUID crmDealId, String approvalId, String approvedBy, Instant approvedAt,
                           LocalDate shipDate, UUID crmOrganizationId, String eventId) {
    }

    /** The PO an approval or override ended with, and whether it made it. */
    public record Outcome(PurchaseOrder order, boolean created) {
    }

    public Outcome approve(Approval approval) {
        if (approval.reservationId() == null && approval.crmDealId() == null) {
            throw ApiException.invalid("data.wms_reservation_id", "or data.crm_deal_id is required");
        }
        Reservation reservation = handover.lock(handover.findForApproval(approval.reservationId(), approval.crmDealId()).id);
        Optional<PurchaseOrder> existing = orders.liveForReservation(reservation.id);
        if (existing.isPresent()) {
            PurchaseOrder order = orders.lock(existing.get());
            Map<String, Object> before = order.describe();
            if (order.attachApproval(approval.approvalId(), approval.approvedBy(), approval.approvedAt(), approval.eventId())) {
                order.updatedAt = Timestamps.now();
                orders.flush();
                log.audited("order.approval_attached", order, before, "CRM event " + approval.eventId());
            }
            return new Outcome(order, false);
        }
        handover.requireOrderable(reservation);
        PurchaseOrder order = create(reservation, approval.shipDate(), approval.crmOrganizationId(), false,
                OrderLog.Trigger.crmEvent(approval.eventId()));
        order.attachApproval(approval.approvalId(), approval.approvedBy(), approval.approvedAt(), approval.eventId());
        orders.flush();
        log.audited("order.created", order, null, "CRM shipment approval " + approval.approvalId());
        events.created(order);
        return new Outcome(order, true);
    }

    /**
     * A manager's override: recorded whatever happens next. Without a PO it makes one (marked override_used); with one
     * already (the CRM approved at the same time, or an earlier override) it is attached to that PO.
     */
    public ShipmentOverride override(UUID reservationId, OverrideReason reason, String notes) {
        if (reason.needsNotes() && (notes == null || notes.isBlank())) {
            throw ApiException.invalid("notes", "is required when the reason is other");
        }
        Reservation reservation = handover.lock(reservationId);
        Optional<PurchaseOrder> existing = orders.liveForReservation(reservation.id);
        Instant now = Timestamps.now();
        PurchaseOrder order;
        if (existing.isPresent()) {
            order = orders.lock(existing.get());
            handover.markOverrideUsed(reservation);
        } else {
            handover.requireOrderable(reservation);
            order = create(reservation, null, null, true, OrderLog.Trigger.API);
            order.overrideUsed = true;
            order.overrideReason = reason;
            order.overrideBy = who();
            order.overrideAt = now;
            order.overrideNotes = notes;
            orders.flush();
            log.audited("order.created", order, null, "Override " + reason.value());
            events.created(order);
        }
        ShipmentOverride override = new ShipmentOverride();
        override.id = UUID.randomUUID();
        override.organizationId = reservation.organizationId;
        override.reservationId = reservation.id;
        override.orderId = order.id;
        override.createdOrder = existing.isEmpty();
        override.reason = reason;
        override.notes = notes;
        override.overriddenBy = who();
        override.apiKeyId = caller.apiKeyId();
        override.createdAt = now;
        overrides.persist(override);
        overrides.flush();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("reservation_id", reservation.id);
        state.put("order_id", order.id);
        state.put("po_number", order.poNumber);
        state.put("created_order", override.createdOrder);
        state.put("reason", reason.value());
        state.put("notes", notes);
        log.auditOverride(override, state);
        events.overrideUsed(override, order);
        return override;
    }

    /** Who acts: the X-Actor, or the API key when the caller named nobody. */
    private String who() {
        return caller.actor() != null ? caller.actor() : "api-key:" + caller.apiKeyId();
    }

    /** The PO of a locked, orderable reservation: numbered now, lines and rolls taken over from the reservation. */
    private PurchaseOrder create(Reservation reservation, LocalDate shipDate, UUID crmOrganizationId, boolean byOverride,
                                 OrderLog.Trigger trigger) {
        Instant now = Timestamps.now();
        PurchaseOrder order = new PurchaseOrder();
        order.id = UUID.randomUUID();
        order.organizationId = reservation.organizationId;
        order.reservationId = reservation.id;
        order.poNumber = poNumbers.next(reservation.organizationId, clock.now().atZone(ZoneOffset.UTC).getYear());
        order.orderNumber = order.poNumber;
        order.status = OrderStatus.CREATED;
        order.crmDealId = reservation.crmDealId;
        order.crmCustomerId = reservation.crmCustomerId;
        order.crmOrganizationId = crmOrganizationId;
        order.shipIntent = reservation.shipIntent;
        order.shipDate = shipDate != null ? shipDate : reservation.shipDate;
        order.createdAt = now;
        order.updatedAt = now;
        orders.persist(order);

        List<OrderHandover.Binding> bindings = handover.handOver(reservation, order.id, byOverride);
        Map<ReservationLine, OrderLine> lineOf = new LinkedHashMap<>();
        for (OrderHandover.Binding binding : bindings) {
            OrderLine line = lineOf.computeIfAbsent(binding.line(), reservationLine -> newLine(order, reservationLine, lineOf.size()));
            line.orderedMeters = line.orderedMeters.add(binding.meters());
            OrderLot lot = new OrderLot();
            lot.id = UUID.randomUUID();
            lot.organizationId = order.organizationId;
            lot.orderId = order.id;
            lot.line = line;
            lot.crmDealLineId = line.crmDealLineId;
            lot.roll = binding.roll();
            lot.lotId = binding.roll().lot.id;
            lot.orderedMeters = binding.meters();
            lot.boundMeters = binding.meters();
            lot.position = line.lots.size();
            line.lots.add(lot);
        }
        if (lineOf.isEmpty()) {
            throw new ApiException(ErrorCode.RESERVATION_NOT_ALLOCATED, "Reservation " + reservation.id + " has no meters on rolls");
        }
        lineOf.values().forEach(line -> {
            orders.getEntityManager().persist(line);
            line.lots.forEach(lot -> orders.getEntityManager().persist(lot));
        });
        orders.flush();
        log.transition(order, null, trigger, byOverride ? "override" : "shipment approved", now);
        return order;
    }

    private static OrderLine newLine(PurchaseOrder order, ReservationLine reservationLine, int position) {
        OrderLine line = new OrderLine();
        line.id = UUID.randomUUID();
        line.organizationId = order.organizationId;
        line.order = order;
        line.reservationLineId = reservationLine.id;
        line.crmDealLineId = reservationLine.crmDealLineId;
        line.catalogItem = reservationLine.catalogItem;
        line.orderedMeters = BigDecimal.ZERO.setScale(2);
        line.position = position;
        order.lines.add(line);
        return line;
    }
}
