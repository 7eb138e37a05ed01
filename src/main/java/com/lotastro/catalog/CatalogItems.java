package com.lotastro.catalog;

import com.lotastro.shared.paging.Criteria;
import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
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

    /** An item's codes, as a request names it. */
    public record Codes(String qualityCode, String colorCode) {
    }

    /**
     * Finds the organization's items by their codes and locks them in one statement, in id order (PostgreSQL locks
     * the rows as the sorted result emits them). Codes naming no item are left out.
     */
    public List<CatalogItem> lockByCodesForStockMovement(UUID organizationId, Collection<Codes> codes) {
        getEntityManager().flush();
        List<Codes> distinct = List.copyOf(new LinkedHashSet<>(codes));
        StringBuilder jpql = new StringBuilder("select c from CatalogItem c where c.organizationId = :org and (");
        for (int i = 0; i < distinct.size(); i++) {
            jpql.append(i == 0 ? "" : " or ").append("(c.qualityCode = :q").append(i).append(" and c.colorCode = :c").append(i).append(')');
        }
        TypedQuery<CatalogItem> query = getEntityManager().createQuery(jpql.append(") order by c.id").toString(), CatalogItem.class)
                .setParameter("org", organizationId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE);
        for (int i = 0; i < distinct.size(); i++) {
            query.setParameter("q" + i, distinct.get(i).qualityCode()).setParameter("c" + i, distinct.get(i).colorCode());
        }
        return query.getResultList();
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
