package com.lotastro.reservation;

import com.lotastro.catalog.CatalogItem;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One CRM deal line: promised meters, meters planned from arrived supply, meters bound to rolls. */
@Entity
@Table(name = "reservation_lines")
public class ReservationLine {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reservation_id", nullable = false)
    public Reservation reservation;
    @Column(name = "crm_deal_line_id", nullable = false)
    public UUID crmDealLineId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "catalog_item_id", nullable = false)
    public CatalogItem catalogItem;
    @Column(name = "meters", nullable = false, precision = 12, scale = 2)
    public BigDecimal meters;
    @Column(name = "planned_meters", nullable = false, precision = 12, scale = 2)
    public BigDecimal plannedMeters;
    /** Sum of the line's active allocations, kept with them in the same transaction. */
    @Column(name = "allocated_meters", nullable = false, precision = 12, scale = 2)
    public BigDecimal allocatedMeters;
    /** Meters a recorded loss left without stock; no longer promised, waiting for a shortage decision. */
    @Column(name = "unbacked_meters", nullable = false, precision = 12, scale = 2)
    public BigDecimal unbackedMeters;
    /** Order of the line within its reservation. */
    @Column(name = "position", nullable = false)
    public int position;
    @Column(name = "unit_price", precision = 14, scale = 4)
    public BigDecimal unitPrice;
    @Column(name = "currency")
    public String currency;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @OneToMany(mappedBy = "line", cascade = CascadeType.REFRESH)
    @OrderBy("position")
    public List<RollAllocation> allocations = new ArrayList<>();

    /**
     * What rolls must cover: the promise, less what a loss left unbacked. A plan only says where the meters come
     * from (a short plan blocks the reservation until a decision sets the promise).
     */
    public BigDecimal target() {
        return meters.subtract(unbackedMeters);
    }

    public BigDecimal unallocated() {
        return target().subtract(allocatedMeters).max(BigDecimal.ZERO);
    }

    /** Meters still promised and backed: not on rolls and not left unbacked by a loss. */
    public BigDecimal backedOutstanding() {
        return meters.subtract(allocatedMeters).subtract(unbackedMeters);
    }

    private boolean againstSupply() {
        return reservation.supplyRequestId != null;
    }

    /** What the line still needs of on-hand stock: not on rolls, not assigned from supply by a plan, not unbacked. */
    BigDecimal onHandShare() {
        if (againstSupply()) {
            return BigDecimal.ZERO;
        }
        return meters.subtract(plannedMeters.max(allocatedMeters)).subtract(unbackedMeters).max(BigDecimal.ZERO);
    }

    /** What the line is still owed by the supply it is served from (reserved against or planned from). */
    BigDecimal supplyShare() {
        BigDecimal owed = againstSupply() ? meters.subtract(allocatedMeters) : plannedMeters.subtract(allocatedMeters).max(BigDecimal.ZERO);
        BigDecimal onHand = againstSupply() ? BigDecimal.ZERO : meters.subtract(plannedMeters.max(allocatedMeters));
        return owed.subtract(unbackedMeters.subtract(onHand).max(BigDecimal.ZERO)).max(BigDecimal.ZERO);
    }

    /** A loss leaves these meters of the line without stock behind them. */
    void markUnbacked(BigDecimal lost) {
        if (lost.signum() <= 0 || lost.compareTo(backedOutstanding()) > 0) {
            throw new IllegalArgumentException("Cannot leave " + lost + " m unbacked of " + backedOutstanding() + " m outstanding");
        }
        unbackedMeters = unbackedMeters.add(lost);
    }

    /** The line takes the CRM's new meters; a cut gives back unbacked meters first, and the plan never exceeds it. */
    void resize(BigDecimal newMeters) {
        BigDecimal cut = meters.subtract(newMeters).max(BigDecimal.ZERO);
        meters = newMeters;
        unbackedMeters = unbackedMeters.subtract(cut).max(BigDecimal.ZERO).min(meters.subtract(allocatedMeters).max(BigDecimal.ZERO));
        plannedMeters = plannedMeters.min(meters);
    }

    /** Partial fulfilment of a loss: the promise shrinks by what the loss left unbacked. */
    void dropUnbacked() {
        meters = meters.subtract(unbackedMeters);
        plannedMeters = plannedMeters.min(meters);
        unbackedMeters = unbackedMeters.subtract(unbackedMeters);
    }

    /** Moves planned meters of arrived supply from this line to another (a reallocate decision). */
    void movePlannedTo(ReservationLine target, BigDecimal moved) {
        if (target == this) {
            throw new IllegalArgumentException("A line cannot give planned meters to itself");
        }
        if (moved.compareTo(plannedMeters) > 0) {
            throw new IllegalArgumentException("exceeds the " + plannedMeters + " m planned on the source line");
        }
        if (target.plannedMeters.add(moved).compareTo(target.meters) > 0) {
            throw new IllegalArgumentException("would plan more than the target line needs");
        }
        plannedMeters = plannedMeters.subtract(moved);
        target.plannedMeters = target.plannedMeters.add(moved);
    }

    public List<RollAllocation> activeAllocations() {
        return allocations.stream().filter(RollAllocation::isActive).toList();
    }

    Map<String, Object> describe() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("reservation_line_id", id);
        state.put("crm_deal_line_id", crmDealLineId);
        state.put("quality_code", catalogItem.qualityCode);
        state.put("color_code", catalogItem.colorCode);
        state.put("meters", meters);
        state.put("planned_meters", plannedMeters);
        state.put("allocated_meters", allocatedMeters);
        if (unbackedMeters.signum() > 0) {
            state.put("unbacked_meters", unbackedMeters);
        }
        return state;
    }
}
