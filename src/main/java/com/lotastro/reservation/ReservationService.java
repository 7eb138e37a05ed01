package com.lotastro.reservation;

import com.lotastro.audit.AuditLog;
import com.lotastro.catalog.CatalogItem;
import com.lotastro.catalog.CatalogItems;
import com.lotastro.inventory.InventoryLedger;
import com.lotastro.inventory.Roll;
import com.lotastro.inventory.TransactionType;
import com.lotastro.reservation.ReservationEnums.ShipIntent;
import com.lotastro.reservation.ReservationEnums.Status;
import com.lotastro.shared.IfMatch;
import com.lotastro.shared.Meters;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.error.FieldError;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.CallerContext;
import com.lotastro.supply.SupplyRequest;
import com.lotastro.supply.SupplyRequestService;
import com.lotastro.supply.SupplyStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The life of a reservation: promised against stock or supply, changed, released (by hand or when a hold expires). */
@ApplicationScoped
@Transactional
public class ReservationService {
    @Inject
    Reservations reservations;

    @Inject
    ReservationLines lines;

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

    public record NewLine(UUID crmDealLineId, String qualityCode, String colorCode, BigDecimal meters, BigDecimal unitPrice,
                          String currency) {
    }

    public record NewReservation(UUID crmDealId, UUID crmCustomerId, UUID crmSupplyRequestId, ShipIntent shipIntent,
                                 LocalDate shipDate, Instant holdUntil, String salesOwnerEmail, List<NewLine> lines) {
    }

    /** Fields left null stay as they are. */
    public record Changes(ShipIntent shipIntent, LocalDate shipDate, Instant holdUntil) {
    }

    public Reservation create(NewReservation command) {
        validate(command);
        UUID organizationId = caller.organizationId();
        // Found and locked in one statement.
        Map<CatalogItems.Codes, CatalogItem> items = locks.itemsByCodes(organizationId, command.lines().stream()
                .map(l -> new CatalogItems.Codes(l.qualityCode(), l.colorCode())).toList());
        List<PromiseGuard.Ask> asks = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            NewLine line = command.lines().get(i);
            CatalogItem item = items.get(new CatalogItems.Codes(line.qualityCode(), line.colorCode()));
            if (item == null) {
                throw new ApiException(ErrorCode.UNKNOWN_CATALOG_ITEM,
                        "No catalog item " + line.qualityCode() + " / " + line.colorCode(),
                        List.of(new FieldError("lines[" + i + "].quality_code", "with color_code names no catalog item")),
                        Map.of());
            }
            asks.add(new PromiseGuard.Ask(line.crmDealLineId(), item, line.meters()));
        }
        SupplyRequest supply = null;
        Map<UUID, BigDecimal> availableBefore = Map.of();
        if (command.crmSupplyRequestId() == null) {
            // The deal check rides with the read of the items' counters: one round trip for both.
            guard.requireOnHand(asks, organizationId, command.crmDealId(),
                    live -> dealAlreadyReserved(command.crmDealId(), live.id(), live.status()));
        } else {
            requireNoActiveReservation(organizationId, command.crmDealId());
            supply = supplyFor(command, asks);
            guard.requireOnSupply(supply, asks);
            // What the supply already delivered becomes earmarked for this promise at once: stock must allow it.
            availableBefore = guard.snapshot(List.of(supply.catalogItem.id));
        }

        Reservation reservation = new Reservation();
        reservation.id = UUID.randomUUID();
        reservation.organizationId = organizationId;
        reservation.crmDealId = command.crmDealId();
        reservation.crmCustomerId = command.crmCustomerId();
        reservation.supplyRequestId = supply == null ? null : supply.id;
        reservation.status = Status.ACTIVE;
        reservation.shipIntent = command.shipIntent() == null ? ShipIntent.UNKNOWN : command.shipIntent();
        reservation.shipDate = command.shipDate();
        reservation.holdUntil = Timestamps.asStored(command.holdUntil());
        reservation.salesOwnerEmail = command.salesOwnerEmail();
        reservation.createdAt = Timestamps.now();
        reservation.updatedAt = reservation.createdAt;
        reservation.settleAllocationState();
        reservations.persist(reservation);
        for (int i = 0; i < command.lines().size(); i++) {
            NewLine requested = command.lines().get(i);
            lines.persist(reservation.addLine(asks.get(i).item(), requested.crmDealLineId(), requested.meters(),
                    requested.unitPrice(), requested.currency(), reservation.createdAt));
        }
        reservations.flush();
        guard.requireNotWorse(availableBefore);
        audit.record(new AuditLog.Change("reservation.created", "reservation", reservation.id, null, reservation.describe(), null));
        events.created(reservation);
        return reservation;
    }

    /**
     * One active reservation per CRM deal (also a unique index): the deal's promise is its current lines, once. Read
     * under the item locks, before the insert, so the 409 can name the reservation holding the deal: leaving it to
     * the index would need a second connection after the refused insert, which many racing duplicates could exhaust
     * the pool with. For on-hand stock the read rides with the items' counters ({@link PromiseGuard#requireOnHand}).
     */
    private void requireNoActiveReservation(UUID organizationId, UUID crmDealId) {
        reservations.liveForDeal(organizationId, crmDealId).ifPresent(existing -> {
            throw dealAlreadyReserved(crmDealId, existing.id, existing.status.value());
        });
    }

    private static ApiException dealAlreadyReserved(UUID crmDealId, UUID reservationId, String status) {
        return new ApiException(ErrorCode.DEAL_ALREADY_RESERVED, "CRM deal " + crmDealId + " already has "
                + status + " reservation " + reservationId
                + "; revise it (deal.lines_updated) or release it first", List.of(),
                Map.of("reservation_id", reservationId));
    }

    public Reservation update(UUID id, String ifMatchHeader, Changes changes) {
        long expected = IfMatch.expectedVersion(ifMatchHeader);
        Reservation reservation = lockActive(id);
        IfMatch.requireCurrent(expected, reservation.version, "reservation");
        Map<String, Object> before = reservation.describe();
        if (changes.shipIntent() != null) {
            reservation.shipIntent = changes.shipIntent();
        }
        if (changes.shipDate() != null) {
            reservation.shipDate = changes.shipDate();
        }
        if (changes.holdUntil() != null) {
            reservation.holdUntil = changes.holdUntil();
        }
        reservation.updatedAt = Timestamps.now();
        actions.recompute(reservation);
        reservations.flush();
        audit.record(new AuditLog.Change("reservation.updated", "reservation", reservation.id, before, reservation.describe(), null));
        actions.announceIfChanged(reservation, before);
        return reservation;
    }

    public Reservation release(UUID id, String reason) {
        Reservation reservation = lockActive(id);
        releaseLocked(reservation, reason);
        return reservation;
    }

    /** Releases a reservation whose hold passed, unless it changed since it was found (rolls bound, planned, held longer). */
    public boolean releaseExpiredHold(UUID id, Instant now) {
        Reservation reservation = get(id);
        locks.items(reservation.lines.stream().map(l -> l.catalogItem).toList());
        locks.reservationWithItsItems(reservation);
        boolean stillExpired = reservation.holdExpired(now);
        if (stillExpired) {
            releaseLocked(reservation, HoldExpiryService.REASON);
        }
        return stillExpired;
    }

    /** The reservation under the protocol's locks (its items, then itself), refused unless active. */
    Reservation lockActive(UUID id) {
        Reservation reservation = get(id);
        locks.items(reservation.lines.stream().map(l -> l.catalogItem).toList());
        locks.reservationWithItsItems(reservation);
        requireActive(reservation);
        return reservation;
    }

    /** Returns every allocated meter to its roll and ends the reservation; the caller holds the item and reservation locks. */
    @Transactional(Transactional.TxType.MANDATORY)
    void releaseLocked(Reservation reservation, String reason) {
        Map<String, Object> before = reservation.describe();
        Instant now = Timestamps.now();
        List<RollAllocation> active = reservation.lines.stream().flatMap(l -> l.activeAllocations().stream())
                .sorted(Comparator.comparing((RollAllocation a) -> a.roll.id))
                .toList();
        locks.rolls(active.stream().map(a -> a.roll).toList());
        for (RollAllocation allocation : active) {
            Roll roll = allocation.roll;
            ledger.post(roll, new InventoryLedger.Movement(TransactionType.RESERVATION_RELEASE, BigDecimal.ZERO,
                    allocation.meters.negate(), "reservation", reservation.id, reason));
            allocation.releasedAt = now;
            allocation.line.allocatedMeters = allocation.line.allocatedMeters.subtract(allocation.meters);
        }
        reservation.status = Status.RELEASED;
        reservation.releaseReason = reason;
        reservation.releasedAt = now;
        reservation.actionRequiredReason = null;
        reservation.updatedAt = now;
        reservations.flush();
        audit.record(new AuditLog.Change("reservation.released", "reservation", reservation.id, before, reservation.describe(), reason));
        events.released(reservation);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Reservation get(UUID id) {
        return reservations.findInOrganization(caller.organizationId(), id)
                .orElseThrow(() -> ApiException.notFound("reservation", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Reservation> search(Reservations.Filter filter, PageRequest page) {
        return reservations.search(caller.organizationId(), filter, page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> expiredHolds(Instant now) {
        return reservations.expiredHolds(caller.organizationId(), now);
    }

    static void requireActive(Reservation reservation) {
        if (!reservation.isActive()) {
            throw new ApiException(ErrorCode.RESERVATION_NOT_ACTIVE, reservation.status == Status.RELEASED
                    ? "Reservation " + reservation.id + " was released (" + reservation.releaseReason + ")"
                    : "Reservation " + reservation.id + " is " + reservation.status.value() + ": its rolls belong to a PO");
        }
    }

    private SupplyRequest supplyFor(NewReservation command, List<PromiseGuard.Ask> asks) {
        SupplyRequest supply = supplyRequests.findByCrmId(command.crmSupplyRequestId())
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_SUPPLY_REQUEST, "No supply request mirrors CRM supply request "
                        + command.crmSupplyRequestId(), List.of(new FieldError("crm_supply_request_id", "names no supply request")), Map.of()));
        locks.supply(supply);
        if (!SupplyStatus.INCOMING.contains(supply.status)) {
            throw ApiException.invalid("crm_supply_request_id", "is " + supply.status.value() + " and takes no more reservations");
        }
        List<FieldError> wrongItem = new ArrayList<>();
        for (int i = 0; i < asks.size(); i++) {
            if (!asks.get(i).item().id.equals(supply.catalogItem.id)) {
                wrongItem.add(new FieldError("lines[" + i + "].quality_code", "differs from the supply request's "
                        + supply.catalogItem.qualityCode + " / " + supply.catalogItem.colorCode));
            }
        }
        if (!wrongItem.isEmpty()) {
            throw ApiException.invalid(wrongItem);
        }
        return supply;
    }

    private static void validate(NewReservation command) {
        List<FieldError> errors = new ArrayList<>();
        Map<UUID, Integer> seen = new HashMap<>();
        for (int i = 0; i < command.lines().size(); i++) {
            NewLine line = command.lines().get(i);
            Meters.checkScale("lines[" + i + "].meters", line.meters()).ifPresent(errors::add);
            Integer first = seen.putIfAbsent(line.crmDealLineId(), i);
            if (first != null) {
                errors.add(new FieldError("lines[" + i + "].crm_deal_line_id", "repeats lines[" + first + "]"));
            }
            pricePairing("lines[" + i + "]", line.unitPrice(), line.currency()).ifPresent(errors::add);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    /** A price comes with its currency and a currency with its price: the rule for new and revised deal lines. */
    static Optional<FieldError> pricePairing(String at, BigDecimal unitPrice, String currency) {
        if ((unitPrice == null) == (currency == null)) {
            return Optional.empty();
        }
        return Optional.of(new FieldError(at + "." + (unitPrice == null ? "unit_price" : "currency"),
                "is required together with " + (unitPrice == null ? "currency" : "unit_price")));
    }

    Optional<Reservation> find(UUID id) {
        return reservations.findInOrganization(caller.organizationId(), id);
    }
}
