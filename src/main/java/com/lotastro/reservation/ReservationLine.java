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
    @Column(name = "unit_price", precision = 14, scale = 4)
    public BigDecimal unitPrice;
    @Column(name = "currency")
    public String currency;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @OneToMany(mappedBy = "line", cascade = CascadeType.REFRESH)
    @OrderBy("createdAt, id")
    public List<RollAllocation> allocations = new ArrayList<>();

    /** What rolls must cover: the planned meters when a plan assigned some, otherwise the promise. */
    public BigDecimal target() {
        return plannedMeters.signum() > 0 ? plannedMeters : meters;
    }

    public BigDecimal unallocated() {
        return target().subtract(allocatedMeters).max(BigDecimal.ZERO);
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
        return state;
    }
}
