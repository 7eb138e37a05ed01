package com.lotastro.order;

import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OrderQueries {
    @Inject
    PurchaseOrders orders;

    @Inject
    OrderTransitions transitions;

    @Inject
    ShipmentOverrides overrides;

    @Inject
    CallerContext caller;

    public PurchaseOrder get(UUID id) {
        return orders.findInOrganization(caller.organizationId(), id).orElseThrow(() -> ApiException.notFound("order", id));
    }

    public Page<PurchaseOrder> search(PurchaseOrders.Filter filter, PageRequest page) {
        return orders.search(caller.organizationId(), filter, page);
    }

    public PurchaseOrders.StagingPage stagingQueue(PurchaseOrders.Filter filter, Integer limit, String cursor) {
        return orders.stagingQueue(caller.organizationId(), filter, limit == null ? PageRequest.DEFAULT_LIMIT : limit,
                cursor == null || cursor.isEmpty() ? null : StagingCursor.decode(cursor));
    }

    public Page<OrderTransition> transitions(UUID orderId, PageRequest page) {
        get(orderId);
        return transitions.ofOrder(caller.organizationId(), orderId, page);
    }

    public Page<ShipmentOverride> overrides(ShipmentOverrides.Filter filter, PageRequest page) {
        return overrides.search(caller.organizationId(), filter, page);
    }

    public ShipmentOverride override(UUID id) {
        return overrides.find("organizationId = ?1 and id = ?2", caller.organizationId(), id).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("override", id));
    }
}
