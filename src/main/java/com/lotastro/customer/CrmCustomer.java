package com.lotastro.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A customer as the CRM (its owner) last told us; stale after a day. */
@Entity
@Table(name = "crm_customers")
public class CrmCustomer {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "crm_customer_id", nullable = false)
    public UUID crmCustomerId;
    @Column(name = "company_name", nullable = false)
    public String companyName;
    @Column(name = "unique_code")
    public String uniqueCode;
    @Column(name = "contact_name")
    public String contactName;
    @Column(name = "contact_email")
    public String contactEmail;
    @Column(name = "contact_phone")
    public String contactPhone;
    @Column(name = "payment_terms")
    public String paymentTerms;
    @Column(name = "address")
    public String address;
    @Column(name = "city")
    public String city;
    @Column(name = "country")
    public String country;
    @Column(name = "crm_version")
    public Long crmVersion;
    /** When the CRM said what we hold: an update that happened earlier is older news. */
    @Column(name = "source_occurred_at")
    public Instant sourceOccurredAt;
    @Column(name = "cached_at", nullable = false)
    public Instant cachedAt;
    @Column(name = "stale_at", nullable = false)
    public Instant staleAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
