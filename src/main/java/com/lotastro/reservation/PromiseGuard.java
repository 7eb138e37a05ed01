package com.lotastro.reservation;

import com.lotastro.catalog.CatalogItem;
import com.lotastro.inventory.StockCommitments;
import com.lotastro.shared.Meters;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.supply.SupplyRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Refuses a promise that stock or supply cannot back, answering with what could serve it instead. Asks
 * {@link Promises} what is available; callers hold the locks ({@link StockLocks}), so the answer holds until commit.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PromiseGuard {
    @Inject
    Promises promises;

    @Inject
    EntityManager em;

    /** Meters a deal line asks of an item. */
    public record Ask(UUID crmDealLineId, CatalogItem item, BigDecimal meters) {
    }

    /**
     * The CRM deal must have no live reservation yet (checked first), and every item must still be able to promise
     * what the lines ask of it: both read in one statement ({@link Promises#countedForDeal}).
     */
    void requireOnHand(List<Ask> asks, UUID organizationId, UUID crmDealId,
                       Function<Promises.LiveReservation, ApiException> dealAlreadyReserved) {
        Map<UUID, BigDecimal> askedByItem = new LinkedHashMap<>();
        asks.forEach(a -> askedByItem.merge(a.item().id, a.meters(), BigDecimal::add));
        Promises.CountedForDeal read = promises.countedForDeal(askedByItem.keySet(), organizationId, crmDealId);
        if (read.liveForDeal().isPresent()) {
            throw dealAlreadyReserved.apply(read.liveForDeal().get());
        }
        Map<UUID, BigDecimal> available = new LinkedHashMap<>();
        askedByItem.keySet().forEach(itemId -> {
            StockCommitments.Counted counted = read.counted().get(itemId);
            available.put(itemId, new Promises.Position(counted.onHand(), counted.bound(), counted.committed()).available());
        });
        if (askedByItem.entrySet().stream().anyMatch(e -> e.getValue().compareTo(available.get(e.getKey())) > 0)) {
            throw insufficient("Not enough stock to promise every line", asks, available::get);
        }
    }

    /** The supply request (locked by the caller) must still be able to take what the lines ask of it. */
    void requireOnSupply(SupplyRequest supply, List<Ask> asks) {
        BigDecimal asked = asks.stream().map(Ask::meters).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal open = promises.openOnSupply(supply);
        if (asked.compareTo(open) > 0) {
            throw insufficient("Supply request " + supply.id + " can still serve " + open.max(BigDecimal.ZERO) + " m; " + asked
                    + " m were asked", asks, itemId -> open);
        }
    }

    /** More meters for a promise already made: on-hand stock, or the supply it was made against, must have them. */
    void requireMore(SupplyRequest against, Map<UUID, BigDecimal> extraByItem) {
        for (Map.Entry<UUID, BigDecimal> extra : extraByItem.entrySet()) {
            if (extra.getValue().signum() <= 0) {
                continue;
            }
            BigDecimal available = against != null ? promises.openOnSupply(against) : promises.available(extra.getKey());
            if (extra.getValue().compareTo(available) > 0) {
                throw new ApiException(ErrorCode.INSUFFICIENT_STOCK, "The change needs " + extra.getValue()
                        + " m more, but only " + available.max(BigDecimal.ZERO) + " m can still be promised");
            }
        }
    }

    /** What each item can promise now: taken before a change, handed to {@link #requireNotWorse} after it. */
    public Map<UUID, BigDecimal> snapshot(java.util.Collection<UUID> itemIds) {
        Map<UUID, BigDecimal> available = new LinkedHashMap<>();
        itemIds.stream().distinct().forEach(itemId -> available.put(itemId, promises.available(itemId)));
        return available;
    }

    /**
     * A change may turn promised meters into bound ones, or move them between stock and supply, but it must not
     * take meters nobody else was promised beyond what is available: after it, no item may be below zero and worse
     * off than before.
     */
    public void requireNotWorse(Map<UUID, BigDecimal> before) {
        before.forEach((itemId, was) -> {
            BigDecimal now = promises.available(itemId);
            if (now.signum() < 0 && now.compareTo(was) < 0) {
                throw new ApiException(ErrorCode.INSUFFICIENT_STOCK, "Only " + was.max(BigDecimal.ZERO)
                        + " m of this item are neither bound, promised nor earmarked for others; the change needs "
                        + was.subtract(now) + " m of them");
            }
        });
    }

    private ApiException insufficient(String detail, List<Ask> asks, Function<UUID, BigDecimal> available) {
        List<Map<String, Object>> details = new ArrayList<>();
        for (Ask ask : asks) {
            CatalogItem item = ask.item();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("crm_deal_line_id", ask.crmDealLineId());
            line.put("quality_code", item.qualityCode);
            line.put("color_code", item.colorCode);
            line.put("requested_meters", Meters.of(ask.meters()));
            line.put("available_meters", available.apply(item.id).max(BigDecimal.ZERO));
            line.put("lots", lotsWithFreeMeters(item.id).stream().map(lot -> Map.of("lot_id", lot.lotId(),
                    "lot_number", lot.lotNumber(), "free_meters", lot.freeMeters())).toList());
            nearestIncoming(item.id).ifPresent(incoming -> {
                Map<String, Object> next = new LinkedHashMap<>();
                next.put("supply_request_id", incoming.supplyRequestId());
                if (incoming.etaDate() != null) {
                    next.put("eta_date", incoming.etaDate().toString());
                }
                next.put("meters", incoming.meters());
                line.put("nearest_incoming", next);
            });
            details.add(line);
        }
        return new ApiException(ErrorCode.INSUFFICIENT_STOCK, detail, List.of(), Map.of("lines", details));
    }

    private record LotFree(UUID lotId, String lotNumber, BigDecimal freeMeters) {
    }

    private record Incoming(UUID supplyRequestId, LocalDate etaDate, BigDecimal meters) {
    }

    /** Lots of the item with meters free on their rolls, most free first: where a smaller promise could come from. */
    private List<LotFree> lotsWithFreeMeters(UUID catalogItemId) {
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
    private Optional<Incoming> nearestIncoming(UUID catalogItemId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, eta_date, coalesce(arrived_meters, meters) from supply_requests
                        where catalog_item_id = :item and status in ('planned', 'eta_confirmed', 'in_transit', 'arrived_soft')
                        order by eta_date nulls last, created_at limit 1""")
                .setParameter("item", catalogItemId).getResultList();
        return rows.stream().findFirst().map(r -> new Incoming((UUID) r[0], toLocalDate(r[1]), (BigDecimal) r[2]));
    }

    private static LocalDate toLocalDate(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        return ((java.sql.Date) value).toLocalDate();
    }
}
