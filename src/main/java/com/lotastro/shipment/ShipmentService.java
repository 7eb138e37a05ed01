package com.lotastro.shipment;

import com.lotastro.audit.AuditLog;
import com.lotastro.customer.CustomerBookService;
import com.lotastro.customer.CustomerDirectory;
import com.lotastro.order.OrderShipping;
import com.lotastro.outbox.OutboxPublisher;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A fulfilled order's shipment: made with a snapshot of where it goes, readied, posted, delivered or cancelled. */
@ApplicationScoped
@Transactional
public class ShipmentService {
    static final String API = "api";
    static final String COURIER_EVENT = "courier_event";

    @Inject
    ShipmentRepositories.Shipments shipments;

    @Inject
    ShipmentRepositories.Transitions transitions;

    @Inject
    ShipmentRepositories.CourierEvents courierEvents;

    @Inject
    CourierService couriers;

    @Inject
    OrderShipping orders;

    @Inject
    CustomerDirectory directory;

    @Inject
    AuditLog audit;

    @Inject
    OutboxPublisher outbox;

    @Inject
    CallerContext caller;

    /** Where a shipment goes: an address of the book or an ad-hoc one (optionally saved), and a contact. */
    public record Destination(UUID customerId, UUID addressId, CustomerBookService.AddressFields address, boolean saveAddress,
                              UUID contactId, CustomerDirectory.ContactCopy contact) {
    }

    public Shipment create(UUID orderId, Destination destination) {
        if ((destination.addressId() == null) == (destination.address() == null)) {
            throw ApiException.invalid("address_id", "send exactly one of address_id and address");
        }
        if (destination.contactId() != null && destination.contact() != null) {
            throw ApiException.invalid("contact_id", "send at most one of contact_id and contact");
        }
        OrderShipping.ShippableOrder order = orders.lockFulfilled(orderId);
        shipments.liveForOrder(order.id()).ifPresent(existing -> {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "Order " + order.poNumber() + " already has shipment " + existing.id);
        });
        CustomerDirectory.CustomerRef customer = destination.customerId() != null ? directory.customer(destination.customerId())
                : directory.linkedTo(order.crmCustomerId()).orElse(null);
        if (customer == null && (destination.addressId() != null || destination.saveAddress() || destination.contactId() != null)) {
            throw ApiException.invalid("customer_id", "is needed: no customer is linked to the order's CRM customer");
        }
        CustomerDirectory.AddressCopy address;
        if (destination.addressId() != null) {
            address = directory.useAddress(customer.id(), destination.addressId());
        } else if (destination.saveAddress()) {
            address = directory.saveAddress(customer.id(), destination.address());
        } else {
            CustomerBookService.AddressFields a = destination.address();
            address = new CustomerDirectory.AddressCopy(null, a.line1(), a.line2(), a.district(), a.city(), a.postalCode(), a.country(),
                    a.phone());
        }
        CustomerDirectory.ContactCopy contact = destination.contactId() != null ? directory.contact(customer.id(), destination.contactId())
                : destination.contact();
        Shipment shipment = new Shipment();
        shipment.id = UUID.randomUUID();
        shipment.organizationId = caller.organizationId();
        shipment.orderId = order.id();
        shipment.customerId = customer == null ? null : customer.id();
        shipment.status = ShipmentStatus.DRAFT;
        shipment.shipToName = customer == null ? (contact == null ? "-" : contact.name()) : customer.companyName();
        shipment.shipToLine1 = address.line1();
        shipment.shipToLine2 = address.line2();
        shipment.shipToDistrict = address.district();
        shipment.shipToCity = address.city();
        shipment.shipToPostalCode = address.postalCode();
        shipment.shipToCountry = address.country();
        shipment.shipToPhone = address.phone();
        shipment.addressId = address.addressId();
        if (contact != null) {
            shipment.contactName = contact.name();
            shipment.contactPhone = contact.phone();
            shipment.contactEmail = contact.email();
        }
        shipment.createdAt = Timestamps.now();
        shipment.updatedAt = shipment.createdAt;
        shipments.persist(shipment);
        shipments.flush();
        logTransition(shipment, null, API, null, shipment.createdAt);
        audit.record(new AuditLog.Change("shipment.created", "shipment", shipment.id, null, shipment.describe(), null));
        return shipment;
    }

    public Shipment ready(UUID id, String courierCode, String trackingNumber) {
        Shipment shipment = shipments.lock(get(id));
        shipment.requireCanMoveTo(ShipmentStatus.READY);
        Courier courier = couriers.activeByCode(courierCode, "courier_code");
        if (courier.usesTrackingNumbers && trackingNumber == null) {
            throw ApiException.invalid("tracking_number", "is needed for " + courier.name);
        }
        Map<String, Object> before = shipment.describe();
        shipment.courierId = courier.id;
        shipment.trackingNumber = courier.usesTrackingNumbers ? trackingNumber : null;
        shipment.trackingUrl = courier.trackingUrl(shipment.trackingNumber);
        if (shipment.trackingNumber != null) {
            shipments.liveByTracking(courier.id, shipment.trackingNumber).filter(other -> !other.id.equals(shipment.id)).ifPresent(other -> {
                throw ApiException.invalid("tracking_number", "is already used by another shipment of " + courier.name);
            });
        }
        move(shipment, ShipmentStatus.READY, API, null, before);
        return shipment;
    }

    public Shipment post(UUID id) {
        return post(shipments.lock(get(id)), API, null);
    }

    public Shipment deliver(UUID id) {
        return deliver(shipments.lock(get(id)), API, null);
    }

    public Shipment cancel(UUID id) {
        Shipment shipment = shipments.lock(get(id));
        Map<String, Object> before = shipment.describe();
        move(shipment, ShipmentStatus.CANCELLED, API, null, before);
        return shipment;
    }

    Shipment post(Shipment shipment, String trigger, String triggerRef) {
        Map<String, Object> before = shipment.describe();
        move(shipment, ShipmentStatus.IN_TRANSIT, trigger, triggerRef, before);
        orders.shipped(shipment.orderId, trigger, triggerRef);
        publish("shipment.posted", "posted", shipment);
        return shipment;
    }

    Shipment deliver(Shipment shipment, String trigger, String triggerRef) {
        Map<String, Object> before = shipment.describe();
        move(shipment, ShipmentStatus.DELIVERED, trigger, triggerRef, before);
        orders.delivered(shipment.orderId, trigger, triggerRef);
        publish("shipment.delivered", "delivered", shipment);
        return shipment;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Shipment get(UUID id) {
        return shipments.findInOrganization(caller.organizationId(), id).orElseThrow(() -> ApiException.notFound("shipment", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Shipment> search(ShipmentStatus status, UUID orderId, PageRequest page) {
        return shipments.search(caller.organizationId(), status, orderId, page);
    }

    /** The packing list PDF of a shipment of this organization. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] packingList(UUID id) {
        Shipment shipment = get(id);
        return PackingList.render(shipment, orders.get(shipment.orderId), couriers.find(shipment.courierId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrderShipping.ShippableOrder order(Shipment shipment) {
        return orders.get(shipment.orderId);
    }

    private void move(Shipment shipment, ShipmentStatus next, String trigger, String triggerRef, Map<String, Object> before) {
        Instant now = Timestamps.now();
        ShipmentStatus from = shipment.moveTo(next, now);
        shipments.flush();
        logTransition(shipment, from, trigger, triggerRef, now);
        audit.record(new AuditLog.Change("shipment." + next.value(), "shipment", shipment.id, before, shipment.describe(), null));
    }

    private void logTransition(Shipment shipment, ShipmentStatus from, String trigger, String triggerRef, Instant at) {
        ShipmentTransition row = new ShipmentTransition();
        row.id = UUID.randomUUID();
        row.organizationId = shipment.organizationId;
        row.shipmentId = shipment.id;
        row.fromStatus = from;
        row.toStatus = shipment.status;
        row.trigger = trigger;
        row.triggerRef = triggerRef;
        row.actor = caller.actor();
        row.createdAt = at;
        transitions.persist(row);
    }

    private void publish(String type, String action, Shipment shipment) {
        OrderShipping.ShippableOrder order = orders.get(shipment.orderId);
        Courier courier = couriers.find(shipment.courierId);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("shipment_id", shipment.id.toString());
        payload.put("order_id", order.id().toString());
        payload.put("po_number", order.poNumber());
        payload.put("crm_deal_id", order.crmDealId().toString());
        payload.put("crm_customer_id", order.crmCustomerId().toString());
        payload.put("courier_code", courier == null ? null : courier.code);
        payload.put("courier_name", courier == null ? null : courier.name);
        payload.put("tracking_number", shipment.trackingNumber);
        payload.put("tracking_url", shipment.trackingUrl);
        payload.put("status", shipment.status.value());
        payload.put("rolls", order.rolls().stream().map(roll -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("roll_id", roll.rollId().toString());
            r.put("barcode", roll.barcode());
            r.put("lot_number", roll.lotNumber());
            r.put("meters", roll.meters());
            return r;
        }).toList());
        outbox.publish(new OutboxPublisher.Event(type, "shipment", shipment.id, action, payload));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CourierEventRecord> courierEvents(Shipment shipment) {
        return courierEvents.ofShipment(shipment.id);
    }
}
