package com.lotastro.shipment;

import com.lotastro.shared.ContractValue;
import com.lotastro.shared.ContractValueConverter;
import java.util.EnumSet;
import java.util.Set;

/** draft → ready → in_transit → delivered; cancelled before in_transit. */
public enum ShipmentStatus implements ContractValue {
    DRAFT("draft"),
    READY("ready"),
    IN_TRANSIT("in_transit"),
    DELIVERED("delivered"),
    CANCELLED("cancelled");

    private final String value;

    ShipmentStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public Set<ShipmentStatus> allowedNext() {
        return switch (this) {
            case DRAFT -> EnumSet.of(READY, CANCELLED);
            case READY -> EnumSet.of(IN_TRANSIT, CANCELLED);
            case IN_TRANSIT -> EnumSet.of(DELIVERED);
            case DELIVERED, CANCELLED -> EnumSet.noneOf(ShipmentStatus.class);
        };
    }

    @jakarta.persistence.Converter
    public static class Converter extends ContractValueConverter<ShipmentStatus> {
        public Converter() {
            super(ShipmentStatus.class);
        }
    }
}
