package com.lotastro.order;

import com.lotastro.reservation.ReservationLine;
import com.lotastro.reservation.ReservationLines;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the invoicing domain may know of an order: a fulfilled, shipped or delivered order's lines with the meters
 * actually cut for them and the unit price and currency of their CRM deal line.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderBilling {
    private static final Set<OrderStatus> BILLABLE = EnumSet.of(OrderStatus.FULFILLED, OrderStatus.SHIPPED, OrderStatus.DELIVERED);

    @Inject
    PurchaseOrders orders;

    @Inject
    ReservationLines reservationLines;

    @Inject
    CallerContext caller;

    /** One order line as it is billed: the meters that left (the cuts), priced from its CRM deal line (null when none). */
    public record BillableLine(UUID orderLineId, UUID crmDealLineId, String qualityCode, String colorCode, BigDecimal shippedMeters,
                               BigDecimal unitPrice, String currency) {
    }

    public record BillableOrder(UUID id, String poNumber, UUID crmCustomerId, List<BillableLine> lines) {
    }

    /** The order, locked, refused unless fulfilled, shipped or delivered. */
    public BillableOrder lockBillable(UUID orderId) {
        PurchaseOrder order = orders.findInOrganization(caller.organizationId(), orderId)
                .orElseThrow(() -> ApiException.notFound("order", orderId));
        orders.lock(order);
        if (!BILLABLE.contains(order.status)) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "Order " + order.poNumber + " is " + order.status.value()
                    + "; an invoice is made for a fulfilled, shipped or delivered order", List.of(),
                    Map.of("allowed_next_states", order.status.allowedNext().stream().map(OrderStatus::value).toList()));
        }
        List<BillableLine> lines = order.lines.stream().map(line -> {
            ReservationLine priced = reservationLines.findById(line.reservationLineId);
            return new BillableLine(line.id, line.crmDealLineId, line.catalogItem.qualityCode, line.catalogItem.colorCode,
                    line.pickedMeters(), priced == null ? null : priced.unitPrice, priced == null ? null : priced.currency);
        }).toList();
        return new BillableOrder(order.id, order.poNumber, order.crmCustomerId, lines);
    }

    /** The PO number of an order of this organization. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String poNumber(UUID orderId) {
        return orders.findInOrganization(caller.organizationId(), orderId).map(o -> o.poNumber).orElse(null);
    }
}
