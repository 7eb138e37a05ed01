package com.lotastro.invoice;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A numbered credit against an issued invoice: it lowers what the customer owes on it. */
@Entity
@Table(name = "credit_notes")
public class CreditNote {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;
    @Column(name = "number", nullable = false)
    public String number;
    @Column(name = "currency", nullable = false)
    public String currency;
    @Column(name = "net_total", nullable = false, precision = 14, scale = 2)
    public BigDecimal netTotal;
    @Column(name = "tax_total", nullable = false, precision = 14, scale = 2)
    public BigDecimal taxTotal;
    @Column(name = "gross_total", nullable = false, precision = 14, scale = 2)
    public BigDecimal grossTotal;
    /** What the credit gave back to payments as unallocated credit, because they had paid beyond what is now owed. */
    @Column(name = "refunded_to_payments", nullable = false, precision = 14, scale = 2)
    public BigDecimal refundedToPayments;
    @Column(name = "reason", nullable = false)
    public String reason;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @OneToMany(mappedBy = "creditNote", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    public List<CreditNoteLine> lines = new ArrayList<>();

    /** A line crediting a net amount at a tax rate; rounded like invoice lines. */
    public CreditNoteLine addLine(String description, BigDecimal netAmount, BigDecimal taxRate) {
        if (netAmount.signum() <= 0) {
            throw new IllegalArgumentException("A credit note line credits more than 0");
        }
        CreditNoteLine line = new CreditNoteLine();
        line.id = UUID.randomUUID();
        line.organizationId = organizationId;
        line.creditNote = this;
        line.position = lines.size() + 1;
        line.description = description;
        line.netAmount = Money.round(netAmount);
        line.taxRate = taxRate.setScale(2, java.math.RoundingMode.HALF_UP);
        line.taxAmount = Money.round(Money.percentOf(line.netAmount, line.taxRate));
        line.grossAmount = line.netAmount.add(line.taxAmount);
        lines.add(line);
        netTotal = Money.sum(lines, l -> l.netAmount);
        taxTotal = Money.sum(lines, l -> l.taxAmount);
        grossTotal = Money.sum(lines, l -> l.grossAmount);
        return line;
    }
}
