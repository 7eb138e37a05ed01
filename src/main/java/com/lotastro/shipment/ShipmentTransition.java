package com.lotastro.shipment;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One status change of a shipment: what, when, who, and what caused it (an API call or a courier event). */
@Entity
@Table(name = "shipment_transitions")
public class ShipmentTransition {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "shipment_id", nullable = false)
    public UUID shipmentId;
    @Convert(converter = ShipmentStatus.Converter.class)
    @Column(name = "from_status")
    public ShipmentStatus fromStatus;
    @Convert(converter = ShipmentStatus.Converter.class)
    @Column(name = "to_status", nullable = false)
    public ShipmentStatus toStatus;
    @Column(name = "trigger_type", nullable = false)
    public String trigger;
    @Column(name = "trigger_ref")
    public String triggerRef;
    @Column(name = "actor")
    public String actor;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
