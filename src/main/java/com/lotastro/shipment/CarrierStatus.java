package com.lotastro.shipment;

import com.lotastro.shared.ContractValue;
import java.util.Optional;

/** What a courier says about a parcel, and the shipment status it means. */
public enum CarrierStatus implements ContractValue {
    PICKED_UP("picked_up"),
    IN_TRANSIT("in_transit"),
    OUT_FOR_DELIVERY("out_for_delivery"),
    DELIVERED("delivered"),
    EXCEPTION("exception");

    private final String value;

    CarrierStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** The shipment status this carrier status moves a shipment to; an exception is recorded, it moves nothing. */
    public Optional<ShipmentStatus> shipmentStatus() {
        return switch (this) {
            case PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY -> Optional.of(ShipmentStatus.IN_TRANSIT);
            case DELIVERED -> Optional.of(ShipmentStatus.DELIVERED);
            case EXCEPTION -> Optional.empty();
        };
    }
}
