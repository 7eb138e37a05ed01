package com.lotastro.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A person at one customer, holding roles of the fixed taxonomy, primary for some of them. */
@Entity
@Table(name = "customer_contacts")
public class CustomerContact {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "customer_id", nullable = false)
    public UUID customerId;
    @Column(name = "name", nullable = false)
    public String name;
    @Column(name = "email")
    public String email;
    @Column(name = "phone")
    public String phone;
    @Column(name = "title")
    public String title;
    @Convert(converter = ContactRole.SetConverter.class)
    @Column(name = "roles", nullable = false)
    public Set<ContactRole> roles = EnumSet.noneOf(ContactRole.class);
    @Convert(converter = ContactRole.SetConverter.class)
    @Column(name = "primary_roles", nullable = false)
    public Set<ContactRole> primaryRoles = EnumSet.noneOf(ContactRole.class);
    @Version
    @Column(name = "version", nullable = false)
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A contact is primary only for roles it holds. */
    public boolean primaryRolesAreHeld() {
        return roles.containsAll(primaryRoles);
    }

    /** Another contact became the primary of these roles. */
    public boolean yieldPrimary(Set<ContactRole> taken) {
        Set<ContactRole> kept = EnumSet.noneOf(ContactRole.class);
        kept.addAll(primaryRoles);
        boolean changed = kept.removeAll(taken);
        if (changed) {
            primaryRoles = kept;
        }
        return changed;
    }

    public Map<String, Object> describe() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", name);
        state.put("email", email);
        state.put("phone", phone);
        state.put("title", title);
        state.put("roles", new ContactRole.SetConverter().convertToDatabaseColumn(roles));
        state.put("primary_roles", new ContactRole.SetConverter().convertToDatabaseColumn(primaryRoles));
        return state;
    }
}
