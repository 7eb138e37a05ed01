package com.lotastro.supply;

import com.lotastro.shared.ContractValue;

/** Where supply comes from. */
public enum SupplyType implements ContractValue {
    MANUFACTURING("manufacturing"),
    IMPORT_FROM_CENTRAL("import_from_central");

    private final String value;

    SupplyType(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public static SupplyType fromValue(String value) {
        return ContractValue.parse(SupplyType.class, value);
    }
}
