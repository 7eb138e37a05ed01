package com.lotastro.order;

import com.lotastro.shared.paging.Criteria;
import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class ShipmentOverrides implements PanacheRepositoryBase<ShipmentOverride, UUID> {

    public record Filter(OverrideReason reason, String actor, Instant from, Instant to) {
    }

    public Page<ShipmentOverride> search(UUID organizationId, Filter filter, PageRequest page) {
        return Criteria.forOrganization(organizationId)
                .eq("reason", filter.reason())
                .eq("overriddenBy", filter.actor())
                .atLeast("createdAt", filter.from())
                .before("createdAt", filter.to())
                .page(this, page, o -> new Cursor(o.createdAt, o.id));
    }
}
