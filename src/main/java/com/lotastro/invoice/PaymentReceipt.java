package com.lotastro.invoice;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The receipt of a payment as the PostgreSQL receipt store keeps it: its bytes, their type and checksum. */
@Entity
@Table(name = "payment_receipts")
public class PaymentReceipt {
    @Id
    @Column(name = "payment_id")
    public UUID paymentId;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "content_type", nullable = false)
    public String contentType;
    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;
    @Column(name = "sha256", nullable = false)
    public String sha256;
    @Column(name = "file_name")
    public String fileName;
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false)
    public byte[] content;
    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;
}
