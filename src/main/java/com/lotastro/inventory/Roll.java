package com.lotastro.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A physical roll. {@code meters} and {@code reservedMeters} change only through {@link InventoryLedger}, so the
 * ledger always sums to them; {@code reservedMeters <= meters} holds always (also as a database check).
 */
@Entity
@Table(name = "rolls")
public class Roll {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "lot_id", nullable = false)
    public Lot lot;
    @Column(name = "catalog_item_id", nullable = false)
    public UUID catalogItemId;
    @Column(name = "barcode", nullable = false)
    public String barcode;
    @Column(name = "meters", nullable = false, precision = 12, scale = 2)
    public BigDecimal meters;
    @Column(name = "reserved_meters", nullable = false, precision = 12, scale = 2)
    public BigDecimal reservedMeters;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public BigDecimal freeMeters() {
        return meters.subtract(reservedMeters);
    }

    public RollStatus status() {
        if (meters.signum() == 0) {
            return RollStatus.DEPLETED;
        }
        return freeMeters().signum() > 0 ? RollStatus.AVAILABLE : RollStatus.FULLY_RESERVED;
    }

    Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("barcode", barcode);
        state.put("meters", meters);
        state.put("reserved_meters", reservedMeters);
        return state;
    }
}
