package com.lotastro.catalog;

import com.lotastro.shared.paging.Criteria;
import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CatalogItems implements PanacheRepositoryBase<CatalogItem, UUID> {

    public record Filter(String qualityCode, String colorCode, Boolean active) {
    }

    public Optional<CatalogItem> findInOrganization(UUID organizationId, UUID id) {
        return find("organizationId = ?1 and id = ?2", organizationId, id).firstResultOptional();
    }

    public Optional<CatalogItem> findByCodes(UUID organizationId, String qualityCode, String colorCode) {
        return find("organizationId = ?1 and qualityCode = ?2 and colorCode = ?3", organizationId, qualityCode, colorCode)
                .firstResultOptional();
    }

    /**
     * Locks the item row. Every stock movement of an item takes this lock first (lock order item, lot, roll),
     * so availability seen inside the transaction cannot change under it.
     */
    public CatalogItem lockForStockMovement(CatalogItem item) {
        getEntityManager().flush();
        getEntityManager().refresh(item, LockModeType.PESSIMISTIC_WRITE);
        return item;
    }

    /**
     * Locks the item row for an edit of the item itself (description, threshold, active). It takes no other lock
     * after this one, so it sits at the first step of the stock lock order without being a stock movement.
     */
    public CatalogItem lockForEdit(CatalogItem item) {
        getEntityManager().flush();
        getEntityManager().refresh(item, LockModeType.PESSIMISTIC_WRITE);
        return item;
    }

    public Page<CatalogItem> search(UUID organizationId, Filter filter, PageRequest page) {
        return Criteria.forOrganization(organizationId)
                .eq("qualityCode", filter.qualityCode())
                .eq("colorCode", filter.colorCode())
                .eq("active", filter.active())
                .page(this, page, c -> new Cursor(c.createdAt, c.id));
    }
}
