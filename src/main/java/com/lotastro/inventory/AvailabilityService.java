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
import java.util.UUID;

/** On hand, reserved, available and incoming meters per catalog item, now or as of any past instant. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AvailabilityService {
    private static final BigDecimal NONE_INCOMING = BigDecimal.ZERO.setScale(2);

    @Inject
    EntityManager em;

    @Inject
    CallerContext caller;

    public record Filter(String qualityCode, String colorCode, Instant asOf) {
    }

    public record Availability(UUID catalogItemId, String qualityCode, String colorCode, BigDecimal onHandMeters,
                               BigDecimal reservedMeters, BigDecimal incomingMeters, BigDecimal lowStockThresholdMeters,
                               Instant createdAt) {
        public BigDecimal availableMeters() {
            return onHandMeters.subtract(reservedMeters);
        }

        /** Same rule as the catalog item's: below a positive threshold. */
        public boolean lowStock() {
            return lowStockThresholdMeters.signum() > 0 && availableMeters().compareTo(lowStockThresholdMeters) < 0;
        }
    }

    public Page<Availability> availability(Filter filter, PageRequest page) {
        // Now: the rolls themselves. As of an instant: the ledger up to it (rolls equal their ledger, see consistency).
        String stock = filter.asOf() == null
                ? "select sum(r.meters) on_hand, sum(r.reserved_meters) reserved from rolls r where r.catalog_item_id = c.id"
                : "select sum(t.meters_delta) on_hand, sum(t.reserved_delta) reserved from inventory_transactions t"
                  + " where t.catalog_item_id = c.id and t.created_at <= :asOf";
        StringBuilder sql = new StringBuilder("""
                select c.id, c.quality_code, c.color_code, coalesce(s.on_hand, 0), coalesce(s.reserved, 0),
                       c.low_stock_threshold_meters, c.created_at
                from catalog_items c left join lateral (""").append(stock).append(") s on true where c.organization_id = :org");
        if (filter.qualityCode() != null) {
            sql.append(" and c.quality_code = :quality");
        }
        if (filter.colorCode() != null) {
            sql.append(" and c.color_code = :color");
        }
        if (filter.asOf() != null) {
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
        List<Availability> items = rows.stream().map(r -> new Availability((UUID) r[0], (String) r[1], (String) r[2],
                scaled(r[3]), scaled(r[4]), NONE_INCOMING, scaled(r[5]), (Instant) r[6])).toList();
        return Page.fromOverfetch(items, page, a -> new Cursor(a.createdAt(), a.catalogItemId()));
    }

    private static BigDecimal scaled(Object value) {
        return ((BigDecimal) value).setScale(2);
    }
}
