package com.lotastro.order;

import com.lotastro.inventory.InventoryLedger;
import com.lotastro.inventory.Roll;
import com.lotastro.inventory.Rolls;
import com.lotastro.inventory.TransactionType;
import com.lotastro.reservation.OrderHandover;
import com.lotastro.reservation.PromiseGuard;
import com.lotastro.reservation.Reservation;
import com.lotastro.reservation.StockLocks;
import com.lotastro.shared.Meters;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.error.FieldError;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Working a PO on the floor: staging, picking (measured cuts, substitutions), full fulfilment and cancellation.
 * Stock changes follow the lock protocol of docs/concurrency.md: items, the reservation, the order, then rolls.
 */
@ApplicationScoped
@Transactional
public class OrderFlowService {
    private static final String SOURCE = "order";

    @Inject
    PurchaseOrders orders;

    @Inject
    OrderHandover handover;

    @Inject
    StockLocks locks;

    @Inject
    PromiseGuard guard;

    @Inject
    InventoryLedger ledger;

    @Inject
    Rolls rolls;

    @Inject
    OrderLog log;

    @Inject
    OrderEvents events;

    @Inject
    OrderConfig config;

    @Inject
    CallerContext caller;

    /** One measured cut: the lot, the meters cut, and optionally the roll it was cut from instead. */
    public record Cut(UUID orderLotId, BigDecimal pickedMeters, UUID substituteRollId, String substitutionReason) {
    }

    public PurchaseOrder stage(UUID orderId) {
        PurchaseOrder order = orders.lock(find(orderId));
        Map<String, Object> before = order.describe();
        Instant now = Timestamps.now();
        OrderStatus from = order.moveTo(OrderStatus.STAGED, now);
        orders.flush();
        log.transition(order, from, OrderLog.Trigger.API, null, now);
        log.audited("order.staged", order, before, null);
        events.staged(order);
        return order;
    }

    public PurchaseOrder pick(UUID orderId, List<Cut> cuts) {
        validateShape(cuts);
        PurchaseOrder order = find(orderId);
        locks.items(order.lines.stream().map(line -> line.catalogItem).toList());
        orders.lock(order);
        if (order.status != OrderStatus.PICKED) {
            order.requireCanMoveTo(OrderStatus.PICKED);
        }
        Map<UUID, OrderLot> lotById = order.lots().collect(Collectors.toMap(lot -> lot.id, Function.identity()));
        Map<UUID, Roll> substitutes = checkCuts(order, cuts, lotById);
        PickTolerance tolerance = new PickTolerance(config.pickTolerancePercent());
        requireWithinTolerance(cuts, lotById, tolerance);

        Set<UUID> rollIds = new HashSet<>(substitutes.keySet());
        cuts.forEach(cut -> rollIds.add(lotById.get(cut.orderLotId()).roll.id));
        Map<UUID, Roll> locked = locks.rolls(order.organizationId, rollIds);
        Map<UUID, BigDecimal> availableBefore = guard.snapshot(order.lines.stream().map(line -> line.catalogItem.id).toList());
        Map<String, Object> before = order.describe();
        for (Cut cut : cuts) {
            OrderLot lot = lotById.get(cut.orderLotId());
            BigDecimal picked = Meters.of(cut.pickedMeters());
            Roll current = locked.get(lot.roll.id);
            if (cut.substituteRollId() != null) {
                Roll substitute = locked.get(cut.substituteRollId());
                move(current, lot.boundMeters.negate(), order, "Substituted at picking by " + substitute.barcode);
                requireFree(substitute, picked);
                move(substitute, picked, order, "Cut for " + order.poNumber + " instead of " + current.barcode);
                lot.substitutedRollId = current.id;
                lot.substitutionReason = cut.substitutionReason();
                lot.roll = substitute;
                lot.lotId = substitute.lot.id;
            } else {
                BigDecimal more = picked.subtract(lot.boundMeters);
                if (more.signum() > 0) {
                    requireFree(current, more);
                }
                move(current, more, order, "Measured cut of " + picked + " m for " + order.poNumber);
            }
            lot.boundMeters = picked;
            lot.pickedMeters = picked;
        }
        orders.flush();
        // A longer cut or a substitute takes free meters: never those promised or earmarked for others.
        guard.requireNotWorse(availableBefore);
        Instant now = Timestamps.now();
        boolean first = order.status == OrderStatus.STAGED;
        if (first) {
            OrderStatus from = order.moveTo(OrderStatus.PICKED, now);
            log.transition(order, from, OrderLog.Trigger.API, null, now);
        } else {
            order.updatedAt = now;
        }
        orders.flush();
        log.audited("order.picked", order, before, null);
        events.picked(order, first);
        return order;
    }

    public PurchaseOrder fulfil(UUID orderId) {
        PurchaseOrder order = find(orderId);
        Reservation reservation = handover.lock(order.reservationId);
        orders.lock(order);
        order.requireCanMoveTo(OrderStatus.FULFILLED);
        List<OrderLot> missing = order.unpickedLots();
        if (!missing.isEmpty()) {
            throw new ApiException(ErrorCode.PARTIAL_FULFILMENT_NOT_ALLOWED, "PO " + order.poNumber + " ships in full or not at all; "
                    + missing.size() + " roll(s) have no cut yet", List.of(), Map.of("missing_picks", missing.stream().map(lot -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("order_line_id", lot.line.id);
                entry.put("crm_deal_line_id", lot.crmDealLineId);
                entry.put("order_lot_id", lot.id);
                entry.put("roll_id", lot.roll.id);
                entry.put("barcode", lot.roll.barcode);
                entry.put("bound_meters", lot.boundMeters);
                return entry;
            }).toList()));
        }
        Map<String, Object> before = order.describe();
        locks.rolls(order.lots().map(lot -> lot.roll).toList());
        order.lots().forEach(lot -> ledger.post(lot.roll, new InventoryLedger.Movement(TransactionType.ORDER_FULFILLMENT,
                lot.pickedMeters.negate(), lot.boundMeters.negate(), SOURCE, order.id, "Shipped on " + order.poNumber)));
        order.lots().forEach(lot -> lot.boundMeters = BigDecimal.ZERO.setScale(2));
        Instant now = Timestamps.now();
        OrderStatus from = order.moveTo(OrderStatus.FULFILLED, now);
        handover.fulfilled(reservation, order.id);
        orders.flush();
        log.transition(order, from, OrderLog.Trigger.API, null, now);
        log.audited("order.fulfilled", order, before, null);
        events.fulfilled(order);
        return order;
    }

    public PurchaseOrder cancel(UUID orderId, String reason, boolean keepReservation) {
        PurchaseOrder order = find(orderId);
        Reservation reservation = handover.lock(order.reservationId);
        orders.lock(order);
        order.requireCanMoveTo(OrderStatus.CANCELLED);
        Map<String, Object> before = order.describe();
        locks.rolls(order.lots().map(lot -> lot.roll).toList());
        Map<UUID, BigDecimal> availableBefore = guard.snapshot(order.lines.stream().map(line -> line.catalogItem.id).toList());
        if (keepReservation) {
            handover.takeBack(reservation, order.lots().filter(lot -> lot.boundMeters.signum() > 0)
                    .map(lot -> new OrderHandover.Returned(lot.line.reservationLineId, lot.roll, lot.boundMeters)).toList());
        } else {
            order.lots().filter(lot -> lot.boundMeters.signum() > 0).forEach(lot -> move(lot.roll, lot.boundMeters.negate(), order,
                    "PO " + order.poNumber + " cancelled: " + reason));
            handover.releasedWithOrder(reservation, "order_cancelled: " + reason);
        }
        order.lots().forEach(lot -> lot.boundMeters = BigDecimal.ZERO.setScale(2));
        Instant now = Timestamps.now();
        order.cancelReason = reason;
        OrderStatus from = order.moveTo(OrderStatus.CANCELLED, now);
        orders.flush();
        guard.requireNotWorse(availableBefore);
        log.transition(order, from, OrderLog.Trigger.API, reason, now);
        log.audited("order.cancelled", order, before, reason);
        events.cancelled(order, keepReservation);
        return order;
    }

    private PurchaseOrder find(UUID orderId) {
        return orders.findInOrganization(caller.organizationId(), orderId).orElseThrow(() -> ApiException.notFound("order", orderId));
    }

    /** Changes what the roll holds for the order (a positive delta binds, a negative one releases); zero posts nothing. */
    private void move(Roll roll, BigDecimal reservedDelta, PurchaseOrder order, String reason) {
        if (reservedDelta.signum() == 0) {
            return;
        }
        TransactionType type = reservedDelta.signum() > 0 ? TransactionType.RESERVATION_ALLOCATION : TransactionType.RESERVATION_RELEASE;
        ledger.post(roll, new InventoryLedger.Movement(type, BigDecimal.ZERO, reservedDelta, SOURCE, order.id, reason));
    }

    private static void requireFree(Roll roll, BigDecimal meters) {
        if (meters.compareTo(roll.freeMeters()) > 0) {
            throw new ApiException(ErrorCode.INSUFFICIENT_ROLL_METERS, "Roll " + roll.barcode + " has " + roll.freeMeters()
                    + " m free; the cut needs " + meters + " m more");
        }
    }

    private static void validateShape(List<Cut> cuts) {
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < cuts.size(); i++) {
            Cut cut = cuts.get(i);
            Meters.checkScale("lots[" + i + "].picked_meters", cut.pickedMeters()).ifPresent(errors::add);
            if (!seen.add(cut.orderLotId())) {
                errors.add(new FieldError("lots[" + i + "].order_lot_id", "repeats an earlier entry"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    /** Every cut names a lot of this order; a substitute is a roll of the organization, of the line's item, not the same roll. */
    private Map<UUID, Roll> checkCuts(PurchaseOrder order, List<Cut> cuts, Map<UUID, OrderLot> lotById) {
        List<FieldError> errors = new ArrayList<>();
        Map<UUID, Roll> substitutes = new LinkedHashMap<>();
        for (int i = 0; i < cuts.size(); i++) {
            Cut cut = cuts.get(i);
            OrderLot lot = lotById.get(cut.orderLotId());
            if (lot == null) {
                errors.add(new FieldError("lots[" + i + "].order_lot_id", "is not a roll of this order"));
                continue;
            }
            if (cut.substituteRollId() == null) {
                continue;
            }
            String at = "lots[" + i + "].substitute_roll_id";
            Roll substitute = rolls.findInOrganization(order.organizationId, cut.substituteRollId()).orElse(null);
            if (substitute == null) {
                errors.add(new FieldError(at, "is not a roll"));
            } else if (substitute.id.equals(lot.roll.id)) {
                errors.add(new FieldError(at, "is the roll the cut is already bound to"));
            } else if (!substitute.catalogItemId.equals(lot.line.catalogItem.id)) {
                errors.add(new FieldError(at, "is " + substitute.lot.catalogItem.qualityCode + " / " + substitute.lot.catalogItem.colorCode
                        + ", not the line's " + lot.line.catalogItem.qualityCode + " / " + lot.line.catalogItem.colorCode));
            } else if (!Objects.equals(substitute.lot.id, lot.lotId) && (cut.substitutionReason() == null || cut.substitutionReason().isBlank())) {
                errors.add(new FieldError("lots[" + i + "].substitution_reason",
                        "is required: the substitute is of lot " + substitute.lot.lotNumber + ", not the line's dye lot"));
            } else {
                substitutes.put(substitute.id, substitute);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return substitutes;
    }

    private static void requireWithinTolerance(List<Cut> cuts, Map<UUID, OrderLot> lotById, PickTolerance tolerance) {
        List<Map<String, Object>> outside = new ArrayList<>();
        for (Cut cut : cuts) {
            OrderLot lot = lotById.get(cut.orderLotId());
            if (!tolerance.allows(lot.orderedMeters, cut.pickedMeters())) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("order_lot_id", lot.id);
                entry.put("ordered_meters", lot.orderedMeters);
                entry.put("picked_meters", Meters.of(cut.pickedMeters()));
                entry.put("min_meters", tolerance.minimum(lot.orderedMeters));
                entry.put("max_meters", tolerance.maximum(lot.orderedMeters));
                entry.put("tolerance_percent", tolerance.percent());
                outside.add(entry);
            }
        }
        if (!outside.isEmpty()) {
            throw new ApiException(ErrorCode.PICK_OUTSIDE_TOLERANCE, outside.size() + " cut(s) differ from the ordered meters by more than "
                    + tolerance.percent() + " %", List.of(), Map.of("out_of_tolerance", outside));
        }
    }
}
