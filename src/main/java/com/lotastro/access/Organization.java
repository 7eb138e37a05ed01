package com.lotastro.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A tenant: every other row belongs to exactly one organization. */
@Entity
@Table(name = "organizations")
public class Organization {
    @Id
    public UUID id;
    @Column(name = "name", nullable = false)
    public String name;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
