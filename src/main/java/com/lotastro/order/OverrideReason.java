package com.lotastro.order;

import com.lotastro.shared.ContractValue;
import com.lotastro.shared.ContractValueConverter;

/** Why a manager created a PO without the CRM's shipment approval (the contract's nine reason codes). */
public enum OverrideReason implements ContractValue {
    CUSTOMER_CONFIRMED_EMAIL("customer_confirmed_email"),
    CUSTOMER_CONFIRMED_WHATSAPP("customer_confirmed_whatsapp"),
    CUSTOMER_CONFIRMED_PHONE("customer_confirmed_phone"),
    CUSTOMER_CONFIRMED_TEXT("customer_confirmed_text"),
    APPROVAL_LINK_RECEIVED("approval_link_received"),
    SHIP_IMMEDIATE_POLICY("ship_immediate_policy"),
    MANAGER_DIRECTIVE("manager_directive"),
    OPS_EMERGENCY("ops_emergency"),
    OTHER("other");

    private final String value;

    OverrideReason(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** Only {@code other} says nothing by itself, so it must come with notes. */
    public boolean needsNotes() {
        return this == OTHER;
    }

    @jakarta.persistence.Converter
    public static class Converter extends ContractValueConverter<OverrideReason> {
        public Converter() {
            super(OverrideReason.class);
        }
    }
}
