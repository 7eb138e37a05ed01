package com.lotastro.inventory;

import com.lotastro.catalog.CatalogItem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One production or dye batch of one catalog item, received at once; its rolls share a shade. */
@Entity
@Table(name = "lots")
public class Lot {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "catalog_item_id", nullable = false)
    public CatalogItem catalogItem;
    @Column(name = "lot_number", nullable = false)
    public String lotNumber;
    /** The supply request these goods arrived for, if any. */
    @Column(name = "supply_request_id")
    public UUID supplyRequestId;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
