package com.lotastro.supply;

/** Where supply comes from. */
public enum SupplyType implements com.lotastro.shared.ContractValue {
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
        for (SupplyType type : values()) {
            if (type.value.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown supply type " + value);
    }
}
