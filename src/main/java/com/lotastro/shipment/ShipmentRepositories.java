package com.lotastro.shipment;

import com.lotastro.shared.paging.Criteria;
import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The shipment domain's tables. */
public final class ShipmentRepositories {
    private ShipmentRepositories() {
    }

    @ApplicationScoped
    public static class Shipments implements PanacheRepositoryBase<Shipment, UUID> {
        public Optional<Shipment> findInOrganization(UUID organizationId, UUID id) {
            return find("organizationId = ?1 and id = ?2", organizationId, id).firstResultOptional();
        }

        public Shipment lock(Shipment shipment) {
            getEntityManager().flush();
            getEntityManager().refresh(shipment, LockModeType.PESSIMISTIC_WRITE);
            return shipment;
        }

        public Optional<Shipment> liveByTracking(UUID courierId, String trackingNumber) {
            return find("courierId = ?1 and trackingNumber = ?2 and status <> ?3", courierId, trackingNumber, ShipmentStatus.CANCELLED)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        }

        public Optional<Shipment> liveForOrder(UUID orderId) {
            return find("orderId = ?1 and status <> ?2", orderId, ShipmentStatus.CANCELLED).firstResultOptional();
        }

        public Page<Shipment> search(UUID organizationId, ShipmentStatus status, UUID orderId, PageRequest page) {
            return Criteria.forOrganization(organizationId).eq("status", status).eq("orderId", orderId)
                    .page(this, page, s -> new Cursor(s.createdAt, s.id));
        }
    }

    @ApplicationScoped
    public static class Couriers implements PanacheRepositoryBase<Courier, UUID> {
        public Optional<Courier> findByCode(UUID organizationId, String code) {
            return find("organizationId = ?1 and code = ?2", organizationId, code).firstResultOptional();
        }

        public Optional<Courier> findInOrganization(UUID organizationId, UUID id) {
            return find("organizationId = ?1 and id = ?2", organizationId, id).firstResultOptional();
        }

        public Page<Courier> search(UUID organizationId, PageRequest page) {
            return Criteria.forOrganization(organizationId).page(this, page, c -> new Cursor(c.createdAt, c.id));
        }
    }

    @ApplicationScoped
    public static class Transitions implements PanacheRepositoryBase<ShipmentTransition, UUID> {
    }

    @ApplicationScoped
    public static class CourierEvents implements PanacheRepositoryBase<CourierEventRecord, UUID> {
        public Optional<CourierEventRecord> find(UUID courierId, String eventId) {
            return find("courierId = ?1 and eventId = ?2", courierId, eventId).firstResultOptional();
        }

        public List<CourierEventRecord> ofShipment(UUID shipmentId) {
            return list("shipmentId = ?1 order by occurredAt, receivedAt", shipmentId);
        }
    }
}
