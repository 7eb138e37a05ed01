package com.lotastro.reservation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Read-only check for the reconciler: each roll's reserved meters equal the meters bound to it by live allocations. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AllocationConsistency {
    @Inject
    EntityManager em;

    public record Drift(UUID rollId, BigDecimal rollReservedMeters, BigDecimal allocatedMeters) {
    }

    public List<Drift> rollsWhoseReservedMetersDifferFromAllocations(UUID organizationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select r.id, r.reserved_meters, coalesce(sum(a.meters) filter (where a.released_at is null), 0)
                        from rolls r left join roll_allocations a on a.roll_id = r.id
                        where r.organization_id = :org
                        group by r.id, r.reserved_meters
                        having r.reserved_meters <> coalesce(sum(a.meters) filter (where a.released_at is null), 0)
                        order by r.id""")
                .setParameter("org", organizationId).getResultList();
        return rows.stream().map(r -> new Drift((UUID) r[0], (BigDecimal) r[1], (BigDecimal) r[2])).toList();
    }
}
