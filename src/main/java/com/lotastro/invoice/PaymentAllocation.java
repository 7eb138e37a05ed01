package com.lotastro.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Part of a payment settling part of an invoice. Unreconciling keeps the row, stamped removed. */
@Entity
@Table(name = "payment_allocations")
public class PaymentAllocation {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "payment_id", nullable = false)
    public UUID paymentId;
    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;
    @Column(name = "amount", nullable = false, precision = 14, scale = 2)
    public BigDecimal amount;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "removed_at")
    public Instant removedAt;

    public boolean isActive() {
        return removedAt == null;
    }
}
