package com.lotastro.inventory;

import com.lotastro.shared.paging.Criteria;
import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class Lots implements PanacheRepositoryBase<Lot, UUID> {

    public record Filter(UUID catalogItemId, String qualityCode, String colorCode, String lotNumber) {
    }

    /** Roll count and current meters of a lot. */
    public record Totals(long rollCount, BigDecimal meters) {
        static final Totals NONE = new Totals(0, BigDecimal.ZERO.setScale(2));
    }

    public Optional<Lot> findInOrganization(UUID organizationId, UUID id) {
        return find("organizationId = ?1 and id = ?2", organizationId, id).firstResultOptional();
    }

    public boolean lotNumberExists(UUID organizationId, String lotNumber) {
        return count("organizationId = ?1 and lotNumber = ?2", organizationId, lotNumber) > 0;
    }

    public Page<Lot> search(UUID organizationId, Filter filter, PageRequest page) {
        return Criteria.forOrganization(organizationId)
                .eq("catalogItem.id", filter.catalogItemId())
                .eq("catalogItem.qualityCode", filter.qualityCode())
                .eq("catalogItem.colorCode", filter.colorCode())
                .eq("lotNumber", filter.lotNumber())
                .page(this, page, l -> new Cursor(l.createdAt, l.id));
    }

    public Map<UUID, Totals> totals(Collection<UUID> lotIds) {
        if (lotIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = getEntityManager().createQuery(
                        "select r.lot.id, count(r), sum(r.meters) from Roll r where r.lot.id in :ids group by r.lot.id", Object[].class)
                .setParameter("ids", lotIds)
                .getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> new Totals((Long) r[1], (BigDecimal) r[2])));
    }

    public Totals totalsOf(UUID lotId) {
        return totals(List.of(lotId)).getOrDefault(lotId, Totals.NONE);
    }
}
