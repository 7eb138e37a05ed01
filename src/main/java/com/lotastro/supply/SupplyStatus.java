package com.lotastro.supply;

import com.lotastro.shared.ContractValue;
import java.util.EnumSet;
import java.util.Set;

/** The supply request state machine. {@code arrived_soft} means arrived but not counted in: no lots, no on-hand. */
public enum SupplyStatus implements ContractValue {
    PLANNED("planned"),
    ETA_CONFIRMED("eta_confirmed"),
    IN_TRANSIT("in_transit"),
    ARRIVED_SOFT("arrived_soft"),
    ALLOCATED("allocated"),
    CLOSED("closed"),
    CANCELLED("cancelled");

    /** Statuses whose meters still count as incoming supply. */
    public static final Set<SupplyStatus> INCOMING = EnumSet.of(PLANNED, ETA_CONFIRMED, IN_TRANSIT, ARRIVED_SOFT);
    /** Statuses whose ETA still matters (not arrived, closed or cancelled). */
    public static final Set<SupplyStatus> AWAITED = EnumSet.of(PLANNED, ETA_CONFIRMED, IN_TRANSIT);

    private final String value;

    SupplyStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public Set<SupplyStatus> allowedNext() {
        return switch (this) {
            case PLANNED -> EnumSet.of(ETA_CONFIRMED, IN_TRANSIT, CANCELLED);
            case ETA_CONFIRMED -> EnumSet.of(IN_TRANSIT, CANCELLED);
            case IN_TRANSIT -> EnumSet.of(ARRIVED_SOFT, CANCELLED);
            case ARRIVED_SOFT -> EnumSet.of(ALLOCATED);
            case ALLOCATED -> EnumSet.of(CLOSED);
            case CLOSED, CANCELLED -> EnumSet.noneOf(SupplyStatus.class);
        };
    }

    public boolean canMoveTo(SupplyStatus next) {
        return allowedNext().contains(next);
    }

    public static SupplyStatus fromValue(String value) {
        return ContractValue.parse(SupplyStatus.class, value);
    }
}
