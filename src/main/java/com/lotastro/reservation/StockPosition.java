package com.lotastro.reservation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a catalog item can still promise: on hand, less meters bound to rolls, less promises against on-hand stock
 * not yet bound to rolls nor planned from arrived supply. Read under the item's row lock, it cannot change meanwhile.
 */
@ApplicationScoped
public class StockPosition {
    @Inject
    EntityManager em;

    public record Position(BigDecimal onHand, BigDecimal reserved, BigDecimal promised) {
        public BigDecimal promisable() {
            return onHand.subtract(reserved).subtract(promised);
        }
    }

    public record LotFree(UUID lotId, String lotNumber, BigDecimal freeMeters) {
    }

    public record Incoming(UUID supplyRequestId, LocalDate etaDate, BigDecimal meters) {
    }

    public Position of(UUID catalogItemId) {
        Object[] stock = (Object[]) em.createNativeQuery("""
                        select coalesce(sum(meters), 0), coalesce(sum(reserved_meters), 0) from rolls where catalog_item_id = :item""")
                .setParameter("item", catalogItemId).getSingleResult();
        BigDecimal promised = (BigDecimal) em.createNativeQuery("""
                        select coalesce(sum(greatest(l.meters - l.allocated_meters - l.planned_meters, 0)), 0)
                        from reservation_lines l join reservations r on r.id = l.reservation_id
                        where l.catalog_item_id = :item and r.status = 'active' and r.supply_request_id is null""")
                .setParameter("item", catalogItemId).getSingleResult();
        return new Position((BigDecimal) stock[0], (BigDecimal) stock[1], promised);
    }

    /** Meters that active reservations made against the supply request promise. */
    public BigDecimal promisedAgainstSupply(UUID supplyRequestId) {
        return (BigDecimal) em.createNativeQuery("""
                        select coalesce(sum(l.meters), 0) from reservation_lines l join reservations r on r.id = l.reservation_id
                        where r.supply_request_id = :supply and r.status = 'active'""")
                .setParameter("supply", supplyRequestId).getSingleResult();
    }

    /** Lots of the item with free meters, most free first. */
    public List<LotFree> lotsWithFreeMeters(UUID catalogItemId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select l.id, l.lot_number, sum(r.meters - r.reserved_meters) free
                        from lots l join rolls r on r.lot_id = l.id
                        where l.catalog_item_id = :item group by l.id, l.lot_number
                        having sum(r.meters - r.reserved_meters) > 0 order by free desc, l.lot_number limit 10""")
                .setParameter("item", catalogItemId).getResultList();
        return rows.stream().map(r -> new LotFree((UUID) r[0], (String) r[1], (BigDecimal) r[2])).toList();
    }

    /** The open supply of the item with the earliest ETA (requests without an ETA last). */
    public Optional<Incoming> nearestIncoming(UUID catalogItemId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, eta_date, coalesce(arrived_meters, meters) from supply_requests
                        where catalog_item_id = :item and status in ('planned', 'eta_confirmed', 'in_transit', 'arrived_soft')
                        order by eta_date nulls last, created_at limit 1""")
                .setParameter("item", catalogItemId).getResultList();
        return rows.stream().findFirst().map(r -> new Incoming((UUID) r[0],
                toLocalDate(r[1]), (BigDecimal) r[2]));
    }

    private static LocalDate toLocalDate(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        return ((java.sql.Date) value).toLocalDate();
    }
}
