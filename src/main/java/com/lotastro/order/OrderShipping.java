package com.lotastro.order;

import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the shipment domain may know and do to an order: read a fulfilled order's rolls, and move it to shipped and
 * delivered as its shipment goes. The order's own rules (its state machine, log and audit) stay here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderShipping {
    @Inject
    PurchaseOrders orders;

    @Inject
    OrderLog log;

    @Inject
    CallerContext caller;

    /** One roll as it leaves: the cut meters of its lot on the order. */
    public record ShippedRoll(UUID orderLineId, String qualityCode, String colorCode, UUID rollId, String barcode, String lotNumber,
                              BigDecimal meters) {
    }

    public record ShippableOrder(UUID id, String poNumber, UUID crmCustomerId, UUID crmDealId, OrderStatus status,
                                 List<ShippedRoll> rolls) {
    }

    /** The order of this organization, whatever its status. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ShippableOrder get(UUID orderId) {
        return view(find(orderId));
    }

    /** The order, locked, refused unless fulfilled: only a fulfilled order gets a shipment. */
    public ShippableOrder lockFulfilled(UUID orderId) {
        PurchaseOrder order = orders.lock(find(orderId));
        if (order.status != OrderStatus.FULFILLED) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "Order " + order.poNumber + " is " + order.status.value()
                    + "; a shipment is made for a fulfilled order", List.of(), Map.of("allowed_next_states",
                    order.status.allowedNext().stream().map(OrderStatus::value).toList()));
        }
        return view(order);
    }

    public void shipped(UUID orderId, String triggerType, String triggerRef) {
        move(orderId, OrderStatus.SHIPPED, triggerType, triggerRef, "order.shipped");
    }

    public void delivered(UUID orderId, String triggerType, String triggerRef) {
        move(orderId, OrderStatus.DELIVERED, triggerType, triggerRef, "order.delivered");
    }

    private void move(UUID orderId, OrderStatus next, String triggerType, String triggerRef, String action) {
        PurchaseOrder order = orders.lock(find(orderId));
        if (order.status == next) {
            return;
        }
        Map<String, Object> before = order.describe();
        Instant now = Timestamps.now();
        OrderStatus from = order.moveTo(next, now);
        orders.flush();
        log.transition(order, from, new OrderLog.Trigger(triggerType, triggerRef), null, now);
        log.audited(action, order, before, null);
    }

    private PurchaseOrder find(UUID orderId) {
        return orders.findInOrganization(caller.organizationId(), orderId).orElseThrow(() -> ApiException.notFound("order", orderId));
    }

    private static ShippableOrder view(PurchaseOrder order) {
        List<ShippedRoll> rolls = order.lots().map(lot -> new ShippedRoll(lot.line.id, lot.line.catalogItem.qualityCode,
                lot.line.catalogItem.colorCode, lot.roll.id, lot.roll.barcode, lot.roll.lot.lotNumber,
                lot.pickedMeters == null ? lot.orderedMeters : lot.pickedMeters)).toList();
        return new ShippableOrder(order.id, order.poNumber, order.crmCustomerId, order.crmDealId, order.status, rolls);
    }
}
