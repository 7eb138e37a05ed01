package com.lotastro.reservation;

import com.lotastro.shared.paging.Criteria;
import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ShortageDecisions implements PanacheRepositoryBase<ShortageDecision, UUID> {

    public Page<ShortageDecision> search(UUID organizationId, UUID supplyRequestId, PageRequest page) {
        return Criteria.forOrganization(organizationId)
                .eq("supplyRequestId", supplyRequestId)
                .page(this, page, d -> new Cursor(d.createdAt, d.id));
    }
}
