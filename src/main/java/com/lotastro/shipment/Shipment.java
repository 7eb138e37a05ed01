package com.lotastro.shipment;

import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The physical dispatch of one fulfilled order. The ship-to address and contact are copies taken when it was made: the
 * customer's book may change later, what was written on the parcel does not.
 */
@Entity
@Table(name = "shipments")
public class Shipment {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "order_id", nullable = false)
    public UUID orderId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Convert(converter = ShipmentStatus.Converter.class)
    @Column(name = "status", nullable = false)
    public ShipmentStatus status;
    @Column(name = "courier_id")
    public UUID courierId;
    @Column(name = "tracking_number")
    public String trackingNumber;
    @Column(name = "tracking_url")
    public String trackingUrl;
    @Column(name = "carrier_status")
    public String carrierStatus;
    @Column(name = "carrier_status_at")
    public Instant carrierStatusAt;
    @Column(name = "ship_to_name", nullable = false)
    public String shipToName;
    @Column(name = "ship_to_line1", nullable = false)
    public String shipToLine1;
    @Column(name = "ship_to_line2")
    public String shipToLine2;
    @Column(name = "ship_to_district")
    public String shipToDistrict;
    @Column(name = "ship_to_city", nullable = false)
    public String shipToCity;
    @Column(name = "ship_to_postal_code")
    public String shipToPostalCode;
    @Column(name = "ship_to_country", nullable = false)
    public String shipToCountry;
    @Column(name = "ship_to_phone")
    public String shipToPhone;
    @Column(name = "address_id")
    public UUID addressId;
    @Column(name = "contact_name")
    public String contactName;
    @Column(name = "contact_phone")
    public String contactPhone;
    @Column(name = "contact_email")
    public String contactEmail;
    @Column(name = "ready_at")
    public Instant readyAt;
    @Column(name = "posted_at")
    public Instant postedAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Version
    @Column(name = "version", nullable = false)
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public void requireCanMoveTo(ShipmentStatus next) {
        if (!status.allowedNext().contains(next)) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "The shipment is " + status.value() + " and cannot become "
                    + next.value(), List.of(), Map.of("allowed_next_states", status.allowedNext().stream().map(ShipmentStatus::value).toList()));
        }
    }

    /** Moves on and stamps when; returns the status it left. */
    public ShipmentStatus moveTo(ShipmentStatus next, Instant at) {
        requireCanMoveTo(next);
        ShipmentStatus from = status;
        status = next;
        switch (next) {
            case READY -> readyAt = at;
            case IN_TRANSIT -> postedAt = at;
            case DELIVERED -> deliveredAt = at;
            case CANCELLED -> cancelledAt = at;
            case DRAFT -> throw new IllegalStateException("A shipment starts as a draft and never goes back to it");
        }
        updatedAt = at;
        return from;
    }

    /**
     * Whether a courier event that happened at {@code occurredAt} is news: an older event than the last one applied
     * never moves the shipment backwards.
     */
    public boolean isNewerCarrierNews(Instant occurredAt) {
        return carrierStatusAt == null || occurredAt.isAfter(carrierStatusAt);
    }

    public Map<String, Object> describe() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", status.value());
        state.put("courier_id", courierId == null ? null : courierId.toString());
        state.put("tracking_number", trackingNumber);
        state.put("carrier_status", carrierStatus);
        return state;
    }
}
