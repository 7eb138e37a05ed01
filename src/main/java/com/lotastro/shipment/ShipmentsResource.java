package com.lotastro.shipment;

import com.lotastro.api.ShipmentsApi;
import com.lotastro.api.model.CourierCreateDto;
import com.lotastro.api.model.CourierDto;
import com.lotastro.api.model.CourierEventDto;
import com.lotastro.api.model.CourierEventInDto;
import com.lotastro.api.model.CourierPageDto;
import com.lotastro.api.model.CourierUpdateDto;
import com.lotastro.api.model.ShipmentCreateDto;
import com.lotastro.api.model.ShipmentDto;
import com.lotastro.api.model.ShipmentPageDto;
import com.lotastro.api.model.ShipmentReadyDto;
import com.lotastro.api.model.ShipmentStatusDto;
import com.lotastro.shared.ContractValue;
import com.lotastro.shared.idempotency.Idempotent;
import com.lotastro.shared.idempotency.RedactOnReplay;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.RequiresScope;
import com.lotastro.shared.security.Scope;
import jakarta.inject.Inject;
import com.lotastro.shared.BinaryContent;
import java.io.File;
import java.util.UUID;

public class ShipmentsResource implements ShipmentsApi {
    @Inject
    ShipmentService shipments;

    @Inject
    CourierService couriers;

    @Inject
    CourierEventService courierEvents;

    @Override
    @Idempotent
    @RequiresScope(Scope.SHIPMENTS_WRITE)
    public ShipmentDto createShipment(UUID orderId, ShipmentCreateDto body, String idempotencyKey, String actor) {
        return toDto(shipments.create(orderId, ShipmentMapper.toDestination(body)));
    }

    @Override
    @RequiresScope(Scope.SHIPMENTS_READ)
    public ShipmentPageDto listShipments(ShipmentStatusDto status, UUID orderId, Integer limit, String cursor) {
        Page<Shipment> page = shipments.search(status == null ? null : ContractValue.parse(ShipmentStatus.class, status.toString()), orderId,
                PageRequest.of(limit, cursor));
        return new ShipmentPageDto().data(page.map(this::toDto).items()).nextCursor(page.nextCursor());
    }

    @Override
    @RequiresScope(Scope.SHIPMENTS_READ)
    public ShipmentDto getShipment(UUID shipmentId) {
        return toDto(shipments.get(shipmentId));
    }

    @Override
    @RequiresScope(Scope.SHIPMENTS_READ)
    public File getShipmentPackingList(UUID shipmentId) {
        return new BinaryContent(shipments.packingList(shipmentId), "application/pdf");
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.SHIPMENTS_WRITE)
    public ShipmentDto markShipmentReady(UUID shipmentId, ShipmentReadyDto body, String idempotencyKey, String actor) {
        return toDto(shipments.ready(shipmentId, body.getCourierCode(), body.getTrackingNumber()));
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.SHIPMENTS_WRITE)
    public ShipmentDto postShipment(UUID shipmentId, String idempotencyKey, String actor) {
        return toDto(shipments.post(shipmentId));
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.SHIPMENTS_WRITE)
    public ShipmentDto deliverShipment(UUID shipmentId, String idempotencyKey, String actor) {
        return toDto(shipments.deliver(shipmentId));
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.SHIPMENTS_WRITE)
    public ShipmentDto cancelShipment(UUID shipmentId, String idempotencyKey, String actor) {
        return toDto(shipments.cancel(shipmentId));
    }

    @Override
    @RequiresScope(Scope.SHIPMENTS_READ)
    public CourierPageDto listCouriers(Integer limit, String cursor) {
        Page<Courier> page = couriers.list(PageRequest.of(limit, cursor));
        return new CourierPageDto().data(page.map(c -> ShipmentMapper.toDto(c, null)).items()).nextCursor(page.nextCursor());
    }

    @Override
    @Idempotent
    @RedactOnReplay("signing_secret")
    @RequiresScope(Scope.SHIPMENTS_WRITE)
    public CourierDto createCourier(CourierCreateDto body, String idempotencyKey, String actor) {
        CourierService.Shown shown = couriers.create(new CourierService.NewCourier(body.getCode(), body.getName(),
                body.getTrackingUrlTemplate(), body.getUsesTrackingNumbers(), body.getSendsEvents()));
        return ShipmentMapper.toDto(shown.courier(), shown.secret());
    }

    @Override
    @RequiresScope(Scope.SHIPMENTS_WRITE)
    public CourierDto updateCourier(UUID courierId, String ifMatch, CourierUpdateDto body, String actor) {
        CourierService.Shown shown = couriers.update(courierId, ifMatch, new CourierService.CourierChanges(body.getName(),
                body.getTrackingUrlTemplate(), body.getUsesTrackingNumbers(), body.getSendsEvents(), body.getActive(),
                Boolean.TRUE.equals(body.getRotateSecret())));
        return ShipmentMapper.toDto(shown.courier(), shown.secret());
    }

    @Override
    @SignedByCourier
    @RequiresScope(Scope.INTEGRATION_COURIER)
    public CourierEventDto receiveCourierEvent(String code, CourierEventInDto body, String webhookId, String webhookTimestamp,
                                               String webhookSignature) {
        return ShipmentMapper.toDto(courierEvents.receive(code, ShipmentMapper.toEvent(body)));
    }

    private ShipmentDto toDto(Shipment shipment) {
        return ShipmentMapper.toDto(shipment, couriers.find(shipment.courierId), shipments.order(shipment),
                shipments.courierEvents(shipment));
    }
}
