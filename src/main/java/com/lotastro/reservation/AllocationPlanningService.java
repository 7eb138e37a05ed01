package com.lotastro.reservation;

import com.lotastro.audit.AuditLog;
import com.lotastro.reservation.ReservationEnums.ActionReason;
import com.lotastro.reservation.ReservationEnums.AllocationState;
import com.lotastro.reservation.ReservationEnums.ShortageDecisionKind;
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
import com.lotastro.supply.SupplyRequests;
import com.lotastro.supply.SupplyStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Planning of supply that arrived soft ("partaj"), and the shortage decisions a short supply calls for. */
@ApplicationScoped
@Transactional
public class AllocationPlanningService {
    @Inject
    SupplyRequestService supplyRequests;

    @Inject
    Reservations reservations;

    @Inject
    ReservationService reservationService;

    @Inject
    ShortageDecisions decisions;

    @Inject
    ReservationEvents events;

    @Inject
    ActionPolicy actions;

    @Inject
    StockPosition stock;

    @Inject
    AuditLog audit;

    @Inject
    CallerContext caller;

    public record PlanningEntry(SupplyRequest supply, BigDecimal promisedMeters, BigDecimal shortageMeters,
                                List<Reservation> linked, List<Reservation> eligible) {
    }

    public record PlannedLine(UUID reservationLineId, BigDecimal plannedMeters) {
    }

    public record PlannedReservation(UUID reservationId, List<PlannedLine> lines) {
    }

    public record Plan(SupplyRequest supply, BigDecimal plannedMeters, BigDecimal shortageMeters, List<Reservation> reservations) {
    }

    public record Move(UUID fromLineId, UUID toLineId, BigDecimal meters) {
    }

    public record Decision(UUID supplyRequestId, List<UUID> reservationIds, ShortageDecisionKind kind, String notes,
                           LocalDate expectedDate, List<Move> moves) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PlanningEntry> planning(PageRequest page) {
        Page<SupplyRequest> arrived = supplyRequests.search(new SupplyRequests.Filter(null, SupplyStatus.ARRIVED_SOFT, null, null,
                null, null, null), page);
        return arrived.map(supply -> {
            List<Reservation> linked = reservations.linkedTo(supply.id);
            List<Reservation> eligible = reservations.unallocatedForItem(caller.organizationId(), supply.catalogItem.id);
            BigDecimal promised = promisedFor(linked, supply);
            return new PlanningEntry(supply, promised, promised.subtract(supply.arrivedMeters).max(BigDecimal.ZERO), linked, eligible);
        });
    }

    public Plan plan(UUID supplyRequestId, List<PlannedReservation> request) {
        SupplyRequest supply = supplyRequests.get(supplyRequestId);
        reservationService.lockItems(List.of(supply.catalogItem));
        supplyRequests.lock(supply);
        if (supply.status != SupplyStatus.ARRIVED_SOFT) {
            throw new ApiException(ErrorCode.SUPPLY_NOT_ARRIVED, "Supply request " + supply.id + " is " + supply.status.value()
                    + "; only supply that arrived soft can be planned");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<Reservation, Map<ReservationLine, BigDecimal>> planned = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        // Lock order: item, supply, then reservations by id.
        request.stream().map(PlannedReservation::reservationId).distinct().sorted()
                .forEach(id -> reservationService.find(id).ifPresent(reservations::lock));
        for (int i = 0; i < request.size(); i++) {
            PlannedReservation entry = request.get(i);
            String at = "reservations[" + i + "]";
            Reservation reservation = reservationService.find(entry.reservationId()).orElse(null);
            if (reservation == null) {
                errors.add(new FieldError(at + ".reservation_id", "is not a reservation"));
                continue;
            }
            if (!reservation.isActive() || reservation.allocationState != AllocationState.UNALLOCATED) {
                errors.add(new FieldError(at + ".reservation_id", "is " + (reservation.isActive()
                        ? reservation.allocationState.value() : "released") + "; only active, unallocated reservations can be planned"));
                continue;
            }
            if (reservation.supplyRequestId != null && !reservation.supplyRequestId.equals(supply.id)) {
                errors.add(new FieldError(at + ".reservation_id", "is reserved against another supply request"));
                continue;
            }
            Map<UUID, ReservationLine> lines = new HashMap<>();
            reservation.lines.forEach(l -> lines.put(l.id, l));
            Map<ReservationLine, BigDecimal> perLine = new LinkedHashMap<>();
            for (int j = 0; j < entry.lines().size(); j++) {
                PlannedLine plannedLine = entry.lines().get(j);
                String lineAt = at + ".lines[" + j + "]";
                ReservationLine line = lines.get(plannedLine.reservationLineId());
                java.util.Optional<FieldError> scale = Meters.checkScale(lineAt + ".planned_meters", plannedLine.plannedMeters());
                if (scale.isPresent()) {
                    errors.add(scale.get());
                } else if (line == null) {
                    errors.add(new FieldError(lineAt + ".reservation_line_id", "is not a line of this reservation"));
                } else if (!line.catalogItem.id.equals(supply.catalogItem.id)) {
                    errors.add(new FieldError(lineAt + ".reservation_line_id", "is not " + supply.catalogItem.qualityCode
                            + " / " + supply.catalogItem.colorCode));
                } else if (line.allocatedMeters.signum() > 0) {
                    // Planned meters are what rolls will cover; a line that already has rolls is finished by roll entry.
                    errors.add(new FieldError(lineAt + ".reservation_line_id", "already has " + line.allocatedMeters
                            + " m on rolls; allocate the rest by roll entry"));
                } else if (plannedLine.plannedMeters().compareTo(line.meters) > 0) {
                    errors.add(new FieldError(lineAt + ".planned_meters", "exceeds the " + line.meters + " m the line promises"));
                } else {
                    perLine.put(line, Meters.of(plannedLine.plannedMeters()));
                    total = total.add(plannedLine.plannedMeters());
                }
            }
            planned.put(reservation, perLine);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (total.compareTo(supply.arrivedMeters) > 0) {
            throw new ApiException(ErrorCode.PLAN_EXCEEDS_ARRIVAL, "The plan assigns " + total + " m but only "
                    + supply.arrivedMeters + " m arrived");
        }
        List<Reservation> linked = reservations.linkedTo(supply.id);
        linked.stream().sorted(Comparator.comparing((Reservation r) -> r.id)).forEach(r -> {
            reservations.lock(r);
            planned.putIfAbsent(r, Map.of());
        });

        List<Reservation> touched = new ArrayList<>();
        for (Map.Entry<Reservation, Map<ReservationLine, BigDecimal>> entry : planned.entrySet()) {
            Reservation reservation = entry.getKey();
            Map<String, Object> before = reservation.describe();
            entry.getValue().forEach((line, meters) -> line.plannedMeters = meters);
            reservation.plannedSupplyRequestId = supply.id;
            settle(reservation, supply);
            reservation.updatedAt = Timestamps.now();
            reservations.flush();
            audit.record(new AuditLog.Change("reservation.allocation_planned", "reservation", reservation.id, before,
                    reservation.describe(), "allocation plan of supply request " + supply.id));
            if (reservation.lines.stream().anyMatch(l -> l.plannedMeters.signum() > 0)) {
                events.allocationPlanned(reservation, supply.id);
            }
            actions.announceIfChanged(reservation, before);
            touched.add(reservation);
        }
        BigDecimal shortage = promisedFor(linked, supply).subtract(supply.arrivedMeters).max(BigDecimal.ZERO);
        supplyRequests.transition(supply.id, new SupplyRequestService.Transition(SupplyStatus.ALLOCATED, null, null,
                "Allocation plan: " + total + " m planned" + (shortage.signum() > 0 ? ", shortage " + shortage + " m" : "")));
        return new Plan(supply, Meters.of(total), Meters.of(shortage), touched);
    }

    public ShortageDecision decide(Decision decision) {
        SupplyRequest supply = supplyRequests.get(decision.supplyRequestId());
        List<Reservation> affected = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        List<UUID> ids = new ArrayList<>(new LinkedHashSet<>(decision.reservationIds()));
        for (int i = 0; i < ids.size(); i++) {
            Reservation reservation = reservationService.find(ids.get(i)).orElse(null);
            if (reservation == null) {
                errors.add(new FieldError("reservation_ids[" + i + "]", "is not a reservation"));
            } else {
                affected.add(reservation);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        // Lock order: every item the decision may move stock of, the supply, then the reservations by id.
        List<com.lotastro.catalog.CatalogItem> items = new ArrayList<>(List.of(supply.catalogItem));
        affected.forEach(r -> r.lines.forEach(l -> items.add(l.catalogItem)));
        reservationService.lockItems(items);
        supplyRequests.lock(supply);
        affected.sort(Comparator.comparing(r -> r.id));
        for (Reservation reservation : affected) {
            reservations.lock(reservation);
            if (!reservation.isActive() || reservation.actionRequiredReason != ActionReason.NEEDS_SHORTAGE_DECISION
                    || !supply.id.equals(reservation.plannedSupplyRequestId)) {
                throw new ApiException(ErrorCode.NO_SHORTAGE_PENDING, "Reservation " + reservation.id
                        + " awaits no shortage decision for supply request " + supply.id);
            }
        }
        Map<Reservation, Map<String, Object>> before = new LinkedHashMap<>();
        affected.forEach(r -> before.put(r, r.describe()));
        Map<UUID, BigDecimal> promisable = new HashMap<>();
        Map<UUID, BigDecimal> outstandingBefore = onHandOutstanding(affected);
        outstandingBefore.keySet().forEach(itemId -> promisable.put(itemId, stock.of(itemId).promisable()));
        switch (decision.kind()) {
            case PARTIAL_FULFIL -> affected.forEach(r -> fulfilPartially(r, supply));
            case DELAY -> {
                if (decision.expectedDate() == null) {
                    throw ApiException.invalid("expected_date", "is required to delay");
                }
                affected.forEach(r -> delay(r, decision.expectedDate()));
            }
            case CANCEL -> affected.forEach(r -> reservationService.releaseLocked(r, "shortage_cancelled"));
            case REALLOCATE -> reallocate(affected, supply, decision.moves());
        }
        // A promise that the plan had taken off on-hand stock comes back (delay, reallocate): it must still fit.
        onHandOutstanding(affected).forEach((itemId, after) -> {
            BigDecimal increase = after.subtract(outstandingBefore.getOrDefault(itemId, BigDecimal.ZERO));
            if (increase.signum() > 0 && increase.compareTo(promisable.getOrDefault(itemId, BigDecimal.ZERO)) > 0) {
                throw new ApiException(ErrorCode.INSUFFICIENT_STOCK, "This decision would promise " + increase
                        + " m more of on-hand stock than is available");
            }
        });

        ShortageDecision recorded = new ShortageDecision();
        recorded.id = UUID.randomUUID();
        recorded.organizationId = caller.organizationId();
        recorded.supplyRequestId = supply.id;
        recorded.reservationIds = affected.stream().map(r -> r.id.toString()).toList();
        recorded.decision = decision.kind();
        recorded.notes = decision.notes();
        recorded.expectedDate = decision.expectedDate();
        recorded.moves = decision.moves() == null ? null : decision.moves().stream().map(m -> Map.<String, Object>of(
                "from_reservation_line_id", m.fromLineId().toString(), "to_reservation_line_id", m.toLineId().toString(),
                "meters", m.meters())).toList();
        recorded.actor = caller.actor();
        recorded.apiKeyId = caller.apiKeyId();
        recorded.createdAt = Timestamps.now();
        decisions.persist(recorded);
        reservations.flush();
        for (Reservation reservation : affected) {
            if (reservation.isActive()) {
                audit.record(new AuditLog.Change("reservation.shortage_decided", "reservation", reservation.id,
                        before.get(reservation), reservation.describe(), decision.kind().value()));
                actions.announceIfChanged(reservation, before.get(reservation));
            }
        }
        audit.record(new AuditLog.Change("shortage.decision_recorded", "shortage_decision", recorded.id, null,
                Map.of("decision", decision.kind().value(), "supply_request_id", supply.id.toString(),
                        "reservation_ids", recorded.reservationIds), decision.notes()));
        events.shortageDecided(recorded, affected);
        return recorded;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ShortageDecision> decisions(UUID supplyRequestId, PageRequest page) {
        return decisions.search(caller.organizationId(), supplyRequestId, page);
    }

    /** Fully planned reservations wait for roll entry; the rest are blocked until a shortage decision. */
    private void settle(Reservation reservation, SupplyRequest supply) {
        List<ReservationLine> ofItem = reservation.lines.stream().filter(l -> l.catalogItem.id.equals(supply.catalogItem.id)).toList();
        boolean anyPlanned = ofItem.stream().anyMatch(l -> l.plannedMeters.signum() > 0);
        boolean full = !ofItem.isEmpty() && ofItem.stream().allMatch(l -> l.plannedMeters.compareTo(l.meters) >= 0);
        reservation.allocationState = anyPlanned ? AllocationState.PLANNED : AllocationState.UNALLOCATED;
        reservation.actionRequiredReason = full ? ActionReason.NEEDS_ROLL_ENTRY : ActionReason.NEEDS_SHORTAGE_DECISION;
    }

    private void fulfilPartially(Reservation reservation, SupplyRequest supply) {
        List<ReservationLine> ofItem = reservation.lines.stream().filter(l -> l.catalogItem.id.equals(supply.catalogItem.id)).toList();
        if (ofItem.stream().noneMatch(l -> l.plannedMeters.signum() > 0)) {
            throw new ApiException(ErrorCode.NO_SHORTAGE_PENDING, "Nothing of supply request " + supply.id
                    + " was planned for reservation " + reservation.id + "; delay or cancel it instead");
        }
        // The promise shrinks to what the supply serves: planned meters plus what rolls already cover.
        ofItem.forEach(line -> line.meters = line.plannedMeters);
        reservation.allocationState = AllocationState.PLANNED;
        reservation.actionRequiredReason = ActionReason.NEEDS_ROLL_ENTRY;
        reservation.updatedAt = Timestamps.now();
    }

    private void delay(Reservation reservation, LocalDate expectedDate) {
        reservation.lines.forEach(line -> line.plannedMeters = Meters.of(BigDecimal.ZERO));
        reservation.plannedSupplyRequestId = null;
        reservation.allocationState = AllocationState.UNALLOCATED;
        reservation.actionRequiredReason = ActionReason.NEEDS_ALLOCATION_PLAN;
        reservation.expectedDate = expectedDate;
        reservation.updatedAt = Timestamps.now();
    }

    private void reallocate(List<Reservation> affected, SupplyRequest supply, List<Move> moves) {
        if (moves == null || moves.isEmpty()) {
            throw ApiException.invalid("moves", "are required to reallocate");
        }
        Map<UUID, ReservationLine> lines = new HashMap<>();
        affected.forEach(r -> r.lines.stream().filter(l -> l.catalogItem.id.equals(supply.catalogItem.id)).forEach(l -> lines.put(l.id, l)));
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < moves.size(); i++) {
            Move move = moves.get(i);
            ReservationLine from = lines.get(move.fromLineId());
            ReservationLine to = lines.get(move.toLineId());
            Meters.checkScale("moves[" + i + "].meters", move.meters()).ifPresent(errors::add);
            if (from == null || to == null) {
                errors.add(new FieldError("moves[" + i + "]", "must move between lines of the named reservations for this supply"));
            } else if (from.plannedMeters.compareTo(move.meters()) < 0) {
                errors.add(new FieldError("moves[" + i + "].meters", "exceeds the " + from.plannedMeters + " m planned on the source line"));
            } else if (to.plannedMeters.add(move.meters()).compareTo(to.meters) > 0) {
                errors.add(new FieldError("moves[" + i + "].meters", "would plan more than the target line needs"));
            } else {
                from.plannedMeters = from.plannedMeters.subtract(move.meters());
                to.plannedMeters = to.plannedMeters.add(move.meters());
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Set<Reservation> settled = new LinkedHashSet<>(affected);
        settled.forEach(r -> {
            r.actionRequiredReason = null;
            settle(r, supply);
            r.updatedAt = Timestamps.now();
        });
    }

    /** Promises against on-hand stock not covered by rolls or a plan, per item, of the active reservations given. */
    private static Map<UUID, BigDecimal> onHandOutstanding(List<Reservation> affected) {
        Map<UUID, BigDecimal> outstanding = new HashMap<>();
        affected.stream().filter(r -> r.isActive() && r.supplyRequestId == null).flatMap(r -> r.lines.stream())
                .forEach(l -> outstanding.merge(l.catalogItem.id,
                        l.meters.subtract(l.allocatedMeters).subtract(l.plannedMeters).max(BigDecimal.ZERO), BigDecimal::add));
        return outstanding;
    }

    private static BigDecimal promisedFor(List<Reservation> linked, SupplyRequest supply) {
        return linked.stream().flatMap(r -> r.lines.stream())
                .filter(l -> l.catalogItem.id.equals(supply.catalogItem.id))
                .map(l -> l.meters)
                .reduce(Meters.of(BigDecimal.ZERO), BigDecimal::add);
    }
}
