package com.lotastro.reservation;

import com.lotastro.audit.AuditLog;
import com.lotastro.catalog.CatalogItem;
import com.lotastro.catalog.CatalogItems;
import com.lotastro.inventory.InventoryLedger;
import com.lotastro.inventory.Roll;
import com.lotastro.inventory.TransactionType;
import com.lotastro.reservation.ReservationEnums.AllocationState;
import com.lotastro.reservation.ReservationEnums.ShipIntent;
import com.lotastro.shared.Meters;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.error.FieldError;
import com.lotastro.shared.security.CallerContext;
import com.lotastro.supply.SupplyRequestService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps a deal's reservation in step with the CRM: lost deals release it, new ship schedules reschedule it, new lines
 * revise it so that what it promises is always exactly the CRM's current lines.
 */
@ApplicationScoped
@Transactional
public class DealFollower {
    @Inject
    Reservations reservations;

    @Inject
    ReservationLines lines;

    @Inject
    ReservationService lifecycle;

    @Inject
    CatalogItems catalogItems;

    @Inject
    InventoryLedger ledger;

    @Inject
    StockLocks locks;

    @Inject
    PromiseGuard guard;

    @Inject
    SupplyRequestService supplyRequests;

    @Inject
    ReservationEvents events;

    @Inject
    ActionPolicy actions;

    @Inject
    AuditLog audit;

    @Inject
    CallerContext caller;

    /** A deal line as the CRM now describes it. */
    public record DealLine(UUID crmDealLineId, String qualityCode, String colorCode, BigDecimal meters, BigDecimal unitPrice,
                           String currency) {
    }

    /** Releases the deal's active reservation, if it has one; returns what was released. */
    public List<Reservation> releaseDeal(UUID crmDealId, String reason) {
        Optional<Reservation> active = reservations.activeForDeal(caller.organizationId(), crmDealId);
        if (active.isEmpty()) {
            return List.of();
        }
        Reservation reservation = active.get();
        locks.items(reservation.lines.stream().map(l -> l.catalogItem).toList());
        locks.reservationWithItsItems(reservation);
        if (!reservation.isActive()) {
            return List.of();
        }
        lifecycle.releaseLocked(reservation, reason);
        return List.of(reservation);
    }

    /** Sets the ship intent and date of the deal's reservation and recomputes what it needs next. */
    public List<Reservation> rescheduleDeal(UUID crmDealId, ShipIntent shipIntent, LocalDate shipDate) {
        Reservation reservation = lockDeal(crmDealId, List.of());
        Map<String, Object> before = reservation.describe();
        reservation.shipIntent = shipIntent;
        reservation.shipDate = shipDate;
        reservation.updatedAt = Timestamps.now();
        actions.recompute(reservation);
        reservations.flush();
        audit.record(new AuditLog.Change("reservation.rescheduled", "reservation", reservation.id, before,
                reservation.describe(), "CRM ship schedule"));
        actions.announceIfChanged(reservation, before);
        return List.of(reservation);
    }

    /**
     * Brings the deal's reservation to the CRM's lines: more meters are checked like a new promise, fewer meters
     * release the difference (unbacked meters first, then rolls, newest first), lines left out are released.
     */
    public Reservation reviseDeal(UUID crmDealId, List<DealLine> newLines) {
        Map<UUID, CatalogItem> itemsByLine = resolve(newLines);
        Reservation reservation = lockDeal(crmDealId, itemsByLine.values());
        if (reservation.supplyRequestId != null) {
            UUID supplyItem = supplyRequests.get(reservation.supplyRequestId).catalogItem.id;
            if (itemsByLine.values().stream().anyMatch(item -> !item.id.equals(supplyItem))) {
                throw ApiException.invalid("lines", "a reservation against incoming supply takes only the supply's quality and color");
            }
        }
        Map<String, Object> before = reservation.describe();
        Map<UUID, DealLine> added = new LinkedHashMap<>();
        newLines.forEach(l -> added.put(l.crmDealLineId(), l));

        Map<UUID, BigDecimal> extraByItem = new HashMap<>();
        for (ReservationLine line : reservation.lines) {
            DealLine target = added.remove(line.crmDealLineId);
            if (target != null && !itemsByLine.get(line.crmDealLineId).id.equals(line.catalogItem.id)) {
                throw ApiException.invalid("lines", "line " + line.crmDealLineId + " cannot change its quality or color");
            }
            BigDecimal meters = target == null ? BigDecimal.ZERO : Meters.of(target.meters());
            extraByItem.merge(line.catalogItem.id, meters.subtract(line.meters).max(BigDecimal.ZERO), BigDecimal::add);
        }
        added.values().forEach(l -> extraByItem.merge(itemsByLine.get(l.crmDealLineId()).id, l.meters(), BigDecimal::add));
        guard.requireMore(reservation.supplyRequestId == null ? null : supplyRequests.get(reservation.supplyRequestId),
                extraByItem);
        Map<UUID, BigDecimal> availableBefore = guard.snapshot(extraByItem.keySet());

        Map<UUID, DealLine> wanted = new HashMap<>();
        newLines.forEach(l -> wanted.put(l.crmDealLineId(), l));
        for (ReservationLine line : reservation.lines) {
            DealLine target = wanted.get(line.crmDealLineId);
            BigDecimal meters = Meters.of(target == null ? BigDecimal.ZERO : target.meters());
            releaseDown(reservation, line, meters);
            line.resize(meters);
            if (target != null) {
                line.unitPrice = target.unitPrice();
                line.currency = target.currency();
            }
        }
        Instant now = Timestamps.now();
        for (DealLine line : added.values()) {
            lines.persist(reservation.addLine(itemsByLine.get(line.crmDealLineId()), line.crmDealLineId(), line.meters(),
                    line.unitPrice(), line.currency(), now));
        }
        boolean wasAllocated = reservation.allocationState == AllocationState.ALLOCATED;
        reservation.settleAllocationState();
        reservation.liftLossBlockIfSettled();
        reservation.updatedAt = now;
        actions.recompute(reservation);
        reservations.flush();
        guard.requireNotWorse(availableBefore);
        audit.record(new AuditLog.Change("reservation.lines_revised", "reservation", reservation.id, before,
                reservation.describe(), "CRM deal lines updated"));
        if (reservation.allocationState == AllocationState.ALLOCATED && !wasAllocated) {
            events.allocated(reservation);
        }
        actions.announceIfChanged(reservation, before);
        return reservation;
    }

    /** The catalog item of each new line; refuses repeated lines, bad meters and prices without currency. */
    private Map<UUID, CatalogItem> resolve(List<DealLine> newLines) {
        UUID organizationId = caller.organizationId();
        Map<UUID, CatalogItem> itemsByLine = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < newLines.size(); i++) {
            DealLine line = newLines.get(i);
            String at = "lines[" + i + "]";
            Meters.checkScale(at + ".meters", line.meters()).ifPresent(errors::add);
            ReservationService.pricePairing(at, line.unitPrice(), line.currency()).ifPresent(errors::add);
            if (itemsByLine.containsKey(line.crmDealLineId())) {
                errors.add(new FieldError(at + ".crm_deal_line_id", "repeats an earlier line"));
                continue;
            }
            Optional<CatalogItem> item = catalogItems.findByCodes(organizationId, line.qualityCode(), line.colorCode());
            if (item.isEmpty()) {
                errors.add(new FieldError(at + ".quality_code", "with color_code names no catalog item"));
            } else {
                itemsByLine.put(line.crmDealLineId(), item.get());
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return itemsByLine;
    }

    /** The deal's active reservation under the protocol's locks: its items and the new lines' items, then itself. */
    private Reservation lockDeal(UUID crmDealId, java.util.Collection<CatalogItem> moreItems) {
        Reservation reservation = reservations.activeForDeal(caller.organizationId(), crmDealId)
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_DEAL, "No active reservation for CRM deal " + crmDealId));
        List<CatalogItem> involved = new ArrayList<>(moreItems);
        reservation.lines.forEach(l -> involved.add(l.catalogItem));
        locks.items(involved);
        if (reservation.supplyRequestId != null) {
            locks.supply(supplyRequests.get(reservation.supplyRequestId));
        }
        locks.reservationWithItsItems(reservation);
        ReservationService.requireActive(reservation);
        return reservation;
    }

    /** Returns allocations (newest first) until the line holds at most the given meters on rolls. */
    private void releaseDown(Reservation reservation, ReservationLine line, BigDecimal meters) {
        if (line.allocatedMeters.compareTo(meters) <= 0) {
            return;
        }
        List<RollAllocation> newestFirst = new ArrayList<>(line.activeAllocations());
        newestFirst.sort(Comparator.comparingInt((RollAllocation a) -> a.position).reversed());
        locks.rolls(newestFirst.stream().map(a -> a.roll).toList());
        Instant now = Timestamps.now();
        for (RollAllocation allocation : newestFirst) {
            BigDecimal excess = line.allocatedMeters.subtract(meters);
            if (excess.signum() <= 0) {
                return;
            }
            BigDecimal returned = excess.min(allocation.meters);
            Roll roll = allocation.roll;
            ledger.post(roll, new InventoryLedger.Movement(TransactionType.RESERVATION_RELEASE, BigDecimal.ZERO,
                    returned.negate(), "reservation", reservation.id, "deal lines updated"));
            if (returned.compareTo(allocation.meters) == 0) {
                allocation.releasedAt = now;
            } else {
                allocation.meters = allocation.meters.subtract(returned);
            }
            line.allocatedMeters = line.allocatedMeters.subtract(returned);
        }
    }
}
