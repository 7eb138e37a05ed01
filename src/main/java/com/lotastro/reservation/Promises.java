package com.lotastro.reservation;

import com.lotastro.catalog.CatalogItem;
import com.lotastro.inventory.StockCommitments;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.TransactionClock;
import com.lotastro.supply.SupplyRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The promise rule, in one place. Of a catalog item's on-hand meters, these are held:
 * <ul>
 *   <li><b>bound</b>: on rolls (the rolls' reserved meters);</li>
 *   <li><b>promised</b>: what active reservations against on-hand stock still need beyond their rolls and beyond
 *       what a plan assigned from supply, less meters a recorded loss left unbacked;</li>
 *   <li><b>earmarked</b>: supply that was received into stock and is still owed to the reservations made against
 *       it or planned from it, until roll entry binds it. Per supply request: the lesser of what its reservations
 *       still need from it and what was received less what roll entry already took for them.</li>
 * </ul>
 * Available = on hand - bound - promised - earmarked. Availability, reservation checks, planning, allocation and
 * corrections all ask this class; under the item lock ({@link StockLocks}) the answer cannot change.
 *
 * <p>The answer comes from per-item counters (liquibase {@code 202611230800-stock-counters}) that move with the detail
 * rows in the statement that changes them, so a check costs the same however many reservations an item has. The rule
 * below ({@link #summedFromDetails}) is what the counters follow; the consistency check compares the two.
 */
@ApplicationScoped
public class Promises implements StockCommitments {
    private static final Object RECORD_KEY = new Object();
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /**
     * Per active line of the items: src = the supply it is served from (reserved against, or planned from);
     * o = what it still needs of on-hand stock; c = what it is still owed by that supply; t = what roll entry already
     * took towards that claim from the supply's own lots; u = meters a loss left unbacked, taken off o first, then c.
     * Rolls of other lots may serve a line too: they lower its claim (c) without using up the supply's receipts.
     */
    private static final String LINES = """
            select l.catalog_item_id item, coalesce(r.supply_request_id, r.planned_supply_request_id) src,
                   case when r.supply_request_id is null then l.meters - greatest(l.planned_meters, l.allocated_meters) else 0 end o,
                   case when r.supply_request_id is not null then l.meters - l.allocated_meters
                        else greatest(l.planned_meters - l.allocated_meters, 0) end c,
                   case when coalesce(r.supply_request_id, r.planned_supply_request_id) is null then 0
                        else (select coalesce(sum(ra.meters), 0) from roll_allocations ra
                              join rolls ro on ro.id = ra.roll_id join lots lo on lo.id = ro.lot_id
                              where ra.reservation_line_id = l.id and ra.released_at is null
                                and lo.supply_request_id = coalesce(r.supply_request_id, r.planned_supply_request_id)) end t,
                   l.unbacked_meters u
            from reservation_lines l join reservations r on r.id = l.reservation_id
            where l.catalog_item_id = any(cast(:items as uuid[])) and r.status = 'active'""";

    private static final String COMMITTED = "with l as (" + LINES + """
            ), promised as (
              select item, sum(greatest(o - u, 0)) promised from l group by item
            ), claims as (
              select item, src, sum(c - greatest(u - o, 0)) owed, sum(t) taken from l where src is not null group by item, src
            ), earmarked as (
              select c.item, sum(least(c.owed, greatest(coalesce(rcv.received, 0) - c.taken, 0))) earmarked
              from claims c left join lateral (
                select sum(t.meters_delta) received from lots lo
                join inventory_transactions t on t.lot_id = lo.id and t.type = 'INCOMING_RECEIPT'
                where lo.supply_request_id = c.src) rcv on true
              group by c.item
            )
            select coalesce(p.item, e.item), coalesce(p.promised, 0), coalesce(e.earmarked, 0)
            from promised p full join earmarked e on e.item = p.item""";

    /** Earmarked meters of the item {@code i.id}: its claims on supply, each capped by what that supply delivered. */
    private static final String EARMARKED = """
            coalesce((select sum(least(c.owed_meters, greatest(coalesce(s.received_meters, 0) - c.taken_meters, 0)))
                      from supply_claims c left join supply_receipts s on s.supply_request_id = c.supply_request_id
                      where c.catalog_item_id = i.id), 0)""";

    /** The counters of the items, one row per item asked for. */
    private static final String COUNTED = """
            select i.id item, coalesce(p.on_hand_meters, 0) on_hand, coalesce(p.bound_meters, 0) bound,
                   coalesce(p.promised_meters, 0) promised, """ + EARMARKED + """
             earmarked
            from unnest(cast(:items as uuid[])) i(id) left join stock_positions p on p.catalog_item_id = i.id""";

    /**
     * The counters of the items, each row also naming the live (active or ordered) reservation of a CRM deal, if
     * any: a new reservation's two checks under its item locks, in one round trip.
     */
    private static final String COUNTED_WITH_DEAL = "select n.*, d.id, d.status from (" + COUNTED + """
            ) n left join lateral (select r.id, r.status from reservations r where r.organization_id = :organization
                                   and r.crm_deal_id = :deal and r.status in ('active', 'ordered') limit 1) d on true""";

    /** Appends a record for each item whose counters differ from its latest record, in one statement. */
    private static final String RECORD = "insert into stock_commitments (organization_id, catalog_item_id, promised_meters,"
            + " earmarked_meters, recorded_at) select c.organization_id, n.item, n.promised, n.earmarked, ? from ("
            + COUNTED.replace(":items", "?") + """
            ) n join catalog_items c on c.id = n.item
            left join lateral (select s.promised_meters, s.earmarked_meters from stock_commitments s
                               where s.catalog_item_id = n.item order by s.recorded_at desc, s.seq desc limit 1) last on true
            where n.promised <> coalesce(last.promised_meters, 0) or n.earmarked <> coalesce(last.earmarked_meters, 0)""";

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    jakarta.transaction.TransactionManager transactionManager;

    @Inject
    ShortfallPolicy shortfalls;

    @Inject
    TransactionClock clock;

    /** An item's stock as a change sees it under the item lock. */
    public record Position(BigDecimal onHand, BigDecimal bound, Committed committed) {
        public BigDecimal available() {
            return onHand.subtract(bound).subtract(committed.promised()).subtract(committed.earmarked());
        }
    }

    /** One statement on the item's counters, whatever its number of reservations. */
    public Position position(UUID catalogItemId) {
        Counted counted = counted(List.of(catalogItemId)).get(catalogItemId);
        return new Position(counted.onHand(), counted.bound(), counted.committed());
    }

    @Override
    public BigDecimal available(UUID catalogItemId) {
        return position(catalogItemId).available();
    }

    @Override
    public Map<UUID, Committed> now(Collection<UUID> catalogItemIds) {
        Map<UUID, Committed> committed = new HashMap<>();
        counted(catalogItemIds).forEach((item, counted) -> {
            if (counted.committed().promised().signum() != 0 || counted.committed().earmarked().signum() != 0) {
                committed.put(item, counted.committed());
            }
        });
        return committed;
    }

    /** Every item asked for, zero for an item without counters yet. Flushes first: the counters move at the flush. */
    @Override
    public Map<UUID, Counted> counted(Collection<UUID> catalogItemIds) {
        if (catalogItemIds.isEmpty()) {
            return Map.of();
        }
        flushPendingChanges();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COUNTED).setParameter("items", ids(catalogItemIds)).getResultList();
        Map<UUID, Counted> counted = new HashMap<>();
        rows.forEach(r -> counted.put((UUID) r[0], new Counted(scaled(r[1]), scaled(r[2]),
                new Committed(scaled(r[3]), scaled(r[4])))));
        return counted;
    }

    /** The live reservation of a CRM deal: its id and status value. */
    public record LiveReservation(UUID id, String status) {
    }

    /** The items' counters (as {@link #counted}) and the live reservation of a deal, read in one statement. */
    public record CountedForDeal(Map<UUID, Counted> counted, Optional<LiveReservation> liveForDeal) {
    }

    /** For a new reservation under its item locks: what each item holds, and whether the deal already has one. */
    public CountedForDeal countedForDeal(Collection<UUID> catalogItemIds, UUID organizationId, UUID crmDealId) {
        flushPendingChanges();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COUNTED_WITH_DEAL).setParameter("items", ids(catalogItemIds))
                .setParameter("organization", organizationId).setParameter("deal", crmDealId).getResultList();
        Map<UUID, Counted> counted = new HashMap<>();
        Optional<LiveReservation> live = Optional.empty();
        for (Object[] r : rows) {
            counted.put((UUID) r[0], new Counted(scaled(r[1]), scaled(r[2]), new Committed(scaled(r[3]), scaled(r[4]))));
            if (r[5] != null) {
                live = Optional.of(new LiveReservation((UUID) r[5], (String) r[6]));
            }
        }
        return new CountedForDeal(counted, live);
    }

    @Override
    public Map<UUID, Committed> summedFromDetails(Collection<UUID> catalogItemIds) {
        if (catalogItemIds.isEmpty()) {
            return Map.of();
        }
        flushPendingChanges();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COMMITTED)
                .setParameter("items", ids(catalogItemIds)).getResultList();
        Map<UUID, Committed> committed = new HashMap<>();
        rows.forEach(r -> committed.put((UUID) r[0], new Committed(scaled(r[1]), scaled(r[2]))));
        return committed;
    }

    @Override
    public Map<UUID, Committed> asOf(Collection<UUID> catalogItemIds, Instant asOf) {
        return recorded(catalogItemIds, asOf);
    }

    @Override
    public Map<UUID, Committed> latestRecorded(Collection<UUID> catalogItemIds) {
        return recorded(catalogItemIds, null);
    }

    /** The latest record of each item at or before the instant (null: the latest of all). */
    private Map<UUID, Committed> recorded(Collection<UUID> catalogItemIds, Instant asOf) {
        if (catalogItemIds.isEmpty()) {
            return Map.of();
        }
        var query = em.createNativeQuery("""
                        select distinct on (catalog_item_id) catalog_item_id, promised_meters, earmarked_meters
                        from stock_commitments where catalog_item_id = any(cast(:items as uuid[]))"""
                        + (asOf == null ? "" : " and recorded_at <= :asOf")
                        + " order by catalog_item_id, recorded_at desc, seq desc")
                .setParameter("items", ids(catalogItemIds));
        if (asOf != null) {
            query.setParameter("asOf", asOf);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<UUID, Committed> committed = new HashMap<>();
        rows.forEach(r -> committed.put((UUID) r[0], new Committed(scaled(r[1]), scaled(r[2]))));
        return committed;
    }

    /** What a supply request can still take in reservations made against it. */
    public BigDecimal openOnSupply(SupplyRequest supply) {
        em.flush();
        BigDecimal reserved = (BigDecimal) em.createNativeQuery("""
                        select coalesce(sum(l.meters), 0) from reservation_lines l join reservations r on r.id = l.reservation_id
                        where r.supply_request_id = :supply and r.status = 'active'""")
                .setParameter("supply", supply.id).getSingleResult();
        return supply.servableMeters().subtract(reserved);
    }

    @Override
    public void absorbLoss(CatalogItem item, BigDecimal lost, boolean acknowledged, String reason) {
        shortfalls.absorb(item, lost, acknowledged, reason);
    }

    /**
     * Records the item's commitments when the transaction that locked it commits, if they changed: the record
     * {@link #asOf} reads. Called by {@link StockLocks} for every item it locks.
     */
    void recordOnCommit(CatalogItem item) {
        @SuppressWarnings("unchecked")
        Map<UUID, UUID> items = (Map<UUID, UUID>) transactions.getResource(RECORD_KEY);
        if (items == null) {
            Map<UUID, UUID> enrolled = new LinkedHashMap<>();
            transactions.putResource(RECORD_KEY, enrolled);
            // A plain (not interposed) synchronization, registered after Hibernate's own (Hibernate joins the
            // transaction at its first query, before any lock): it runs after Hibernate's flush-on-commit.
            registerBeforeCommit(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    record(enrolled);
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            items = enrolled;
        }
        items.put(item.id, item.organizationId);
    }

    private void registerBeforeCommit(Synchronization synchronization) {
        try {
            transactionManager.getTransaction().registerSynchronization(synchronization);
        } catch (jakarta.transaction.RollbackException | jakarta.transaction.SystemException e) {
            throw new IllegalStateException("The transaction cannot record commitments", e);
        }
    }

    /**
     * Appends a record for each item whose commitments differ from its latest record, in one statement on the
     * transaction's connection. Runs in beforeCompletion, so it talks JDBC and closes its handle itself (a query
     * through the persistence context here would keep a handle open past the pool's commit check).
     */
    private void record(Map<UUID, UUID> organizationByItem) {
        // Hibernate joined the transaction at its first query, before any lock was taken, so its synchronization was
        // registered first and its flush-on-commit has run by now: the counters include every change. The
        // consistency report compares the latest record with the detail rows, so a missed change would show.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(RECORD)) {
            insert.setObject(1, Timestamps.utc(clock.now()));
            insert.setString(2, ids(organizationByItem.keySet()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record stock commitments", e);
        }
    }

    /** Inside a change, its pending writes move the counters first; a read outside a transaction has none. */
    private void flushPendingChanges() {
        if (transactions.getTransactionStatus() == jakarta.transaction.Status.STATUS_ACTIVE) {
            em.flush();
        }
    }

    private static String ids(Collection<UUID> ids) {
        return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
    }

    private static BigDecimal scaled(Object value) {
        return value == null ? ZERO : ((BigDecimal) value).setScale(2);
    }
}
