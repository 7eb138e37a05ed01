package com.lotastro.order;

import com.lotastro.reservation.ReservationEnums;
import com.lotastro.reservation.ReservationEnums.ShipIntent;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An order (PO) of one allocated reservation, made on the CRM's shipment approval or a manager's override. Its
 * {@code order_number} is its {@code po_number}. It holds the reservation's rolls until it ships or is cancelled.
 */
@Entity
@Table(name = "orders")
public class PurchaseOrder {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "reservation_id", nullable = false)
    public UUID reservationId;
    @Column(name = "order_number", nullable = false)
    public String orderNumber;
    @Column(name = "po_number", nullable = false)
    public String poNumber;
    @Convert(converter = OrderStatus.Converter.class)
    @Column(name = "status", nullable = false)
    public OrderStatus status;
    @Column(name = "crm_deal_id", nullable = false)
    public UUID crmDealId;
    @Column(name = "crm_customer_id", nullable = false)
    public UUID crmCustomerId;
    @Column(name = "crm_organization_id")
    public UUID crmOrganizationId;
    @Convert(converter = ReservationEnums.ShipIntentConverter.class)
    @Column(name = "ship_intent", nullable = false)
    public ShipIntent shipIntent;
    @Column(name = "ship_date")
    public LocalDate shipDate;
    @Column(name = "crm_approval_id")
    public String crmApprovalId;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_at")
    public Instant approvedAt;
    @Column(name = "approval_event_id")
    public String approvalEventId;
    @Column(name = "override_used", nullable = false)
    public boolean overrideUsed;
    @Convert(converter = OverrideReason.Converter.class)
    @Column(name = "override_reason")
    public OverrideReason overrideReason;
    @Column(name = "override_by")
    public String overrideBy;
    @Column(name = "override_at")
    public Instant overrideAt;
    @Column(name = "override_notes")
    public String overrideNotes;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "staged_at")
    public Instant stagedAt;
    @Column(name = "picked_at")
    public Instant pickedAt;
    @Column(name = "fulfilled_at")
    public Instant fulfilledAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Version
    @Column(name = "version", nullable = false)
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    /** Refreshed with the order: whoever locks an order sees its lines and lots as they are now. */
    @OneToMany(mappedBy = "order", cascade = CascadeType.REFRESH)
    @OrderBy("position")
    public List<OrderLine> lines = new ArrayList<>();

    /** Refuses a move the state machine does not allow, naming the states it does. */
    public void requireCanMoveTo(OrderStatus next) {
        if (!status.canMoveTo(next)) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "Order " + poNumber + " is " + status.value()
                    + " and cannot become " + next.value(), List.of(),
                    Map.of("allowed_next_states", status.allowedNext().stream().map(OrderStatus::value).toList()));
        }
    }

    /** Moves to the next status and stamps when; returns the status it left. */
    public OrderStatus moveTo(OrderStatus next, Instant at) {
        requireCanMoveTo(next);
        OrderStatus from = status;
        status = next;
        switch (next) {
            case STAGED -> stagedAt = at;
            case PICKED -> pickedAt = at;
            case FULFILLED -> fulfilledAt = at;
            case CANCELLED -> cancelledAt = at;
            case SHIPPED, DELIVERED -> {
                // When is kept by the shipment and the transition log.
            }
            case CREATED -> throw new IllegalStateException("An order is created, never moved back to created");
        }
        updatedAt = at;
        return from;
    }

    /** The CRM's approval, kept once: a repeat of the approval (or one arriving after an override) changes nothing. */
    public boolean attachApproval(String approvalId, String by, Instant at, String eventId) {
        if (crmApprovalId != null) {
            return false;
        }
        crmApprovalId = approvalId;
        approvedBy = by;
        approvedAt = at;
        approvalEventId = eventId;
        return true;
    }

    public Stream<OrderLot> lots() {
        return lines.stream().flatMap(line -> line.lots.stream());
    }

    /** The lots without a cut: what stands between the PO and its full fulfilment. */
    public List<OrderLot> unpickedLots() {
        return lots().filter(lot -> !lot.isPicked()).toList();
    }

    Map<String, Object> describe() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("po_number", poNumber);
        state.put("status", status.value());
        state.put("reservation_id", reservationId);
        state.put("ship_intent", shipIntent.value());
        state.put("ship_date", shipDate == null ? null : shipDate.toString());
        state.put("crm_approval_id", crmApprovalId);
        state.put("override_used", overrideUsed);
        state.put("override_reason", overrideReason == null ? null : overrideReason.value());
        state.put("cancel_reason", cancelReason);
        state.put("lines", lines.stream().map(OrderLine::describe).toList());
        return state;
    }

    BigDecimal orderedMeters() {
        return lines.stream().map(l -> l.orderedMeters).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
