package com.lotastro.reservation;

import com.lotastro.audit.AuditLog;
import com.lotastro.inventory.InventoryLedger;
import com.lotastro.inventory.Roll;
import com.lotastro.inventory.Rolls;
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
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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
    Rolls rolls;

    @Inject
    InventoryLedger ledger;

    @Inject
    StockPosition stock;

    @Inject
    ReservationEvents events;

    @Inject
    ActionPolicy actions;

    @Inject
    AuditLog audit;

    @Inject
    CallerContext caller;

    @Inject
    EntityManager em;

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
        Map<UUID, Roll> lockedRolls = lockRolls(entries.stream().map(Entry::rollId).toList());
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
            List<Roll> candidates = rollsWithFreeMeters(line.catalogItem.id);
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
        Reservation reservation = reservationService.get(reservationId);
        reservationService.lockItems(reservation.lines.stream().map(l -> l.catalogItem).toList());
        reservations.lock(reservation);
        ReservationService.requireActive(reservation);
        if (reservation.actionRequiredReason == ActionReason.NEEDS_SHORTAGE_DECISION) {
            throw new ApiException(ErrorCode.RESERVATION_BLOCKED, "Reservation " + reservation.id
                    + " waits for a shortage decision before rolls can be allocated");
        }
        return reservation;
    }

    /** Rolls of the organization by id, locked in id order (after the items: lock order item, reservation, roll). */
    private Map<UUID, Roll> lockRolls(List<UUID> rollIds) {
        Map<UUID, Roll> locked = new LinkedHashMap<>();
        rollIds.stream().distinct().sorted().forEach(id -> rolls.findInOrganization(caller.organizationId(), id)
                .ifPresent(roll -> locked.put(id, rolls.lock(roll))));
        return locked;
    }

    private List<Roll> rollsWithFreeMeters(UUID catalogItemId) {
        return em.createQuery("""
                        select r from Roll r join fetch r.lot l where r.catalogItemId = :item and r.meters > r.reservedMeters
                        order by l.receivedAt, l.createdAt, l.id, r.barcode""", Roll.class)
                .setParameter("item", catalogItemId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
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
        requireStockForBindings(reservation, perLine);

        Instant now = Timestamps.now();
        int sequence = 0;
        for (Binding binding : bindings) {
            RollAllocation allocation = new RollAllocation();
            allocation.id = UUID.randomUUID();
            allocation.organizationId = reservation.organizationId;
            allocation.reservationId = reservation.id;
            allocation.line = binding.line();
            allocation.roll = binding.roll();
            allocation.meters = binding.meters();
            // Distinct instants keep "newest first" well defined when a deal later gives meters back.
            allocation.createdAt = now.plusNanos(1000L * sequence++);
            allocations.persist(allocation);
            binding.line().allocations.add(allocation);
            binding.line().allocatedMeters = binding.line().allocatedMeters.add(binding.meters());
            ledger.post(binding.roll(), new InventoryLedger.Movement(TransactionType.RESERVATION_ALLOCATION, BigDecimal.ZERO,
                    binding.meters(), "reservation", reservation.id, null));
        }
        boolean covered = reservation.lines.stream().allMatch(l -> l.unallocated().signum() == 0);
        if (covered) {
            reservation.allocationState = AllocationState.ALLOCATED;
        }
        reservation.updatedAt = now;
        actions.recompute(reservation);
        reservations.flush();
        audit.record(new AuditLog.Change(action, "reservation", reservation.id, before, reservation.describe(), null));
        if (covered) {
            events.allocated(reservation);
        }
        actions.announceIfChanged(reservation, before);
    }

    /**
     * Binding rolls to an on-hand promise turns promised meters into reserved ones; binding beyond the promise (or
     * for supply-backed reservations) needs meters nobody else was promised.
     */
    private void requireStockForBindings(Reservation reservation, Map<ReservationLine, BigDecimal> perLine) {
        Map<UUID, BigDecimal> extraByItem = new HashMap<>();
        perLine.forEach((line, meters) -> {
            BigDecimal outstandingBefore = outstandingPromise(reservation, line, line.allocatedMeters);
            BigDecimal outstandingAfter = outstandingPromise(reservation, line, line.allocatedMeters.add(meters));
            BigDecimal extra = meters.subtract(outstandingBefore.subtract(outstandingAfter));
            extraByItem.merge(line.catalogItem.id, extra, BigDecimal::add);
        });
        extraByItem.forEach((itemId, extra) -> {
            if (extra.signum() > 0) {
                BigDecimal promisable = stock.of(itemId).promisable();
                if (promisable.compareTo(extra) < 0) {
                    throw new ApiException(ErrorCode.INSUFFICIENT_STOCK, "Only " + promisable.max(BigDecimal.ZERO)
                            + " m of this item are neither reserved nor promised to others; " + extra + " m more are needed");
                }
            }
        });
    }

    private static BigDecimal outstandingPromise(Reservation reservation, ReservationLine line, BigDecimal allocated) {
        if (reservation.supplyRequestId != null) {
            return BigDecimal.ZERO;
        }
        return line.meters.subtract(allocated).subtract(line.plannedMeters).max(BigDecimal.ZERO);
    }
}
