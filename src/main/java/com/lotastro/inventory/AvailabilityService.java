package com.lotastro.inventory;

import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** On hand, reserved, available and incoming meters per catalog item, now or as of any past instant. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AvailabilityService {
    // On hand and reserved: now from the item's counters (the sums of its rolls, kept by triggers: one row whatever the
    // number of rolls), in the past from the ledger (all three agree, see consistency).
    private static final String STOCK_NOW = "select p.on_hand_meters on_hand, p.bound_meters reserved"
            + " from stock_positions p where p.catalog_item_id = c.id";
    private static final String STOCK_AS_OF = "select sum(t.meters_delta) on_hand, sum(t.reserved_delta) reserved"
            + " from inventory_transactions t where t.catalog_item_id = c.id and t.created_at <= :asOf";

    // Incoming: supply from planned to arrived_soft, at its arrived meters once arrived, less what lots received
    // against it. In the past, each request's status and arrived meters are read from its status history.
    private static final String RECEIVED = "select sum(t.meters_delta) received from lots l join inventory_transactions t"
            + " on t.lot_id = l.id and t.type = 'INCOMING_RECEIPT' where l.supply_request_id = sr.id";
    // Now, what a supply request received is its counter (supply_receipts, the sum of RECEIVED kept by a trigger).
    private static final String INCOMING_NOW = "select sum(greatest(coalesce(sr.arrived_meters, sr.meters)"
            + " - coalesce(rcv.received_meters, 0), 0)) incoming from supply_requests sr"
            + " left join supply_receipts rcv on rcv.supply_request_id = sr.id"
            + " where sr.catalog_item_id = c.id and sr.status in ('planned', 'eta_confirmed', 'in_transit', 'arrived_soft')";
    private static final String INCOMING_AS_OF = "select sum(greatest(coalesce(h.arrived_meters, sr.meters)"
            + " - coalesce(rcv.received, 0), 0)) incoming from supply_requests sr"
            + " join lateral (select h.new_status, h.arrived_meters from supply_request_status_history h"
            + " where h.supply_request_id = sr.id and h.changed_at <= :asOf order by h.changed_at desc, h.id desc limit 1) h on true"
            + " left join lateral (" + RECEIVED + " and t.created_at <= :asOf) rcv on true"
            + " where sr.catalog_item_id = c.id and h.new_status in ('planned', 'eta_confirmed', 'in_transit', 'arrived_soft')";

    @Inject
    EntityManager em;

    @Inject
    CallerContext caller;

    @Inject
    StockCommitments commitments;

    public record Filter(String qualityCode, String colorCode, Instant asOf) {
    }

    public record Availability(UUID catalogItemId, String qualityCode, String colorCode, BigDecimal onHandMeters,
                               BigDecimal reservedMeters, BigDecimal promisedMeters, BigDecimal earmarkedMeters,
                               BigDecimal incomingMeters, BigDecimal lowStockThresholdMeters, Instant createdAt) {
        public BigDecimal availableMeters() {
            return onHandMeters.subtract(reservedMeters).subtract(promisedMeters).subtract(earmarkedMeters);
        }

        /** Same rule as the catalog item's: below a positive threshold. */
        public boolean lowStock() {
            return lowStockThresholdMeters.signum() > 0 && availableMeters().compareTo(lowStockThresholdMeters) < 0;
        }
    }

    public Page<Availability> availability(Filter filter, PageRequest page) {
        boolean past = filter.asOf() != null;
        StringBuilder sql = new StringBuilder("""
                select c.id, c.quality_code, c.color_code, coalesce(s.on_hand, 0), coalesce(s.reserved, 0),
                       coalesce(i.incoming, 0), c.low_stock_threshold_meters, c.created_at
                from catalog_items c
                left join lateral (""").append(past ? STOCK_AS_OF : STOCK_NOW).append(") s on true\n")
                .append("left join lateral (").append(past ? INCOMING_AS_OF : INCOMING_NOW).append(") i on true\n")
                .append("where c.organization_id = :org");
        if (filter.qualityCode() != null) {
            sql.append(" and c.quality_code = :quality");
        }
        if (filter.colorCode() != null) {
            sql.append(" and c.color_code = :color");
        }
        if (past) {
            sql.append(" and c.created_at <= :asOf");
        }
        if (page.after() != null) {
            sql.append(" and (c.created_at > :cursorAt or (c.created_at = :cursorAt and c.id > :cursorId))");
        }
        sql.append(" order by c.created_at, c.id limit :limit");

        Query query = em.createNativeQuery(sql.toString())
                .setParameter("org", caller.organizationId())
                .setParameter("limit", page.limit() + 1);
        if (filter.qualityCode() != null) {
            query.setParameter("quality", filter.qualityCode());
        }
        if (filter.colorCode() != null) {
            query.setParameter("color", filter.colorCode());
        }
        if (filter.asOf() != null) {
            query.setParameter("asOf", filter.asOf());
        }
        if (page.after() != null) {
            query.setParameter("cursorAt", page.after().createdAt()).setParameter("cursorId", page.after().id());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<UUID> itemIds = rows.stream().map(r -> (UUID) r[0]).toList();
        Map<UUID, StockCommitments.Committed> committed = past ? commitments.asOf(itemIds, filter.asOf()) : commitments.now(itemIds);
        List<Availability> items = rows.stream().map(r -> {
            StockCommitments.Committed held = committed.getOrDefault((UUID) r[0], StockCommitments.Committed.NONE);
            return new Availability((UUID) r[0], (String) r[1], (String) r[2], scaled(r[3]), scaled(r[4]),
                    scaled(held.promised()), scaled(held.earmarked()), scaled(r[5]), scaled(r[6]), (Instant) r[7]);
        }).toList();
        return Page.fromOverfetch(items, page, a -> new Cursor(a.createdAt(), a.catalogItemId()));
    }

    private static BigDecimal scaled(Object value) {
        return ((BigDecimal) value).setScale(2);
    }
}
