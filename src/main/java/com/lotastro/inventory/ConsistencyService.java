package com.lotastro.inventory;

import com.lotastro.shared.Timestamps;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Checks that every roll equals the sum of its ledger rows, for meters and for reserved meters, and that each item's
 * counters and commitment record equal the sums of the detail rows they follow.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ConsistencyService {
    @Inject
    EntityManager em;

    @Inject
    CallerContext caller;

    @Inject
    StockCommitments commitments;

    public record Discrepancy(UUID rollId, String barcode, UUID lotId, BigDecimal rollMeters, BigDecimal ledgerMeters,
                              BigDecimal rollReservedMeters, BigDecimal ledgerReservedMeters) {
    }

    /**
     * An item whose commitments summed from the detail rows (now) differ from their record or from its counters, whose
     * counters of on-hand or bound meters differ from its rolls, or whose commitments exceed what is on hand.
     */
    public record CommitmentDiscrepancy(UUID catalogItemId, StockCommitments.Committed now, StockCommitments.Committed recorded,
                                        BigDecimal availableMeters, StockCommitments.Counted counted) {
    }

    public record Report(Instant checkedAt, long rollsChecked, List<Discrepancy> discrepancies,
                         List<CommitmentDiscrepancy> commitmentDiscrepancies) {
        public boolean healthy() {
            return discrepancies.isEmpty() && commitmentDiscrepancies.isEmpty();
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
        return new Report(checkedAt, rollCount.longValue(), discrepancies, commitmentDiscrepancies(organizationId));
    }

    private List<CommitmentDiscrepancy> commitmentDiscrepancies(UUID organizationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> stock = em.createNativeQuery("""
                select c.id, coalesce(sum(r.meters), 0), coalesce(sum(r.reserved_meters), 0)
                from catalog_items c left join rolls r on r.catalog_item_id = c.id
                where c.organization_id = :org group by c.id order by c.id""")
                .setParameter("org", organizationId).getResultList();
        List<UUID> itemIds = stock.stream().map(r -> (UUID) r[0]).toList();
        Map<UUID, StockCommitments.Committed> now = commitments.summedFromDetails(itemIds);
        Map<UUID, StockCommitments.Committed> recorded = commitments.latestRecorded(itemIds);
        Map<UUID, StockCommitments.Counted> counters = commitments.counted(itemIds);
        List<CommitmentDiscrepancy> found = new ArrayList<>();
        for (Object[] row : stock) {
            UUID itemId = (UUID) row[0];
            StockCommitments.Committed live = now.getOrDefault(itemId, StockCommitments.Committed.NONE);
            StockCommitments.Committed record = recorded.getOrDefault(itemId, StockCommitments.Committed.NONE);
            StockCommitments.Counted counted = counters.get(itemId);
            BigDecimal onHand = (BigDecimal) row[1];
            BigDecimal bound = (BigDecimal) row[2];
            BigDecimal available = onHand.subtract(bound).subtract(live.total());
            boolean drifted = differ(live, record) || differ(live, counted.committed())
                    || onHand.compareTo(counted.onHand()) != 0 || bound.compareTo(counted.bound()) != 0;
            if (drifted || available.signum() < 0) {
                found.add(new CommitmentDiscrepancy(itemId, live, record, available, counted));
            }
        }
        return found;
    }

    private static boolean differ(StockCommitments.Committed a, StockCommitments.Committed b) {
        return a.promised().compareTo(b.promised()) != 0 || a.earmarked().compareTo(b.earmarked()) != 0;
    }
}
