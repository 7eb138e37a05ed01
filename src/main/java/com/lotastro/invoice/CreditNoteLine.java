package com.lotastro.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

@Entity
@Table(name = "credit_note_lines")
public class CreditNoteLine {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "credit_note_id", nullable = false)
    public CreditNote creditNote;
    @Column(name = "position", nullable = false)
    public int position;
    @Column(name = "description", nullable = false)
    public String description;
    @Column(name = "net_amount", nullable = false, precision = 14, scale = 2)
    public BigDecimal netAmount;
    @Column(name = "tax_rate", nullable = false, precision = 5, scale = 2)
    public BigDecimal taxRate;
    @Column(name = "tax_amount", nullable = false, precision = 14, scale = 2)
    public BigDecimal taxAmount;
    @Column(name = "gross_amount", nullable = false, precision = 14, scale = 2)
    public BigDecimal grossAmount;
}
