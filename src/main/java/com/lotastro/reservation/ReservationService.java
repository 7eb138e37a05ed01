package com.lotastro.reservation;

import com.lotastro.audit.AuditLog;
import com.lotastro.catalog.CatalogItem;
import com.lotastro.catalog.CatalogItems;
import com.lotastro.inventory.InventoryLedger;
import com.lotastro.inventory.Roll;
import com.lotastro.inventory.Rolls;
import com.lotastro.inventory.TransactionType;
import com.lotastro.reservation.ReservationEnums.ActionReason;
import com.lotastro.reservation.ReservationEnums.AllocationState;
import com.lotastro.reservation.ReservationEnums.ShipIntent;
import com.lotastro.reservation.ReservationEnums.Status;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reservations: promises checked against stock or supply, changes of ship intent and hold, release. */
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
    Rolls rolls;

    @Inject
    InventoryLedger ledger;

    @Inject
    StockPosition stock;

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
        List<CatalogItem> items = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            NewLine line = command.lines().get(i);
            int index = i;
            items.add(catalogItems.findByCodes(organizationId, line.qualityCode(), line.colorCode())
                    .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_CATALOG_ITEM,
                            "No catalog item " + line.qualityCode() + " / " + line.colorCode(),
                            List.of(new FieldError("lines[" + index + "].quality_code", "with color_code names no catalog item")),
                            Map.of())));
        }
        lockItems(items);
        SupplyRequest supply = command.crmSupplyRequestId() == null ? null : lockSupplyFor(command, items);
        if (supply == null) {
            requireOnHandStock(command, items);
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
        reservation.holdUntil = command.holdUntil();
        reservation.salesOwnerEmail = command.salesOwnerEmail();
        reservation.allocationState = AllocationState.UNALLOCATED;
        reservation.createdAt = Timestamps.now();
        reservation.updatedAt = reservation.createdAt;
        reservations.persist(reservation);
        for (int i = 0; i < command.lines().size(); i++) {
            NewLine requested = command.lines().get(i);
            addLine(reservation, items.get(i), requested.crmDealLineId(), requested.meters(), requested.unitPrice(),
                    requested.currency(), reservation.createdAt.plusNanos(1000L * i));
        }
        reservations.flush();
        audit.record(new AuditLog.Change("reservation.created", "reservation", reservation.id, null, reservation.describe(), null));
        events.created(reservation);
        return reservation;
    }

    public Reservation update(UUID id, String ifMatch, Changes changes) {
        long expected = com.lotastro.shared.IfMatch.expectedVersion(ifMatch);
        Reservation reservation = get(id);
        lockItems(reservation.lines.stream().map(l -> l.catalogItem).toList());
        reservations.lock(reservation);
        if (reservation.version != expected) {
            throw new ApiException(ErrorCode.STALE_VERSION, "The reservation is at version " + reservation.version + ", not " + expected);
        }
        requireActive(reservation);
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
        Reservation reservation = get(id);
        lockItems(reservation.lines.stream().map(l -> l.catalogItem).toList());
        reservations.lock(reservation);
        requireActive(reservation);
        releaseLocked(reservation, reason);
        return reservation;
    }

    /** Releases a reservation whose hold passed, unless it changed since it was found (allocated, planned, held longer). */
    public boolean releaseExpiredHold(UUID id, Instant now) {
        Reservation reservation = get(id);
        lockItems(reservation.lines.stream().map(l -> l.catalogItem).toList());
        reservations.lock(reservation);
        boolean stillExpired = reservation.isActive() && reservation.allocationState == AllocationState.UNALLOCATED
                && reservation.holdUntil != null && reservation.holdUntil.isBefore(now);
        if (stillExpired) {
            releaseLocked(reservation, HoldExpiryService.REASON);
        }
        return stillExpired;
    }

    /** Returns every allocated meter to its roll and ends the reservation; the caller holds the locks. */
    @Transactional(Transactional.TxType.MANDATORY)
    void releaseLocked(Reservation reservation, String reason) {
        Map<String, Object> before = reservation.describe();
        Instant now = Timestamps.now();
        List<RollAllocation> active = reservation.lines.stream().flatMap(l -> l.activeAllocations().stream())
                .sorted(Comparator.comparing((RollAllocation a) -> a.roll.id))
                .toList();
        for (RollAllocation allocation : active) {
            Roll roll = rolls.lock(allocation.roll);
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

    /** A deal line as the CRM now describes it. */
    public record DealLine(UUID crmDealLineId, String qualityCode, String colorCode, BigDecimal meters, BigDecimal unitPrice,
                           String currency) {
    }

    /** Releases every active reservation of a CRM deal; returns them. */
    public List<Reservation> releaseDeal(UUID crmDealId, String reason) {
        List<Reservation> active = reservations.activeForDeal(caller.organizationId(), crmDealId);
        lockItems(active.stream().flatMap(r -> r.lines.stream()).map(l -> l.catalogItem).toList());
        for (Reservation reservation : active.stream().sorted(Comparator.comparing((Reservation r) -> r.id)).toList()) {
            reservations.lock(reservation);
            if (reservation.isActive()) {
                releaseLocked(reservation, reason);
            }
        }
        return active;
    }

    /** Sets the ship intent and date of the deal's active reservations and recomputes what they need next. */
    public List<Reservation> rescheduleDeal(UUID crmDealId, ShipIntent shipIntent, LocalDate shipDate) {
        List<Reservation> active = requireDeal(crmDealId);
        for (Reservation reservation : active) {
            reservations.lock(reservation);
            if (!reservation.isActive()) {
                continue;
            }
            Map<String, Object> before = reservation.describe();
            reservation.shipIntent = shipIntent;
            reservation.shipDate = shipDate;
            reservation.updatedAt = Timestamps.now();
            actions.recompute(reservation);
            reservations.flush();
            audit.record(new AuditLog.Change("reservation.rescheduled", "reservation", reservation.id, before,
                    reservation.describe(), "CRM ship schedule"));
            actions.announceIfChanged(reservation, before);
        }
        return active;
    }

    /**
     * Brings the deal's reservation to the CRM's lines: more meters are checked like a new promise, fewer meters
     * release the difference (allocations first, newest first), lines left out are released.
     */
    public Reservation reviseDeal(UUID crmDealId, List<DealLine> newLines) {
        Reservation reservation = requireDeal(crmDealId).get(0);
        UUID organizationId = caller.organizationId();
        Map<UUID, CatalogItem> itemsByLine = new HashMap<>();
        for (int i = 0; i < newLines.size(); i++) {
            DealLine line = newLines.get(i);
            int index = i;
            Meters.requireScale("lines[" + i + "].meters", line.meters());
            if (itemsByLine.containsKey(line.crmDealLineId())) {
                throw ApiException.invalid("lines[" + i + "].crm_deal_line_id", "repeats an earlier line");
            }
            itemsByLine.put(line.crmDealLineId(), catalogItems.findByCodes(organizationId, line.qualityCode(), line.colorCode())
                    .orElseThrow(() -> ApiException.invalid("lines[" + index + "].quality_code", "with color_code names no catalog item")));
        }
        List<CatalogItem> involved = new ArrayList<>(itemsByLine.values());
        reservation.lines.forEach(l -> involved.add(l.catalogItem));
        lockItems(involved);
        reservations.lock(reservation);
        requireActive(reservation);
        if (reservation.supplyRequestId != null) {
            UUID supplyItem = supplyRequests.get(reservation.supplyRequestId).catalogItem.id;
            if (itemsByLine.values().stream().anyMatch(item -> !item.id.equals(supplyItem))) {
                throw ApiException.invalid("lines", "a reservation against incoming supply takes only the supply's quality and color");
            }
        }
        Map<String, Object> before = reservation.describe();
        Map<UUID, DealLine> wanted = new LinkedHashMap<>();
        newLines.forEach(l -> wanted.put(l.crmDealLineId(), l));

        Map<UUID, BigDecimal> extraByItem = new HashMap<>();
        for (ReservationLine line : reservation.lines) {
            DealLine target = wanted.remove(line.crmDealLineId);
            BigDecimal meters = target == null ? BigDecimal.ZERO : Meters.of(target.meters());
            if (target != null && !itemsByLine.get(line.crmDealLineId).id.equals(line.catalogItem.id)) {
                throw ApiException.invalid("lines", "line " + line.crmDealLineId + " cannot change its quality or color");
            }
            if (meters.compareTo(line.meters) > 0) {
                extraByItem.merge(line.catalogItem.id, meters.subtract(line.meters), BigDecimal::add);
            }
        }
        wanted.values().forEach(added -> extraByItem.merge(itemsByLine.get(added.crmDealLineId()).id, added.meters(), BigDecimal::add));
        requireExtraCapacity(reservation, extraByItem);

        for (ReservationLine line : reservation.lines) {
            DealLine target = newLines.stream().filter(l -> l.crmDealLineId().equals(line.crmDealLineId)).findFirst().orElse(null);
            BigDecimal meters = target == null ? Meters.of(BigDecimal.ZERO) : Meters.of(target.meters());
            releaseDown(reservation, line, meters);
            line.meters = meters;
            line.plannedMeters = line.plannedMeters.min(meters);
            if (target != null) {
                line.unitPrice = target.unitPrice();
                line.currency = target.currency();
            }
        }
        Instant now = Timestamps.now();
        int index = reservation.lines.size();
        for (DealLine added : wanted.values()) {
            addLine(reservation, itemsByLine.get(added.crmDealLineId()), added.crmDealLineId(), added.meters(), added.unitPrice(),
                    added.currency(), now.plusNanos(1000L * index++));
        }
        boolean covered = reservation.lines.stream().allMatch(l -> l.unallocated().signum() == 0)
                && reservation.lines.stream().anyMatch(l -> l.allocatedMeters.signum() > 0);
        boolean wasAllocated = reservation.allocationState == AllocationState.ALLOCATED;
        reservation.allocationState = covered ? AllocationState.ALLOCATED
                : reservation.lines.stream().anyMatch(l -> l.plannedMeters.signum() > 0) ? AllocationState.PLANNED : AllocationState.UNALLOCATED;
        reservation.updatedAt = now;
        actions.recompute(reservation);
        reservations.flush();
        audit.record(new AuditLog.Change("reservation.lines_revised", "reservation", reservation.id, before,
                reservation.describe(), "CRM deal lines updated"));
        if (covered && !wasAllocated) {
            events.allocated(reservation);
        }
        actions.announceIfChanged(reservation, before);
        return reservation;
    }

    /** A new line promising meters of an item; lines are ordered by creation, so each gets its own instant. */
    private void addLine(Reservation reservation, CatalogItem item, UUID crmDealLineId, BigDecimal meters, BigDecimal unitPrice,
                         String currency, Instant createdAt) {
        ReservationLine line = new ReservationLine();
        line.id = UUID.randomUUID();
        line.organizationId = reservation.organizationId;
        line.reservation = reservation;
        line.crmDealLineId = crmDealLineId;
        line.catalogItem = item;
        line.meters = Meters.of(meters);
        line.plannedMeters = Meters.of(BigDecimal.ZERO);
        line.allocatedMeters = Meters.of(BigDecimal.ZERO);
        line.unitPrice = unitPrice;
        line.currency = currency;
        line.createdAt = createdAt;
        lines.persist(line);
        reservation.lines.add(line);
    }

    /** Returns allocations (newest first) until the line holds at most the given meters on rolls. */
    private void releaseDown(Reservation reservation, ReservationLine line, BigDecimal meters) {
        List<RollAllocation> newestFirst = new ArrayList<>(line.activeAllocations());
        newestFirst.sort(Comparator.comparing((RollAllocation a) -> a.createdAt).thenComparing(a -> a.id).reversed());
        Instant now = Timestamps.now();
        for (RollAllocation allocation : newestFirst) {
            BigDecimal excess = line.allocatedMeters.subtract(meters);
            if (excess.signum() <= 0) {
                return;
            }
            BigDecimal returned = excess.min(allocation.meters);
            Roll roll = rolls.lock(allocation.roll);
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

    private void requireExtraCapacity(Reservation reservation, Map<UUID, BigDecimal> extraByItem) {
        for (Map.Entry<UUID, BigDecimal> extra : extraByItem.entrySet()) {
            BigDecimal available = reservation.supplyRequestId != null
                    ? supplyOpenMeters(reservation.supplyRequestId)
                    : stock.of(extra.getKey()).promisable();
            if (extra.getValue().compareTo(available) > 0) {
                throw new ApiException(ErrorCode.INSUFFICIENT_STOCK, "The deal's lines need " + extra.getValue()
                        + " m more, but only " + available.max(BigDecimal.ZERO) + " m can still be promised");
            }
        }
    }

    private BigDecimal supplyOpenMeters(UUID supplyRequestId) {
        SupplyRequest supply = supplyRequests.get(supplyRequestId);
        supplyRequests.lock(supply);
        return supply.servableMeters().subtract(stock.promisedAgainstSupply(supply.id));
    }

    private List<Reservation> requireDeal(UUID crmDealId) {
        List<Reservation> active = reservations.activeForDeal(caller.organizationId(), crmDealId);
        if (active.isEmpty()) {
            throw new ApiException(ErrorCode.UNKNOWN_DEAL, "No active reservation for CRM deal " + crmDealId);
        }
        return active;
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

    /** Locks catalog items in id order: the first step of every stock change, so two changes never deadlock. */
    @Transactional(Transactional.TxType.MANDATORY)
    void lockItems(List<CatalogItem> items) {
        items.stream().map(i -> i.id).distinct().sorted()
                .forEach(itemId -> catalogItems.lockForStockMovement(items.stream().filter(i -> i.id.equals(itemId)).findFirst().orElseThrow()));
    }

    static void requireActive(Reservation reservation) {
        if (!reservation.isActive()) {
            throw new ApiException(ErrorCode.RESERVATION_NOT_ACTIVE, "Reservation " + reservation.id + " was released ("
                    + reservation.releaseReason + ")");
        }
    }

    private SupplyRequest lockSupplyFor(NewReservation command, List<CatalogItem> items) {
        SupplyRequest supply = supplyRequests.findByCrmId(command.crmSupplyRequestId())
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_SUPPLY_REQUEST, "No supply request mirrors CRM supply request "
                        + command.crmSupplyRequestId(), List.of(new FieldError("crm_supply_request_id", "names no supply request")), Map.of()));
        supplyRequests.lock(supply);
        if (!SupplyStatus.INCOMING.contains(supply.status)) {
            throw ApiException.invalid("crm_supply_request_id", "is " + supply.status.value() + " and takes no more reservations");
        }
        List<FieldError> wrongItem = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).id.equals(supply.catalogItem.id)) {
                wrongItem.add(new FieldError("lines[" + i + "].quality_code", "differs from the supply request's "
                        + supply.catalogItem.qualityCode + " / " + supply.catalogItem.colorCode));
            }
        }
        if (!wrongItem.isEmpty()) {
            throw ApiException.invalid(wrongItem);
        }
        BigDecimal requested = command.lines().stream().map(NewLine::meters).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal open = supply.servableMeters().subtract(stock.promisedAgainstSupply(supply.id));
        if (requested.compareTo(open) > 0) {
            throw insufficient("Supply request " + supply.id + " can still serve " + open + " m; " + requested + " m were asked",
                    command, items, itemId -> open);
        }
        return supply;
    }

    private void requireOnHandStock(NewReservation command, List<CatalogItem> items) {
        Map<UUID, BigDecimal> requestedByItem = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            requestedByItem.merge(items.get(i).id, command.lines().get(i).meters(), BigDecimal::add);
        }
        Map<UUID, BigDecimal> promisable = new HashMap<>();
        requestedByItem.keySet().forEach(itemId -> promisable.put(itemId, stock.of(itemId).promisable()));
        boolean short_ = requestedByItem.entrySet().stream().anyMatch(e -> e.getValue().compareTo(promisable.get(e.getKey())) > 0);
        if (short_) {
            throw insufficient("Not enough stock to promise every line", command, items, promisable::get);
        }
    }

    private ApiException insufficient(String detail, NewReservation command, List<CatalogItem> items,
                                      java.util.function.Function<UUID, BigDecimal> available) {
        List<Map<String, Object>> details = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            CatalogItem item = items.get(i);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("crm_deal_line_id", command.lines().get(i).crmDealLineId());
            line.put("quality_code", item.qualityCode);
            line.put("color_code", item.colorCode);
            line.put("requested_meters", Meters.of(command.lines().get(i).meters()));
            line.put("available_meters", available.apply(item.id).max(BigDecimal.ZERO));
            line.put("lots", stock.lotsWithFreeMeters(item.id).stream().map(lot -> Map.of("lot_id", lot.lotId(),
                    "lot_number", lot.lotNumber(), "free_meters", lot.freeMeters())).toList());
            stock.nearestIncoming(item.id).ifPresent(incoming -> {
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
            if ((line.unitPrice() == null) != (line.currency() == null)) {
                errors.add(new FieldError("lines[" + i + "]." + (line.unitPrice() == null ? "unit_price" : "currency"),
                        "is required together with " + (line.unitPrice() == null ? "currency" : "unit_price")));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static long parseIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(ErrorCode.PRECONDITION_REQUIRED, "Send If-Match with the version you read (the ETag)");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "If-Match must be a version such as \"3\"");
        }
    }

    Optional<Reservation> find(UUID id) {
        return reservations.findInOrganization(caller.organizationId(), id);
    }
}
