package com.lotastro.supply;

import com.lotastro.shared.paging.Criteria;
import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class SupplyHistory implements PanacheRepositoryBase<SupplyStatusChange, UUID> {

    public Page<SupplyStatusChange> ofRequest(UUID organizationId, UUID supplyRequestId, PageRequest page) {
        return Criteria.forOrganization(organizationId)
                .eq("supplyRequestId", supplyRequestId)
                .page(this, page, c -> new Cursor(c.createdAt, c.id));
    }
}
