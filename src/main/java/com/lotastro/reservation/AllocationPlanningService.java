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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    StockLocks locks;

    @Inject
    PromiseGuard guard;

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
        // One query for the reservations every supply on the page could serve, not one per supply.
        Map<UUID, List<Reservation>> eligibleByItem = reservations.unallocatedForItems(caller.organizationId(),
                arrived.items().stream().map(supply -> supply.catalogItem.id).distinct().toList());
        return arrived.map(supply -> {
            List<Reservation> linked = reservations.linkedTo(supply.id);
            List<Reservation> eligible = eligibleByItem.getOrDefault(supply.catalogItem.id, List.of());
            BigDecimal promised = promisedFor(linked, supply);
            return new PlanningEntry(supply, promised, promised.subtract(supply.arrivedMeters).max(BigDecimal.ZERO), linked, eligible);
        });
    }

    public Plan plan(UUID supplyRequestId, List<PlannedReservation> request) {
        SupplyRequest supply = supplyRequests.get(supplyRequestId);
        locks.items(List.of(supply.catalogItem));
        locks.supply(supply);
        if (supply.status != SupplyStatus.ARRIVED_SOFT) {
            throw new ApiException(ErrorCode.SUPPLY_NOT_ARRIVED, "Supply request " + supply.id + " is " + supply.status.value()
                    + "; only supply that arrived soft can be planned");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<Reservation, Map<ReservationLine, BigDecimal>> planned = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        List<Reservation> linked = reservations.linkedTo(supply.id);
        List<Reservation> toLock = new ArrayList<>(linked);
        request.stream().map(PlannedReservation::reservationId).distinct()
                .forEach(id -> reservationService.find(id).ifPresent(toLock::add));
        locks.reservations(toLock);
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
            if (reservation.hasUnbackedMeters()) {
                errors.add(new FieldError(at + ".reservation_id", "has " + reservation.unbackedMeters()
                        + " m left unbacked by a loss of stock; settle that shortage first"));
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
        linked.stream().filter(Reservation::isActive).forEach(r -> planned.putIfAbsent(r, Map.of()));
        Map<UUID, BigDecimal> availableBefore = guard.snapshot(List.of(supply.catalogItem.id));

        List<Reservation> touched = new ArrayList<>();
        for (Map.Entry<Reservation, Map<ReservationLine, BigDecimal>> entry : planned.entrySet()) {
            Reservation reservation = entry.getKey();
            Map<String, Object> before = reservation.describe();
            entry.getValue().forEach((line, meters) -> line.plannedMeters = meters);
            reservation.plannedSupplyRequestId = supply.id;
            reservation.settleAfterPlan(supply.catalogItem.id);
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
        guard.requireNotWorse(availableBefore);
        BigDecimal shortage = promisedFor(linked, supply).subtract(supply.arrivedMeters).max(BigDecimal.ZERO);
        supplyRequests.transition(supply.id, new SupplyRequestService.Transition(SupplyStatus.ALLOCATED, null, null,
                "Allocation plan: " + total + " m planned" + (shortage.signum() > 0 ? ", shortage " + shortage + " m" : "")));
        return new Plan(supply, Meters.of(total), Meters.of(shortage), touched);
    }

    /**
     * A shortage decision for reservations blocked by a short supply (supply_request_id given) or by a recorded loss
     * of stock (no supply request: only partial_fulfil, which drops the unbacked meters, and cancel apply).
     */
    public ShortageDecision decide(Decision decision) {
        SupplyRequest supply = decision.supplyRequestId() == null ? null : supplyRequests.get(decision.supplyRequestId());
        if (supply == null && (decision.kind() == ShortageDecisionKind.DELAY || decision.kind() == ShortageDecisionKind.REALLOCATE)) {
            throw ApiException.invalid("supply_request_id", "is required to " + decision.kind().value()
                    + "; a shortage left by a loss of stock is settled by partial_fulfil or cancel");
        }
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
        List<com.lotastro.catalog.CatalogItem> items = new ArrayList<>();
        if (supply != null) {
            items.add(supply.catalogItem);
        }
        affected.forEach(r -> r.lines.forEach(l -> items.add(l.catalogItem)));
        locks.items(items);
        if (supply != null) {
            locks.supply(supply);
        }
        locks.reservationsWithTheirItems(affected);
        for (Reservation reservation : affected) {
            boolean pending = reservation.isActive() && reservation.actionRequiredReason == ActionReason.NEEDS_SHORTAGE_DECISION
                    && (supply == null ? reservation.hasUnbackedMeters() : supply.id.equals(reservation.plannedSupplyRequestId));
            if (!pending) {
                throw new ApiException(ErrorCode.NO_SHORTAGE_PENDING, "Reservation " + reservation.id + " awaits no shortage decision"
                        + (supply == null ? " for a loss of stock" : " for supply request " + supply.id));
            }
        }
        Map<Reservation, Map<String, Object>> before = new LinkedHashMap<>();
        affected.forEach(r -> before.put(r, r.describe()));
        Map<UUID, BigDecimal> availableBefore = guard.snapshot(items.stream().map(i -> i.id).toList());
        try {
            switch (decision.kind()) {
                case PARTIAL_FULFIL -> affected.forEach(r -> {
                    if (supply == null) {
                        r.dropUnbacked();
                    } else {
                        r.fulfilPartially(supply.catalogItem.id);
                    }
                });
                case DELAY -> {
                    if (decision.expectedDate() == null) {
                        throw ApiException.invalid("expected_date", "is required to delay");
                    }
                    affected.forEach(r -> r.delay(decision.expectedDate()));
                }
                case CANCEL -> affected.forEach(r -> reservationService.releaseLocked(r, "shortage_cancelled"));
                case REALLOCATE -> reallocate(affected, supply, decision.moves());
            }
        } catch (IllegalStateException e) {
            throw new ApiException(ErrorCode.NO_SHORTAGE_PENDING, e.getMessage());
        }
        affected.forEach(r -> r.updatedAt = Timestamps.now());
        // A promise the plan had taken off on-hand stock may come back (delay, reallocate): it must still fit.
        reservations.flush();
        guard.requireNotWorse(availableBefore);

        ShortageDecision recorded = new ShortageDecision();
        recorded.id = UUID.randomUUID();
        recorded.organizationId = caller.organizationId();
        recorded.supplyRequestId = supply == null ? null : supply.id;
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
        Map<String, Object> recordedState = new LinkedHashMap<>();
        recordedState.put("decision", decision.kind().value());
        recordedState.put("supply_request_id", supply == null ? null : supply.id.toString());
        recordedState.put("reservation_ids", recorded.reservationIds);
        audit.record(new AuditLog.Change("shortage.decision_recorded", "shortage_decision", recorded.id, null, recordedState,
                decision.notes()));
        events.shortageDecided(recorded, affected);
        return recorded;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ShortageDecision> decisions(UUID supplyRequestId, PageRequest page) {
        return decisions.search(caller.organizationId(), supplyRequestId, page);
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
            } else if (from == to) {
                errors.add(new FieldError("moves[" + i + "].to_reservation_line_id", "is the source line; a move needs two lines"));
            } else {
                try {
                    from.movePlannedTo(to, move.meters());
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("moves[" + i + "].meters", e.getMessage()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        affected.forEach(r -> r.settleAfterPlan(supply.catalogItem.id));
    }

    private static BigDecimal promisedFor(List<Reservation> linked, SupplyRequest supply) {
        return linked.stream().flatMap(r -> r.lines.stream())
                .filter(l -> l.catalogItem.id.equals(supply.catalogItem.id))
                .map(l -> l.meters)
                .reduce(Meters.of(BigDecimal.ZERO), BigDecimal::add);
    }
}
