package com.lotastro.invoice;

import com.lotastro.shared.ContractValue;
import com.lotastro.shared.ContractValueConverter;

/** How a manually recorded payment arrived. */
public enum PaymentMethod implements ContractValue {
    BANK_TRANSFER("bank_transfer"),
    CASH("cash"),
    CHEQUE("cheque");

    private final String value;

    PaymentMethod(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    @jakarta.persistence.Converter
    public static class Converter extends ContractValueConverter<PaymentMethod> {
        public Converter() {
            super(PaymentMethod.class);
        }
    }
}
