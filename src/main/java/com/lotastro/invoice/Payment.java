package com.lotastro.invoice;

import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Money a customer paid, in one currency; allocations settle invoices with it, never beyond its amount. */
@Entity
@Table(name = "payments")
public class Payment {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "customer_id", nullable = false)
    public UUID customerId;
    @Convert(converter = PaymentMethod.Converter.class)
    @Column(name = "method", nullable = false)
    public PaymentMethod method;
    @Column(name = "amount", nullable = false, precision = 14, scale = 2)
    public BigDecimal amount;
    @Column(name = "currency", nullable = false)
    public String currency;
    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;
    @Column(name = "reference")
    public String reference;
    @Column(name = "allocated_amount", nullable = false, precision = 14, scale = 2)
    public BigDecimal allocatedAmount;
    @Version
    @Column(name = "version", nullable = false)
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public BigDecimal unallocated() {
        return amount.subtract(allocatedAmount);
    }

    /** Refuses an invoice of another customer or currency (no FX here). */
    public void requireCanSettle(Invoice invoice) {
        if (!invoice.currency.equals(currency)) {
            throw new ApiException(ErrorCode.CURRENCY_MISMATCH, "Invoice " + invoice.number + " is in " + invoice.currency
                    + "; the payment is in " + currency);
        }
        if (!invoice.customerId.equals(customerId)) {
            throw new ApiException(ErrorCode.CUSTOMER_MISMATCH, "Invoice " + invoice.number + " belongs to another customer than the payment");
        }
    }

    /** Takes part of the unallocated amount: never more than is left. */
    public void allocate(BigDecimal part, Instant at) {
        if (part.signum() <= 0) {
            throw new IllegalArgumentException("An allocation is above 0");
        }
        if (part.compareTo(unallocated()) > 0) {
            throw new ApiException(ErrorCode.ALLOCATION_EXCEEDS_BALANCE, "The payment has " + unallocated() + " " + currency
                    + " unallocated; " + part + " is more");
        }
        allocatedAmount = allocatedAmount.add(part);
        updatedAt = at;
    }

    /** Gives part of an allocation back to the unallocated amount. */
    public void release(BigDecimal part, Instant at) {
        if (part.compareTo(allocatedAmount) > 0) {
            throw new IllegalArgumentException("Cannot release " + part + " of " + allocatedAmount + " allocated");
        }
        allocatedAmount = allocatedAmount.subtract(part);
        updatedAt = at;
    }

    public Map<String, Object> describe() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("customer_id", customerId.toString());
        state.put("method", method.value());
        state.put("amount", amount);
        state.put("currency", currency);
        state.put("received_on", receivedOn.toString());
        state.put("reference", reference);
        state.put("allocated_amount", allocatedAmount);
        return state;
    }
}
