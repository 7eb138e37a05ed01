package com.lotastro.order;

import com.lotastro.customer.Customer;
import com.lotastro.customer.CustomerService;
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
    CustomerService customers;

    @Inject
    CallerContext caller;

    public PurchaseOrder get(UUID id) {
        return orders.findInOrganization(caller.organizationId(), id).orElseThrow(() -> ApiException.notFound("order", id));
    }

    public Page<PurchaseOrder> search(PurchaseOrders.Filter filter, PageRequest page) {
        return orders.search(caller.organizationId(), filter, page);
    }

    /** The orders of a customer of the master: those of the CRM customer it is linked to; none when it is not linked. */
    public Page<PurchaseOrder> ofCustomer(UUID customerId, OrderStatus status, PageRequest page) {
        Customer customer = customers.get(customerId);
        if (customer.crmCustomerId == null) {
            return new Page<>(java.util.List.of(), null);
        }
        return orders.search(caller.organizationId(), new PurchaseOrders.Filter(status, null, null, customer.crmCustomerId, null, null,
                null), page);
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
