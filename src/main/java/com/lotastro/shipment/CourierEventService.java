package com.lotastro.shipment;

import com.lotastro.audit.AuditLog;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies a courier's tracking events exactly once per event id: carrier statuses move the shipment forward, never
 * backwards, and an event for a tracking number we do not know is kept and reported.
 */
@ApplicationScoped
@Transactional
public class CourierEventService {
    @Inject
    ShipmentRepositories.Couriers couriers;

    @Inject
    ShipmentRepositories.Shipments shipments;

    @Inject
    ShipmentRepositories.CourierEvents events;

    @Inject
    ShipmentService flow;

    @Inject
    AuditLog audit;

    @Inject
    CallerContext caller;

    public record TrackingEvent(String id, String trackingNumber, CarrierStatus status, Instant occurredAt, String detail) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Courier signingCourier(String code) {
        return couriers.findByCode(caller.organizationId(), code).filter(c -> c.active)
                .orElseThrow(() -> ApiException.notFound("courier", code));
    }

    public CourierEventRecord receive(String code, TrackingEvent event) {
        // The courier's row lock puts its events in a line: a repeat waits for the first and then finds its record.
        Courier courier = couriers.find("organizationId = ?1 and code = ?2", caller.organizationId(), code)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("courier", code));
        Optional<CourierEventRecord> seen = events.find(courier.id, event.id());
        if (seen.isPresent()) {
            return seen.get();
        }
        CourierEventRecord record = new CourierEventRecord();
        record.id = UUID.randomUUID();
        record.organizationId = courier.organizationId;
        record.courierId = courier.id;
        record.eventId = event.id();
        record.trackingNumber = event.trackingNumber();
        record.carrierStatus = event.status().value();
        record.occurredAt = event.occurredAt();
        record.detail = event.detail();
        record.receivedAt = Timestamps.now();
        Optional<Shipment> found = shipments.liveByTracking(courier.id, event.trackingNumber());
        if (found.isEmpty()) {
            record.outcome = CourierEventRecord.UNKNOWN_TRACKING_NUMBER;
            record.detail = "No live shipment of " + courier.name + " has tracking number " + event.trackingNumber();
        } else {
            Shipment shipment = found.get();
            record.shipmentId = shipment.id;
            if (!shipment.isNewerCarrierNews(event.occurredAt())) {
                record.outcome = CourierEventRecord.IGNORED_OLDER;
            } else {
                record.outcome = CourierEventRecord.APPLIED;
                apply(shipment, event);
            }
        }
        events.persist(record);
        events.flush();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("event_id", record.eventId);
        state.put("tracking_number", record.trackingNumber);
        state.put("carrier_status", record.carrierStatus);
        state.put("outcome", record.outcome);
        audit.record(new AuditLog.Change("courier_event.received", "shipment", record.shipmentId == null ? courier.id : record.shipmentId,
                null, state, null));
        return record;
    }

    private void apply(Shipment shipment, TrackingEvent event) {
        shipment.carrierStatus = event.status().value();
        shipment.carrierStatusAt = event.occurredAt();
        shipment.updatedAt = Timestamps.now();
        Optional<ShipmentStatus> target = event.status().shipmentStatus();
        if (target.isEmpty()) {
            return;
        }
        if (shipment.status == ShipmentStatus.READY) {
            flow.post(shipment, ShipmentService.COURIER_EVENT, event.id());
        }
        if (target.get() == ShipmentStatus.DELIVERED && shipment.status == ShipmentStatus.IN_TRANSIT) {
            flow.deliver(shipment, ShipmentService.COURIER_EVENT, event.id());
        }
    }
}
