package com.lotastro.crm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** An organization's integration switches (Batch F feature flags); an organization without a row has every one on. */
@Entity
@Table(name = "integration_feature_flags")
public class IntegrationFlags {
    @Id
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "inbound_crm_events", nullable = false)
    public boolean inboundCrmEvents = true;
    @Column(name = "outbound_delivery", nullable = false)
    public boolean outboundDelivery = true;
    @Column(name = "reconciler", nullable = false)
    public boolean reconciler = true;
    @Column(name = "crm_lookups", nullable = false)
    public boolean crmLookups = true;
    @Version
    @Column(name = "version", nullable = false)
    public long version;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static IntegrationFlags allOn(UUID organizationId) {
        IntegrationFlags flags = new IntegrationFlags();
        flags.organizationId = organizationId;
        return flags;
    }

    public Map<String, Object> describe() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("inbound_crm_events", inboundCrmEvents);
        state.put("outbound_delivery", outboundDelivery);
        state.put("reconciler", reconciler);
        state.put("crm_lookups", crmLookups);
        return state;
    }
}
