package com.lotastro.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** An address in a customer's book; at most one is the shipping default and one the billing default. */
@Entity
@Table(name = "customer_addresses")
public class CustomerAddress {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "customer_id", nullable = false)
    public UUID customerId;
    @Column(name = "label")
    public String label;
    @Column(name = "line1", nullable = false)
    public String line1;
    @Column(name = "line2")
    public String line2;
    @Column(name = "district")
    public String district;
    @Column(name = "city", nullable = false)
    public String city;
    @Column(name = "postal_code")
    public String postalCode;
    @Column(name = "country", nullable = false, columnDefinition = "bpchar(2)")
    public String country;
    @Column(name = "phone")
    public String phone;
    @Column(name = "default_shipping", nullable = false)
    public boolean defaultShipping;
    @Column(name = "default_billing", nullable = false)
    public boolean defaultBilling;
    @Column(name = "last_used_at")
    public Instant lastUsedAt;
    @Version
    @Column(name = "version", nullable = false)
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public Map<String, Object> describe() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("label", label);
        state.put("line1", line1);
        state.put("line2", line2);
        state.put("district", district);
        state.put("city", city);
        state.put("postal_code", postalCode);
        state.put("country", country);
        state.put("phone", phone);
        state.put("default_shipping", defaultShipping);
        state.put("default_billing", defaultBilling);
        return state;
    }
}
