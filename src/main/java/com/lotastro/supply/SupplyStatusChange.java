package com.lotastro.supply;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One row of a supply request's status history (creation included, with no old status). */
@Entity
@Table(name = "supply_request_status_history")
public class SupplyStatusChange {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "supply_request_id", nullable = false)
    public UUID supplyRequestId;
    @Convert(converter = SupplyStatusConverter.class)
    @Column(name = "old_status")
    public SupplyStatus oldStatus;
    @Convert(converter = SupplyStatusConverter.class)
    @Column(name = "new_status", nullable = false)
    public SupplyStatus newStatus;
    @Column(name = "eta_date")
    public LocalDate etaDate;
    @Column(name = "arrived_meters", precision = 12, scale = 2)
    public BigDecimal arrivedMeters;
    @Column(name = "notes")
    public String notes;
    @Column(name = "actor")
    public String actor;
    @Column(name = "api_key_id")
    public UUID apiKeyId;
    @Column(name = "changed_at", nullable = false)
    public Instant createdAt;
}
