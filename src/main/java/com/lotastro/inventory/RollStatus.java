package com.lotastro.inventory;

/** Derived from a roll's meters; never stored, so it cannot disagree with them. */
public enum RollStatus {
    AVAILABLE("available", "meters - reservedMeters > 0"),
    FULLY_RESERVED("fully_reserved", "meters > 0 and meters = reservedMeters"),
    DEPLETED("depleted", "meters = 0");

    private final String value;
    private final String condition;

    RollStatus(String value, String condition) {
        this.value = value;
        this.condition = condition;
    }

    public String value() {
        return value;
    }

    /** The same rule as {@link Roll#status()}, as an HQL condition on a roll. */
    String condition() {
        return condition;
    }

    static RollStatus fromValue(String value) {
        for (RollStatus status : values()) {
            if (status.value.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
