package com.lotastro.shipment;

import com.lotastro.api.model.AdHocAddressDto;
import com.lotastro.api.model.AdHocContactDto;
import com.lotastro.api.model.CarrierStatusDto;
import com.lotastro.api.model.CourierDto;
import com.lotastro.api.model.CourierEventDto;
import com.lotastro.api.model.CourierEventInDto;
import com.lotastro.api.model.ShipToDto;
import com.lotastro.api.model.ShipmentContactDto;
import com.lotastro.api.model.ShipmentCreateDto;
import com.lotastro.api.model.ShipmentDto;
import com.lotastro.api.model.ShipmentRollDto;
import com.lotastro.api.model.ShipmentStatusDto;
import com.lotastro.customer.CustomerBookService;
import com.lotastro.customer.CustomerDirectory;
import com.lotastro.order.OrderShipping;
import com.lotastro.shared.ContractValue;
import com.lotastro.shared.Timestamps;
import java.math.BigDecimal;
import java.util.List;

final class ShipmentMapper {
    private ShipmentMapper() {
    }

    static ShipmentService.Destination toDestination(ShipmentCreateDto dto) {
        AdHocAddressDto a = dto.getAddress();
        CustomerBookService.AddressFields address = a == null ? null : new CustomerBookService.AddressFields(a.getLabel(), a.getLine1(),
                a.getLine2(), a.getDistrict(), a.getCity(), a.getPostalCode(), a.getCountry(), a.getPhone(), null, null);
        AdHocContactDto c = dto.getContact();
        CustomerDirectory.ContactCopy contact = c == null ? null : new CustomerDirectory.ContactCopy(c.getName(), c.getPhone(), c.getEmail());
        return new ShipmentService.Destination(dto.getCustomerId(), dto.getAddressId(), address, Boolean.TRUE.equals(dto.getSaveAddress()),
                dto.getContactId(), contact);
    }

    static CourierEventService.TrackingEvent toEvent(CourierEventInDto dto) {
        return new CourierEventService.TrackingEvent(dto.getId(), dto.getTrackingNumber(),
                ContractValue.parse(CarrierStatus.class, dto.getStatus().toString()), Timestamps.instant(dto.getOccurredAt()), dto.getDetail());
    }

    static ShipmentDto toDto(Shipment s, Courier courier, OrderShipping.ShippableOrder order, List<CourierEventRecord> events) {
        List<ShipmentRollDto> rolls = order.rolls().stream().map(r -> new ShipmentRollDto().rollId(r.rollId()).barcode(r.barcode())
                .lotNumber(r.lotNumber()).qualityCode(r.qualityCode()).colorCode(r.colorCode()).meters(r.meters())).toList();
        BigDecimal total = order.rolls().stream().map(OrderShipping.ShippedRoll::meters).reduce(BigDecimal.ZERO, BigDecimal::add);
        ShipmentDto dto = new ShipmentDto()
                .id(s.id)
                .orderId(s.orderId)
                .poNumber(order.poNumber())
                .customerId(s.customerId)
                .status(ShipmentStatusDto.fromValue(s.status.value()))
                .allowedNextStates(s.status.allowedNext().stream().map(n -> ShipmentStatusDto.fromValue(n.value())).toList())
                .courierCode(courier == null ? null : courier.code)
                .courierName(courier == null ? null : courier.name)
                .trackingNumber(s.trackingNumber)
                .trackingUrl(s.trackingUrl)
                .carrierStatus(s.carrierStatus == null ? null : CarrierStatusDto.fromValue(s.carrierStatus))
                .shipTo(new ShipToDto().name(s.shipToName).line1(s.shipToLine1).line2(s.shipToLine2).district(s.shipToDistrict)
                        .city(s.shipToCity).postalCode(s.shipToPostalCode).country(s.shipToCountry).phone(s.shipToPhone))
                .rolls(rolls)
                .totalMeters(total)
                .courierEvents(events.stream().map(ShipmentMapper::toDto).toList())
                .readyAt(utc(s.readyAt))
                .postedAt(utc(s.postedAt))
                .deliveredAt(utc(s.deliveredAt))
                .cancelledAt(utc(s.cancelledAt))
                .version(s.version)
                .createdAt(Timestamps.utc(s.createdAt))
                .updatedAt(Timestamps.utc(s.updatedAt));
        if (s.contactName != null || s.contactPhone != null || s.contactEmail != null) {
            dto.contact(new ShipmentContactDto().name(s.contactName).phone(s.contactPhone).email(s.contactEmail));
        }
        return dto;
    }

    static CourierEventDto toDto(CourierEventRecord e) {
        return new CourierEventDto()
                .eventId(e.eventId)
                .trackingNumber(e.trackingNumber)
                .status(CarrierStatusDto.fromValue(e.carrierStatus))
                .occurredAt(Timestamps.utc(e.occurredAt))
                .outcome(CourierEventDto.OutcomeEnum.fromValue(e.outcome))
                .shipmentId(e.shipmentId)
                .detail(e.detail);
    }

    static CourierDto toDto(Courier c, String secret) {
        return new CourierDto()
                .id(c.id)
                .code(c.code)
                .name(c.name)
                .trackingUrlTemplate(c.trackingUrlTemplate)
                .usesTrackingNumbers(c.usesTrackingNumbers)
                .sendsEvents(c.sendsEvents)
                .active(c.active)
                .signingSecret(secret)
                .version(c.version)
                .createdAt(Timestamps.utc(c.createdAt));
    }

    private static java.time.OffsetDateTime utc(java.time.Instant instant) {
        return instant == null ? null : Timestamps.utc(instant);
    }
}
