package com.lotastro.order;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A manager's decision to ship without the CRM's approval: who, when, why, and the PO it made or was attached to. */
@Entity
@Table(name = "shipment_approval_overrides")
public class ShipmentOverride {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "reservation_id", nullable = false)
    public UUID reservationId;
    @Column(name = "order_id", nullable = false)
    public UUID orderId;
    @Column(name = "created_order", nullable = false)
    public boolean createdOrder;
    @Convert(converter = OverrideReason.Converter.class)
    @Column(name = "override_reason", nullable = false)
    public OverrideReason reason;
    @Column(name = "override_notes")
    public String notes;
    @Column(name = "overridden_by")
    public String overriddenBy;
    @Column(name = "api_key_id")
    public UUID apiKeyId;
    @Column(name = "overridden_at", nullable = false)
    public Instant createdAt;
    @Column(name = "crm_notified", nullable = false)
    public boolean crmNotified;
    @Column(name = "crm_notified_at")
    public Instant crmNotifiedAt;

    /** The CRM acknowledged the override's event; the first acknowledgement is the one kept. */
    public void notifiedCrm(Instant at) {
        if (!crmNotified) {
            crmNotified = true;
            crmNotifiedAt = at;
        }
    }
}
