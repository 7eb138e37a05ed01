package com.lotastro.inventory;

import com.lotastro.shared.paging.Criteria;
import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class InventoryTransactions implements PanacheRepositoryBase<InventoryTransaction, UUID> {

    public record Filter(UUID rollId, UUID lotId, UUID catalogItemId, TransactionType type, Instant from, Instant to) {
    }

    public Page<InventoryTransaction> search(UUID organizationId, Filter filter, PageRequest page) {
        return Criteria.forOrganization(organizationId)
                .eq("rollId", filter.rollId())
                .eq("lotId", filter.lotId())
                .eq("catalogItemId", filter.catalogItemId())
                .eq("type", filter.type())
                .atLeast("createdAt", filter.from())
                .before("createdAt", filter.to())
                .page(this, page, t -> new Cursor(t.createdAt, t.id));
    }
}
