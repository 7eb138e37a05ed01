package com.lotastro.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One ledger row. Append-only: the database refuses updates and deletes. */
@Entity
@Immutable
@Table(name = "inventory_transactions")
public class InventoryTransaction {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    public TransactionType type;
    @Column(name = "roll_id", nullable = false)
    public UUID rollId;
    @Column(name = "lot_id", nullable = false)
    public UUID lotId;
    @Column(name = "catalog_item_id", nullable = false)
    public UUID catalogItemId;
    /** Signed change of the roll's meters (on hand). */
    @Column(name = "meters_delta", nullable = false, precision = 12, scale = 2)
    public BigDecimal metersDelta;
    /** Signed change of the roll's reserved meters; on hand stays as it is. */
    @Column(name = "reserved_delta", nullable = false, precision = 12, scale = 2)
    public BigDecimal reservedDelta;
    @Column(name = "roll_meters_after", nullable = false, precision = 12, scale = 2)
    public BigDecimal rollMetersAfter;
    @Column(name = "source_type", nullable = false)
    public String sourceType;
    @Column(name = "source_id")
    public UUID sourceId;
    @Column(name = "reason")
    public String reason;
    @Column(name = "actor")
    public String actor;
    @Column(name = "api_key_id")
    public UUID apiKeyId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
