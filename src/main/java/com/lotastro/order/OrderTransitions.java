package com.lotastro.order;

import com.lotastro.shared.paging.Criteria;
import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class OrderTransitions implements PanacheRepositoryBase<OrderTransition, UUID> {

    public Page<OrderTransition> ofOrder(UUID organizationId, UUID orderId, PageRequest page) {
        return Criteria.forOrganization(organizationId).eq("orderId", orderId).page(this, page, t -> new Cursor(t.createdAt, t.id));
    }
}
