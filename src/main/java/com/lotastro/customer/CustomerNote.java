package com.lotastro.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A free-text note on a customer, with its author and time. */
@Entity
@Table(name = "customer_notes")
public class CustomerNote {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "customer_id", nullable = false)
    public UUID customerId;
    @Column(name = "body", nullable = false)
    public String body;
    @Column(name = "author")
    public String author;
    @Version
    @Column(name = "version", nullable = false)
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
