package com.lotastro.access;

import com.lotastro.shared.security.Scope;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An API key of one organization. Only its SHA-256 hash is stored; the key itself is shown once. */
@Entity
@Table(name = "api_keys")
public class ApiKey {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "name", nullable = false)
    public String name;
    @Column(name = "key_hash", nullable = false)
    public String keyHash;
    @Column(name = "key_prefix", nullable = false)
    public String keyPrefix;
    @Convert(converter = ScopesConverter.class)
    @Column(name = "scopes", nullable = false)
    public Set<Scope> scopes;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
}
