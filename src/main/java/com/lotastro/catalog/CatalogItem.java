package com.lotastro.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A sellable fabric: quality code + color code, unique in its organization; measured in meters. */
@Entity
@Table(name = "catalog_items")
public class CatalogItem {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "quality_code", nullable = false)
    public String qualityCode;
    @Column(name = "color_code", nullable = false)
    public String colorCode;
    @Column(name = "description")
    public String description;
    @Column(name = "low_stock_threshold_meters", nullable = false, precision = 12, scale = 2)
    public BigDecimal lowStockThresholdMeters;
    @Column(name = "active", nullable = false)
    public boolean active;
    @Version
    @Column(name = "version", nullable = false)
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Low stock means available meters below a positive threshold; a zero threshold turns the alert off. */
    public boolean isLowStock(BigDecimal availableMeters) {
        return lowStockThresholdMeters.signum() > 0 && availableMeters.compareTo(lowStockThresholdMeters) < 0;
    }

    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("quality_code", qualityCode);
        state.put("color_code", colorCode);
        state.put("description", description);
        state.put("low_stock_threshold_meters", lowStockThresholdMeters);
        state.put("active", active);
        return state;
    }
}
