package com.lotastro.inventory;

import com.lotastro.shared.ContractValue;

/** Derived from a roll's meters; never stored, so it cannot disagree with them. */
public enum RollStatus implements ContractValue {
    AVAILABLE("available", "meters - reservedMeters > 0"),
    FULLY_RESERVED("fully_reserved", "meters > 0 and meters = reservedMeters"),
    DEPLETED("depleted", "meters = 0");

    private final String value;
    private final String condition;

    RollStatus(String value, String condition) {
        this.value = value;
        this.condition = condition;
    }

    @Override
    public String value() {
        return value;
    }

    /** The same rule as {@link Roll#status()}, as an HQL condition on a roll. */
    String condition() {
        return condition;
    }

    static RollStatus fromValue(String value) {
        return ContractValue.parse(RollStatus.class, value);
    }
}
