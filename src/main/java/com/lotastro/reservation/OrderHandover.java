package com.lotastro.reservation;

import com.lotastro.audit.AuditLog;
import com.lotastro.inventory.InventoryLedger;
import com.lotastro.inventory.Roll;
import com.lotastro.inventory.TransactionType;
import com.lotastro.reservation.ReservationEnums.ActionReason;
import com.lotastro.reservation.ReservationEnums.AllocationState;
import com.lotastro.reservation.ReservationEnums.Status;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a PO does to its reservation, with the reservation's own rules: the PO takes the reservation's roll bindings
 * (closed here, the rolls stay reserved: no meter is released and taken again), and gives them back or ends the
 * reservation when it is cancelled or fulfilled. While a PO holds its rolls the reservation is {@code ordered}: no
 * longer a promise of its own ({@link Promises} counts only active reservations), its meters bound on the rolls.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderHandover {
    @Inject
    ReservationService reservationService;

    @Inject
    Reservations reservations;

    @Inject
    RollAllocations allocations;

    @Inject
    StockLocks locks;

    @Inject
    InventoryLedger ledger;

    @Inject
    ReservationEvents events;

    @Inject
    ActionPolicy actions;

    @Inject
    AuditLog audit;

    @Inject
    CallerContext caller;

    /** A roll binding as the PO takes it over. */
    public record Binding(ReservationLine line, Roll roll, BigDecimal meters) {
    }

    /** Meters of a roll the cancelled PO gives back to a reservation line; the caller holds the roll's lock. */
    public record Returned(UUID reservationLineId, Roll roll, BigDecimal meters) {
    }

    /**
     * The reservation a shipment approval names: by id, or the deal's current one (active, else the one a PO holds).
     * When both are given they must agree.
     */
    public Reservation findForApproval(UUID reservationId, UUID crmDealId) {
        UUID organizationId = caller.organizationId();
        if (reservationId != null) {
            Reservation reservation = reservationService.get(reservationId);
            if (crmDealId != null && !crmDealId.equals(reservation.crmDealId)) {
                throw ApiException.invalid("data.crm_deal_id", "is not the deal of reservation " + reservationId);
            }
            return reservation;
        }
        return reservations.activeForDeal(organizationId, crmDealId)
                .or(() -> reservations.find("organizationId = ?1 and crmDealId = ?2 and status = ?3 order by createdAt desc",
                        organizationId, crmDealId, Status.ORDERED).firstResultOptional())
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_DEAL, "CRM deal " + crmDealId
                        + " has no active or ordered reservation"));
    }

    /** The reservation under the protocol's locks (its items, then itself), whatever its status. */
    public Reservation lock(UUID reservationId) {
        Reservation reservation = reservationService.get(reservationId);
        locks.items(reservation.lines.stream().map(l -> l.catalogItem).toList());
        locks.reservationWithItsItems(reservation);
        return reservation;
    }

    /** A PO only for an active reservation with every line on rolls and no shortage decision pending. */
    public void requireOrderable(Reservation reservation) {
        ReservationService.requireActive(reservation);
        if (reservation.actionRequiredReason == ActionReason.NEEDS_SHORTAGE_DECISION) {
            throw new ApiException(ErrorCode.RESERVATION_BLOCKED, "Reservation " + reservation.id
                    + " waits for a shortage decision; no PO before it");
        }
        if (reservation.allocationState != AllocationState.ALLOCATED) {
            throw new ApiException(ErrorCode.RESERVATION_NOT_ALLOCATED, "Reservation " + reservation.id + " is "
                    + reservation.allocationState.value() + "; a PO needs every line bound to rolls");
        }
    }

    /**
     * Hands every roll binding to the PO: closed on the reservation (naming the order), the rolls keep their reserved
     * meters, so nothing is posted to the ledger. Lines keep their allocated meters: they are on the PO's rolls.
     */
    public List<Binding> handOver(Reservation reservation, UUID orderId, boolean byOverride) {
        Map<String, Object> before = reservation.describe();
        Instant now = Timestamps.now();
        List<Binding> bindings = new ArrayList<>();
        for (ReservationLine line : reservation.lines) {
            for (RollAllocation allocation : line.activeAllocations().stream()
                    .sorted(Comparator.comparingInt((RollAllocation a) -> a.position)).toList()) {
                allocation.releasedAt = now;
                allocation.handedToOrderId = orderId;
                bindings.add(new Binding(line, allocation.roll, allocation.meters));
            }
        }
        reservation.status = Status.ORDERED;
        reservation.actionRequiredReason = byOverride ? ActionReason.OVERRIDE_USED : null;
        reservation.updatedAt = now;
        reservations.flush();
        audit.record(new AuditLog.Change("reservation.ordered", "reservation", reservation.id, before, reservation.describe(),
                "PO " + orderId));
        actions.announceIfChanged(reservation, before);
        return bindings;
    }

    /** A manager's override recorded on a reservation whose PO already exists. */
    public void markOverrideUsed(Reservation reservation) {
        if (reservation.actionRequiredReason == ActionReason.OVERRIDE_USED) {
            return;
        }
        Map<String, Object> before = reservation.describe();
        reservation.actionRequiredReason = ActionReason.OVERRIDE_USED;
        reservation.updatedAt = Timestamps.now();
        reservations.flush();
        audit.record(new AuditLog.Change("reservation.override_used", "reservation", reservation.id, before,
                reservation.describe(), null));
        actions.announceIfChanged(reservation, before);
    }

    /** The PO shipped in full: the reservation ends fulfilled. */
    public void fulfilled(Reservation reservation, UUID orderId) {
        Map<String, Object> before = reservation.describe();
        reservation.status = Status.FULFILLED;
        reservation.actionRequiredReason = null;
        reservation.updatedAt = Timestamps.now();
        reservations.flush();
        audit.record(new AuditLog.Change("reservation.fulfilled", "reservation", reservation.id, before, reservation.describe(),
                "PO " + orderId));
    }

    /**
     * The PO was cancelled and has returned its rolls' meters to stock itself (it held them): the reservation ends
     * released, as a release would end it, and says so to the CRM.
     */
    public void releasedWithOrder(Reservation reservation, String reason) {
        Map<String, Object> before = reservation.describe();
        Instant now = Timestamps.now();
        reservation.lines.forEach(line -> line.allocatedMeters = BigDecimal.ZERO.setScale(2));
        reservation.status = Status.RELEASED;
        reservation.releaseReason = reason.length() <= 200 ? reason : reason.substring(0, 200);
        reservation.releasedAt = now;
        reservation.actionRequiredReason = null;
        reservation.updatedAt = now;
        reservations.flush();
        audit.record(new AuditLog.Change("reservation.released", "reservation", reservation.id, before, reservation.describe(),
                reason));
        events.released(reservation);
    }

    /**
     * The PO was cancelled keeping the reservation: its rolls come back as bindings, up to what each line needs (a cut
     * longer than the line gives the excess back to the roll), and the reservation is active again, waiting for a
     * new approval. A cut shorter than the line leaves it partially allocated.
     */
    public void takeBack(Reservation reservation, List<Returned> returned) {
        Map<String, Object> before = reservation.describe();
        Instant now = Timestamps.now();
        Map<UUID, ReservationLine> lineById = reservation.lines.stream().collect(Collectors.toMap(l -> l.id, Function.identity()));
        reservation.lines.forEach(line -> line.allocatedMeters = BigDecimal.ZERO.setScale(2));
        reservation.status = Status.ACTIVE;
        for (Returned back : returned) {
            ReservationLine line = lineById.get(back.reservationLineId());
            BigDecimal kept = back.meters().min(line.unallocated());
            BigDecimal excess = back.meters().subtract(kept);
            if (kept.signum() > 0) {
                RollAllocation allocation = new RollAllocation();
                allocation.id = UUID.randomUUID();
                allocation.organizationId = reservation.organizationId;
                allocation.reservationId = reservation.id;
                allocation.line = line;
                allocation.roll = back.roll();
                allocation.meters = kept;
                allocation.position = line.allocations.stream().mapToInt(a -> a.position + 1).max().orElse(0);
                allocation.createdAt = now;
                allocations.persist(allocation);
                line.allocations.add(allocation);
                line.allocatedMeters = line.allocatedMeters.add(kept);
            }
            if (excess.signum() > 0) {
                ledger.post(back.roll(), new InventoryLedger.Movement(TransactionType.RESERVATION_RELEASE, BigDecimal.ZERO,
                        excess.negate(), "reservation", reservation.id, "PO cancelled: the cut exceeded the line"));
            }
        }
        reservation.settleAllocationState();
        boolean covered = reservation.allocationState == AllocationState.ALLOCATED;
        reservation.actionRequiredReason = covered ? ActionReason.NEEDS_SHIPMENT_APPROVAL : ActionReason.NEEDS_ROLL_ENTRY;
        reservation.updatedAt = now;
        reservations.flush();
        audit.record(new AuditLog.Change("reservation.returned_from_order", "reservation", reservation.id, before,
                reservation.describe(), null));
        if (covered) {
            events.allocated(reservation);
        }
        actions.announceIfChanged(reservation, before);
    }
}
