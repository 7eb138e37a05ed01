package com.lotastro.reservation;

import com.lotastro.audit.AuditLog;
import com.lotastro.inventory.InventoryLedger;
import com.lotastro.inventory.Roll;
import com.lotastro.inventory.TransactionType;
import com.lotastro.reservation.ReservationEnums.ActionReason;
import com.lotastro.reservation.ReservationEnums.AllocationState;
import com.lotastro.shared.Meters;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.error.FieldError;
import com.lotastro.shared.security.CallerContext;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Binds reservation lines to rolls, by hand or automatically; RESERVATION_ALLOCATION rows never change on-hand. */
@ApplicationScoped
@Transactional
public class AllocationService {

    @ConfigMapping(prefix = "lotastro.allocation")
    public interface AllocationConfig {
        /** Auto-allocation avoids leaving a roll shorter than this when another choice avoids it. */
        @WithDefault("5")
        BigDecimal minRemnantMeters();
    }

    @Inject
    ReservationService reservationService;

    @Inject
    Reservations reservations;

    @Inject
    RollAllocations allocations;

    @Inject
    StockLocks locks;

    @Inject
    PromiseGuard guard;

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


    @Inject
    AllocationConfig config;

    public record Entry(UUID reservationLineId, UUID rollId, BigDecimal meters) {
    }

    public record AutoResult(Reservation reservation, List<AutoChoice> choices) {
    }

    public record AutoChoice(UUID reservationLineId, AutoAllocator.Choice choice) {
    }

    /** A roll, locked, and the meters a line takes from it. */
    private record Binding(ReservationLine line, Roll roll, BigDecimal meters) {
    }

    public Reservation allocate(UUID reservationId, List<Entry> entries) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Meters.checkScale("lines[" + i + "].meters", entries.get(i).meters()).ifPresent(errors::add);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Reservation reservation = lockForAllocation(reservationId);
        Map<UUID, ReservationLine> lineById = reservation.lines.stream().collect(Collectors.toMap(l -> l.id, Function.identity()));
        List<Binding> bindings = new ArrayList<>();
        Map<UUID, Roll> lockedRolls = locks.rolls(caller.organizationId(), entries.stream().map(Entry::rollId).toList());
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            ReservationLine line = lineById.get(entry.reservationLineId());
            if (line == null) {
                errors.add(new FieldError("lines[" + i + "].reservation_line_id", "is not a line of this reservation"));
                continue;
            }
            Roll roll = lockedRolls.get(entry.rollId());
            if (roll == null) {
                errors.add(new FieldError("lines[" + i + "].roll_id", "is not a roll"));
                continue;
            }
            if (!roll.catalogItemId.equals(line.catalogItem.id)) {
                errors.add(new FieldError("lines[" + i + "].roll_id", "is " + roll.lot.catalogItem.qualityCode + " / "
                        + roll.lot.catalogItem.colorCode + ", not the line's " + line.catalogItem.qualityCode + " / "
                        + line.catalogItem.colorCode));
                continue;
            }
            bindings.add(new Binding(line, roll, Meters.of(entry.meters())));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        bind(reservation, bindings, "reservation.rolls_allocated");
        return reservation;
    }

    public AutoResult autoAllocate(UUID reservationId) {
        Reservation reservation = lockForAllocation(reservationId);
        AutoAllocator allocator = new AutoAllocator(config.minRemnantMeters());
        List<Binding> bindings = new ArrayList<>();
        List<AutoChoice> choices = new ArrayList<>();
        Map<UUID, BigDecimal> takenFromRoll = new HashMap<>();
        for (ReservationLine line : reservation.lines) {
            BigDecimal needed = line.unallocated();
            if (needed.signum() == 0) {
                continue;
            }
            List<Roll> candidates = locks.freeRollsOf(line.catalogItem.id);
            List<AutoAllocator.LotStock> lots = new ArrayList<>();
            Map<UUID, Roll> rollById = new HashMap<>();
            for (Roll roll : candidates) {
                rollById.put(roll.id, roll);
                BigDecimal free = roll.freeMeters().subtract(takenFromRoll.getOrDefault(roll.id, BigDecimal.ZERO));
                if (free.signum() <= 0) {
                    continue;
                }
                if (lots.isEmpty() || !lots.get(lots.size() - 1).lotId().equals(roll.lot.id)) {
                    lots.add(new AutoAllocator.LotStock(roll.lot.id, new ArrayList<>()));
                }
                lots.get(lots.size() - 1).rolls().add(new AutoAllocator.RollStock(roll.id, free));
            }
            List<AutoAllocator.Choice> picked = allocator.choose(needed, lots).orElseThrow(() -> new ApiException(
                    ErrorCode.INSUFFICIENT_ROLL_METERS, "The rolls of " + line.catalogItem.qualityCode + " / "
                    + line.catalogItem.colorCode + " cannot cover the " + needed + " m line " + line.crmDealLineId));
            for (AutoAllocator.Choice choice : picked) {
                bindings.add(new Binding(line, rollById.get(choice.rollId()), choice.meters()));
                takenFromRoll.merge(choice.rollId(), choice.meters(), BigDecimal::add);
                choices.add(new AutoChoice(line.id, choice));
            }
        }
        if (!bindings.isEmpty()) {
            bind(reservation, bindings, "reservation.rolls_auto_allocated");
        }
        return new AutoResult(reservation, choices);
    }

    private Reservation lockForAllocation(UUID reservationId) {
        Reservation reservation = reservationService.lockActive(reservationId);
        if (reservation.actionRequiredReason == ActionReason.NEEDS_SHORTAGE_DECISION) {
            throw new ApiException(ErrorCode.RESERVATION_BLOCKED, "Reservation " + reservation.id
                    + " waits for a shortage decision before rolls can be allocated");
        }
        return reservation;
    }

    private void bind(Reservation reservation, List<Binding> bindings, String action) {
        Map<String, Object> before = reservation.describe();
        Map<ReservationLine, BigDecimal> perLine = new LinkedHashMap<>();
        Map<Roll, BigDecimal> perRoll = new LinkedHashMap<>();
        bindings.forEach(b -> {
            perLine.merge(b.line(), b.meters(), BigDecimal::add);
            perRoll.merge(b.roll(), b.meters(), BigDecimal::add);
        });
        perLine.forEach((line, meters) -> {
            if (meters.compareTo(line.unallocated()) > 0) {
                throw new ApiException(ErrorCode.ALLOCATION_EXCEEDS_LINE, "Line " + line.crmDealLineId + " still needs "
                        + line.unallocated() + " m; " + meters + " m were given");
            }
        });
        perRoll.forEach((roll, meters) -> {
            if (meters.compareTo(roll.freeMeters()) > 0) {
                throw new ApiException(ErrorCode.INSUFFICIENT_ROLL_METERS, "Roll " + roll.barcode + " has "
                        + roll.freeMeters() + " m free; " + meters + " m were asked");
            }
        });
        Map<UUID, BigDecimal> availableBefore = guard.snapshot(perLine.keySet().stream().map(l -> l.catalogItem.id).toList());

        Instant now = Timestamps.now();
        for (Binding binding : bindings) {
            RollAllocation allocation = new RollAllocation();
            allocation.id = UUID.randomUUID();
            allocation.organizationId = reservation.organizationId;
            allocation.reservationId = reservation.id;
            allocation.line = binding.line();
            allocation.roll = binding.roll();
            allocation.meters = binding.meters();
            allocation.position = binding.line().allocations.stream().mapToInt(a -> a.position + 1).max().orElse(0);
            allocation.createdAt = now;
            allocations.persist(allocation);
            binding.line().allocations.add(allocation);
            binding.line().allocatedMeters = binding.line().allocatedMeters.add(binding.meters());
            ledger.post(binding.roll(), new InventoryLedger.Movement(TransactionType.RESERVATION_ALLOCATION, BigDecimal.ZERO,
                    binding.meters(), "reservation", reservation.id, null));
        }
        reservation.settleAllocationState();
        boolean covered = reservation.allocationState == AllocationState.ALLOCATED;
        reservation.updatedAt = now;
        actions.recompute(reservation);
        reservations.flush();
        guard.requireNotWorse(availableBefore);
        audit.record(new AuditLog.Change(action, "reservation", reservation.id, before, reservation.describe(), null));
        if (covered) {
            events.allocated(reservation);
        }
        actions.announceIfChanged(reservation, before);
    }
}
