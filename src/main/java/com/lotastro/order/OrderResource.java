package com.lotastro.order;

import com.lotastro.api.OrdersApi;
import com.lotastro.api.model.OrderCancelDto;
import com.lotastro.api.model.OrderDto;
import com.lotastro.api.model.OrderPageDto;
import com.lotastro.api.model.OrderPickDto;
import com.lotastro.api.model.OrderStatusDto;
import com.lotastro.api.model.OrderTransitionPageDto;
import com.lotastro.api.model.OverrideReasonDto;
import com.lotastro.api.model.ShipmentOverrideCreateDto;
import com.lotastro.api.model.ShipmentOverrideDto;
import com.lotastro.api.model.ShipmentOverridePageDto;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.idempotency.Idempotent;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.RequiresScope;
import com.lotastro.shared.security.Scope;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

public class OrderResource implements OrdersApi {
    @Inject
    OrderCreationService creation;

    @Inject
    OrderFlowService flow;

    @Inject
    OrderQueries queries;

    @Override
    @Idempotent
    @RequiresScope(Scope.APPROVALS_WRITE)
    public ShipmentOverrideDto overrideShipmentApproval(UUID reservationId, ShipmentOverrideCreateDto body, String idempotencyKey,
                                                        String actor) {
        ShipmentOverride override = creation.override(reservationId, OrderMapper.reason(body.getReason()), body.getNotes());
        return OrderMapper.toDto(override, queries.get(override.orderId).poNumber);
    }

    @Override
    @RequiresScope(Scope.ORDERS_READ)
    public ShipmentOverridePageDto listOverrides(OverrideReasonDto reason, String actor, OffsetDateTime from, OffsetDateTime to,
                                                 Integer limit, String cursor) {
        Page<ShipmentOverride> page = queries.overrides(new ShipmentOverrides.Filter(OrderMapper.reason(reason), actor,
                Timestamps.instant(from), Timestamps.instant(to)), PageRequest.of(limit, cursor));
        return new ShipmentOverridePageDto()
                .data(page.map(o -> OrderMapper.toDto(o, queries.get(o.orderId).poNumber)).items())
                .nextCursor(page.nextCursor());
    }

    @Override
    @RequiresScope(Scope.ORDERS_READ)
    public OrderPageDto listOrders(OrderStatusDto status, String poNumber, UUID crmDealId, UUID crmCustomerId, LocalDate shipDateFrom,
                                   LocalDate shipDateTo, Boolean overrideUsed, String sort, Integer limit, String cursor) {
        PurchaseOrders.Filter filter = new PurchaseOrders.Filter(OrderMapper.status(status), poNumber, crmDealId, crmCustomerId,
                shipDateFrom, shipDateTo, overrideUsed);
        if (sort == null || sort.equals("created_at")) {
            Page<PurchaseOrder> page = queries.search(filter, PageRequest.of(limit, cursor));
            return new OrderPageDto().data(page.map(OrderMapper::toDto).items()).nextCursor(page.nextCursor());
        }
        if (sort.equals("staging_queue")) {
            PurchaseOrders.StagingPage page = queries.stagingQueue(filter, limit, cursor);
            return new OrderPageDto().data(page.items().stream().map(OrderMapper::toDto).toList()).nextCursor(page.nextCursor());
        }
        throw new ApiException(ErrorCode.INVALID_PARAMETER, "sort must be created_at or staging_queue");
    }

    @Override
    @RequiresScope(Scope.ORDERS_READ)
    public OrderPageDto listCustomerOrders(UUID customerId, OrderStatusDto status, Integer limit, String cursor) {
        Page<PurchaseOrder> page = queries.ofCustomer(customerId, OrderMapper.status(status), PageRequest.of(limit, cursor));
        return new OrderPageDto().data(page.map(OrderMapper::toDto).items()).nextCursor(page.nextCursor());
    }

    @Override
    @RequiresScope(Scope.ORDERS_READ)
    public OrderDto getOrder(UUID orderId) {
        return current(orderId);
    }

    /** Reads the order afresh after a change committed (or within the change's transaction under an Idempotency-Key). */
    private OrderDto current(UUID orderId) {
        return OrderMapper.toDto(queries.get(orderId));
    }

    @Override
    @RequiresScope(Scope.ORDERS_READ)
    public OrderTransitionPageDto listOrderTransitions(UUID orderId, Integer limit, String cursor) {
        Page<OrderTransition> page = queries.transitions(orderId, PageRequest.of(limit, cursor));
        return new OrderTransitionPageDto().data(page.map(OrderMapper::toDto).items()).nextCursor(page.nextCursor());
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.ORDERS_WRITE)
    public OrderDto stageOrder(UUID orderId, String idempotencyKey, String actor) {
        return current(flow.stage(orderId).id);
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.ORDERS_WRITE)
    public OrderDto pickOrder(UUID orderId, OrderPickDto body, String idempotencyKey, String actor) {
        return current(flow.pick(orderId, OrderMapper.toCuts(body)).id);
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.ORDERS_WRITE)
    public OrderDto fulfilOrder(UUID orderId, String idempotencyKey, String actor) {
        return current(flow.fulfil(orderId).id);
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.ORDERS_WRITE)
    public OrderDto cancelOrder(UUID orderId, OrderCancelDto body, String idempotencyKey, String actor) {
        return current(flow.cancel(orderId, body.getReason(), Boolean.TRUE.equals(body.getKeepReservation())).id);
    }
}
