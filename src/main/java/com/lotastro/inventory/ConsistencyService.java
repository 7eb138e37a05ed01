package com.lotastro.inventory;

import com.lotastro.shared.Timestamps;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Checks that every roll equals the sum of its ledger rows, for meters and for reserved meters. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ConsistencyService {
    @Inject
    EntityManager em;

    @Inject
    CallerContext caller;

    public record Discrepancy(UUID rollId, String barcode, UUID lotId, BigDecimal rollMeters, BigDecimal ledgerMeters,
                              BigDecimal rollReservedMeters, BigDecimal ledgerReservedMeters) {
    }

    public record Report(Instant checkedAt, long rollsChecked, List<Discrepancy> discrepancies) {
        public boolean healthy() {
            return discrepancies.isEmpty();
        }
    }

    public Report check() {
        UUID organizationId = caller.organizationId();
        Instant checkedAt = Timestamps.now();
        Number rollCount = (Number) em.createNativeQuery("select count(*) from rolls where organization_id = :org")
                .setParameter("org", organizationId).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select r.id, r.barcode, r.lot_id, r.meters, coalesce(sum(t.meters_delta), 0),
                       r.reserved_meters, coalesce(sum(t.reserved_delta), 0)
                from rolls r left join inventory_transactions t on t.roll_id = r.id
                where r.organization_id = :org
                group by r.id, r.barcode, r.lot_id, r.meters, r.reserved_meters
                having r.meters <> coalesce(sum(t.meters_delta), 0) or r.reserved_meters <> coalesce(sum(t.reserved_delta), 0)
                order by r.barcode""")
                .setParameter("org", organizationId)
                .getResultList();
        List<Discrepancy> discrepancies = rows.stream().map(r -> new Discrepancy((UUID) r[0], (String) r[1], (UUID) r[2],
                (BigDecimal) r[3], (BigDecimal) r[4], (BigDecimal) r[5], (BigDecimal) r[6])).toList();
        return new Report(checkedAt, rollCount.longValue(), discrepancies);
    }
}
