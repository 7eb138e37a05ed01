package com.lotastro.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A sales rep assigned to a customer; an ended assignment stays as history. */
@Entity
@Table(name = "customer_rep_assignments")
public class RepAssignment {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "customer_id", nullable = false)
    public UUID customerId;
    @Column(name = "rep", nullable = false)
    public String rep;
    @Column(name = "is_primary", nullable = false)
    public boolean primary;
    @Column(name = "assigned_by")
    public String assignedBy;
    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;
    @Column(name = "ended_at")
    public Instant endedAt;

    public boolean isCurrent() {
        return endedAt == null;
    }
}
