package com.lotastro.inventory;

import com.lotastro.shared.paging.Criteria;
import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class Rolls implements PanacheRepositoryBase<Roll, UUID> {

    public record Filter(UUID lotId, String qualityCode, String colorCode, RollStatus status, BigDecimal minFreeMeters) {
    }

    public Optional<Roll> findInOrganization(UUID organizationId, UUID id) {
        return find("organizationId = ?1 and id = ?2", organizationId, id).firstResultOptional();
    }

    /**
     * Reloads the roll under a row lock; callers lock its catalog item first (lock order item, lot, roll). Pending
     * changes are written first, so locking a roll twice in one transaction never discards the first change.
     */
    public Roll lock(Roll roll) {
        getEntityManager().flush();
        getEntityManager().refresh(roll, LockModeType.PESSIMISTIC_WRITE);
        return roll;
    }

    /** Re-reads the roll without locking it (for callers that hold its item's lock, under which rolls change). */
    public Roll reload(Roll roll) {
        getEntityManager().refresh(roll);
        return roll;
    }

    public List<Roll> ofLot(UUID lotId) {
        return list("lot.id = ?1 order by barcode", lotId);
    }

    public List<String> existingBarcodes(UUID organizationId, Collection<String> barcodes) {
        return getEntityManager().createQuery(
                        "select r.barcode from Roll r where r.organizationId = :org and r.barcode in :barcodes", String.class)
                .setParameter("org", organizationId)
                .setParameter("barcodes", barcodes)
                .getResultList();
    }


    public Page<Roll> search(UUID organizationId, Filter filter, PageRequest page) {
        Criteria criteria = Criteria.forOrganization(organizationId)
                .eq("lot.id", filter.lotId())
                .eq("lot.catalogItem.qualityCode", filter.qualityCode())
                .eq("lot.catalogItem.colorCode", filter.colorCode())
                .condition("meters - reservedMeters >= :minFree", "minFree", filter.minFreeMeters());
        if (filter.status() != null) {
            criteria.clause(filter.status().condition());
        }
        return criteria.page(this, page, r -> new Cursor(r.createdAt, r.id));
    }
}
