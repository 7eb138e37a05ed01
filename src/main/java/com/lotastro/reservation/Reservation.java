package com.lotastro.reservation;

import com.lotastro.reservation.ReservationEnums.ActionReason;
import com.lotastro.reservation.ReservationEnums.AllocationState;
import com.lotastro.reservation.ReservationEnums.ShipIntent;
import com.lotastro.reservation.ReservationEnums.Status;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import com.lotastro.catalog.CatalogItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Meters promised to a CRM deal, line by line, on the way from a promise to rolls. */
@Entity
@Table(name = "reservations")
public class Reservation {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "crm_deal_id", nullable = false)
    public UUID crmDealId;
    @Column(name = "crm_customer_id", nullable = false)
    public UUID crmCustomerId;
    /** The incoming supply this reservation was made against (instead of on-hand stock). */
    @Column(name = "supply_request_id")
    public UUID supplyRequestId;
    @Convert(converter = ReservationEnums.StatusConverter.class)
    @Column(name = "status", nullable = false)
    public Status status;
    @Convert(converter = ReservationEnums.ShipIntentConverter.class)
    @Column(name = "ship_intent", nullable = false)
    public ShipIntent shipIntent;
    @Column(name = "ship_date")
    public LocalDate shipDate;
    @Column(name = "hold_until")
    public Instant holdUntil;
    @Column(name = "expected_date")
    public LocalDate expectedDate;
    @Column(name = "sales_owner_email")
    public String salesOwnerEmail;
    @Convert(converter = ReservationEnums.AllocationStateConverter.class)
    @Column(name = "allocation_state", nullable = false)
    public AllocationState allocationState;
    @Convert(converter = ReservationEnums.ActionReasonConverter.class)
    @Column(name = "action_required_reason")
    public ActionReason actionRequiredReason;
    /** The arrived supply whose allocation plan assigned this reservation's planned meters. */
    @Column(name = "planned_supply_request_id")
    public UUID plannedSupplyRequestId;
    @Column(name = "release_reason")
    public String releaseReason;
    @Column(name = "released_at")
    public Instant releasedAt;
    @Version
    @Column(name = "version", nullable = false)
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    /** Refreshed with the reservation: whoever locks a reservation must see its lines as they are now. */
    @OneToMany(mappedBy = "reservation", cascade = CascadeType.REFRESH)
    @OrderBy("position")
    public List<ReservationLine> lines = new ArrayList<>();

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    /** A new line at the end of the reservation, promising meters of the item; the caller persists it. */
    ReservationLine addLine(CatalogItem item, UUID crmDealLineId, BigDecimal meters, BigDecimal unitPrice, String currency,
                            Instant createdAt) {
        ReservationLine line = new ReservationLine();
        line.id = UUID.randomUUID();
        line.organizationId = organizationId;
        line.reservation = this;
        line.crmDealLineId = crmDealLineId;
        line.catalogItem = item;
        line.meters = meters.setScale(2);
        line.plannedMeters = BigDecimal.ZERO.setScale(2);
        line.allocatedMeters = BigDecimal.ZERO.setScale(2);
        line.unbackedMeters = BigDecimal.ZERO.setScale(2);
        // As the column stores it (scale 4), so the answer built from this line equals a later read of it.
        line.unitPrice = unitPrice == null ? null : unitPrice.setScale(4, java.math.RoundingMode.HALF_UP);
        line.currency = currency;
        line.position = lines.stream().mapToInt(l -> l.position + 1).max().orElse(0);
        line.createdAt = createdAt;
        lines.add(line);
        return line;
    }

    List<ReservationLine> linesNewestFirst() {
        return lines.stream().sorted(Comparator.comparingInt((ReservationLine l) -> l.position).reversed()).toList();
    }

    /**
     * The allocation state follows the lines: allocated when rolls cover every line, partially allocated once roll
     * entry has begun, planned while only a plan assigns meters, unallocated otherwise.
     */
    void settleAllocationState() {
        boolean anyBound = lines.stream().anyMatch(l -> l.allocatedMeters.signum() > 0);
        boolean covered = anyBound && lines.stream().allMatch(l -> l.unallocated().signum() == 0);
        if (covered) {
            allocationState = AllocationState.ALLOCATED;
        } else if (anyBound) {
            allocationState = AllocationState.PARTIALLY_ALLOCATED;
        } else if (lines.stream().anyMatch(l -> l.plannedMeters.signum() > 0)) {
            allocationState = AllocationState.PLANNED;
        } else {
            allocationState = AllocationState.UNALLOCATED;
        }
    }

    /** Once roll entry has begun (or a plan assigned supply), an expired hold no longer releases anything. */
    boolean holdExpired(Instant now) {
        return isActive() && allocationState == AllocationState.UNALLOCATED && holdUntil != null && holdUntil.isBefore(now)
                && lines.stream().allMatch(l -> l.allocatedMeters.signum() == 0 && l.plannedMeters.signum() == 0);
    }

    /**
     * After an allocation plan of supply of the item: fully planned lines wait for roll entry; anything less blocks
     * the reservation until a shortage decision.
     */
    void settleAfterPlan(UUID supplyItemId) {
        List<ReservationLine> ofItem = linesOf(supplyItemId);
        boolean full = !ofItem.isEmpty() && ofItem.stream().allMatch(l -> l.plannedMeters.add(l.allocatedMeters).compareTo(l.meters) >= 0);
        settleAllocationState();
        actionRequiredReason = full ? ActionReason.NEEDS_ROLL_ENTRY : ActionReason.NEEDS_SHORTAGE_DECISION;
    }

    /** Shortage decision partial_fulfil for supply of the item: the promise shrinks to what the plan serves. */
    void fulfilPartially(UUID supplyItemId) {
        List<ReservationLine> ofItem = linesOf(supplyItemId);
        if (ofItem.stream().noneMatch(l -> l.plannedMeters.signum() > 0)) {
            throw new IllegalStateException("Nothing was planned for reservation " + id + "; delay or cancel it instead");
        }
        ofItem.forEach(line -> line.resize(line.plannedMeters.max(line.allocatedMeters)));
        settleAllocationState();
        actionRequiredReason = ActionReason.NEEDS_ROLL_ENTRY;
    }

    /** Shortage decision delay: the plan is undone and the reservation waits for another plan. */
    void delay(LocalDate expected) {
        lines.forEach(line -> line.plannedMeters = BigDecimal.ZERO.setScale(2));
        plannedSupplyRequestId = null;
        settleAllocationState();
        actionRequiredReason = ActionReason.NEEDS_ALLOCATION_PLAN;
        expectedDate = expected;
    }

    /** Shortage decision partial_fulfil after a loss: every line gives up the meters the loss left unbacked. */
    void dropUnbacked() {
        if (lines.stream().noneMatch(l -> l.unbackedMeters.signum() > 0)) {
            throw new IllegalStateException("No meters of reservation " + id + " were left unbacked by a loss");
        }
        lines.forEach(ReservationLine::dropUnbacked);
        actionRequiredReason = null;
        settleAllocationState();
    }

    /**
     * A loss block is lifted once nothing is left unbacked (a deal revision gave the meters back) and no short
     * supply awaits a decision.
     */
    void liftLossBlockIfSettled() {
        if (actionRequiredReason == ActionReason.NEEDS_SHORTAGE_DECISION && !hasUnbackedMeters() && plannedSupplyRequestId == null) {
            actionRequiredReason = null;
        }
    }

    boolean hasUnbackedMeters() {
        return lines.stream().anyMatch(l -> l.unbackedMeters.signum() > 0);
    }

    List<ReservationLine> linesOf(UUID catalogItemId) {
        return lines.stream().filter(l -> l.catalogItem.id.equals(catalogItemId)).toList();
    }

    public BigDecimal promisedMeters() {
        return sum(l -> l.meters);
    }

    public BigDecimal plannedMeters() {
        return sum(l -> l.plannedMeters);
    }

    public BigDecimal allocatedMeters() {
        return sum(l -> l.allocatedMeters);
    }

    public BigDecimal unbackedMeters() {
        return sum(l -> l.unbackedMeters);
    }

    private BigDecimal sum(java.util.function.Function<ReservationLine, BigDecimal> meters) {
        return lines.stream().map(meters).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public boolean actionRequired() {
        return actionRequiredReason != null;
    }

    Map<String, Object> describe() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", status.value());
        state.put("ship_intent", shipIntent.value());
        state.put("ship_date", shipDate == null ? null : shipDate.toString());
        state.put("hold_until", holdUntil == null ? null : holdUntil.toString());
        state.put("allocation_state", allocationState.value());
        state.put("action_required_reason", actionRequiredReason == null ? null : actionRequiredReason.value());
        state.put("lines", lines.stream().map(ReservationLine::describe).toList());
        return state;
    }
}
