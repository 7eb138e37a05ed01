package com.lotastro.supply;

import com.lotastro.catalog.CatalogItem;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Meters of one catalog item coming from manufacturing or the central warehouse, mirrored from the CRM. */
@Entity
@Table(name = "supply_requests")
public class SupplyRequest {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "crm_supply_request_id", nullable = false)
    public UUID crmSupplyRequestId;
    @Column(name = "crm_deal_id")
    public UUID crmDealId;
    @Column(name = "crm_customer_id")
    public UUID crmCustomerId;
    @Column(name = "crm_organization_id")
    public UUID crmOrganizationId;
    @Convert(converter = SupplyTypeConverter.class)
    @Column(name = "type", nullable = false)
    public SupplyType type;
    @Convert(converter = SupplyStatusConverter.class)
    @Column(name = "status", nullable = false)
    public SupplyStatus status;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "catalog_item_id", nullable = false)
    public CatalogItem catalogItem;
    @Column(name = "meters", nullable = false, precision = 12, scale = 2)
    public BigDecimal meters;
    @Column(name = "arrived_meters", precision = 12, scale = 2)
    public BigDecimal arrivedMeters;
    @Column(name = "eta_date")
    public LocalDate etaDate;
    @Column(name = "manufacturing_order_reference")
    public String manufacturingOrderReference;
    @Column(name = "sales_owner_email")
    public String salesOwnerEmail;
    @Column(name = "notes")
    public String notes;
    @Version
    @Column(name = "version", nullable = false)
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** What this supply can serve: the arrived meters once it arrived, the requested meters before. */
    public BigDecimal servableMeters() {
        return arrivedMeters != null ? arrivedMeters : meters;
    }

    Map<String, Object> describe() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("supply_request_id", id);
        state.put("crm_supply_request_id", crmSupplyRequestId);
        state.put("crm_deal_id", crmDealId);
        state.put("crm_customer_id", crmCustomerId);
        state.put("crm_organization_id", crmOrganizationId);
        state.put("type", type.value());
        state.put("status", status.value());
        state.put("quality_code", catalogItem.qualityCode);
        state.put("color_code", catalogItem.colorCode);
        state.put("meters", meters);
        state.put("arrived_meters", arrivedMeters);
        state.put("eta_date", etaDate == null ? null : etaDate.toString());
        state.put("notes", notes);
        return state;
    }
}
