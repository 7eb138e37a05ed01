package com.lotastro.shipment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A courier's tracking event as received, with what it did; kept once per courier and event id. */
@Entity
@Table(name = "courier_events")
public class CourierEventRecord {
    public static final String APPLIED = "applied";
    public static final String IGNORED_OLDER = "ignored_older";
    public static final String UNKNOWN_TRACKING_NUMBER = "unknown_tracking_number";

    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "courier_id", nullable = false)
    public UUID courierId;
    @Column(name = "event_id", nullable = false)
    public String eventId;
    @Column(name = "tracking_number", nullable = false)
    public String trackingNumber;
    @Column(name = "carrier_status", nullable = false)
    public String carrierStatus;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(name = "shipment_id")
    public UUID shipmentId;
    @Column(name = "outcome", nullable = false)
    public String outcome;
    @Column(name = "detail")
    public String detail;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
