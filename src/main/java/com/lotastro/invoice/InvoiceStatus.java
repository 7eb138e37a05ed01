package com.lotastro.invoice;

import com.lotastro.shared.ContractValue;
import com.lotastro.shared.ContractValueConverter;
import java.util.EnumSet;
import java.util.Set;

/**
 * draft → issued → partially_paid → paid, and void from draft or from issued without allocated payments. Payments
 * and credit notes move an issued invoice between issued, partially_paid and paid (unreconciling moves it back).
 */
public enum InvoiceStatus implements ContractValue {
    DRAFT("draft"),
    ISSUED("issued"),
    PARTIALLY_PAID("partially_paid"),
    PAID("paid"),
    VOID("void");

    private final String value;

    InvoiceStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public Set<InvoiceStatus> allowedNext() {
        return switch (this) {
            case DRAFT -> EnumSet.of(ISSUED, VOID);
            case ISSUED -> EnumSet.of(PARTIALLY_PAID, PAID, VOID);
            case PARTIALLY_PAID -> EnumSet.of(ISSUED, PAID);
            case PAID -> EnumSet.of(ISSUED, PARTIALLY_PAID);
            case VOID -> EnumSet.noneOf(InvoiceStatus.class);
        };
    }

    /** Issued and not void: payments, credit notes and the overdue rule apply. */
    public boolean isOpenForSettlement() {
        return this == ISSUED || this == PARTIALLY_PAID || this == PAID;
    }

    @jakarta.persistence.Converter
    public static class Converter extends ContractValueConverter<InvoiceStatus> {
        public Converter() {
            super(InvoiceStatus.class);
        }
    }
}
