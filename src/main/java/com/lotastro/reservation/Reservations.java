package com.lotastro.reservation;

import com.lotastro.reservation.ReservationEnums.ActionReason;
import com.lotastro.reservation.ReservationEnums.AllocationState;
import com.lotastro.reservation.ReservationEnums.ShipIntent;
import com.lotastro.reservation.ReservationEnums.Status;
import com.lotastro.shared.paging.Criteria;
import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class Reservations implements PanacheRepositoryBase<Reservation, UUID> {

    public record Filter(Status status, AllocationState allocationState, Boolean actionRequired, ActionReason reason,
                         UUID crmDealId, ShipIntent shipIntent) {
    }

    public Optional<Reservation> findInOrganization(UUID organizationId, UUID id) {
        return find("organizationId = ?1 and id = ?2", organizationId, id).firstResultOptional();
    }

    /**
     * Reloads under a row lock, with its lines and allocations (refresh cascades), so nothing read before the lock is
     * acted on. Callers have locked the catalog items first (lock order item, supply, reservation, roll).
     */
    public Reservation lock(Reservation reservation) {
        EntityManager em = getEntityManager();
        em.flush();
        // The row lock is taken by plain SQL, then the reservation (lines and allocations cascade) is re-read:
        // refresh(entity, PESSIMISTIC_WRITE) with a refresh-cascaded collection fails inside Hibernate 7 under
        // concurrent inserts of lines (follow-on locking meets rows it has not loaded).
        em.createNativeQuery("select id from reservations where id = :id for update").setParameter("id", reservation.id)
                .getResultList();
        em.refresh(reservation);
        return reservation;
    }

    public Page<Reservation> search(UUID organizationId, Filter filter, PageRequest page) {
        Criteria criteria = Criteria.forOrganization(organizationId)
                .eq("status", filter.status())
                .eq("allocationState", filter.allocationState())
                .eq("actionRequiredReason", filter.reason())
                .eq("crmDealId", filter.crmDealId())
                .eq("shipIntent", filter.shipIntent());
        if (filter.actionRequired() != null) {
            criteria.clause(filter.actionRequired() ? "actionRequiredReason is not null" : "actionRequiredReason is null");
        }
        return criteria.page(this, page, r -> new Cursor(r.createdAt, r.id));
    }

    /** The deal's active reservation: at most one (unique index uq_reservations_live_deal). */
    public Optional<Reservation> activeForDeal(UUID organizationId, UUID crmDealId) {
        return find("organizationId = ?1 and crmDealId = ?2 and status = ?3", organizationId, crmDealId, Status.ACTIVE)
                .firstResultOptional();
    }

    /** The deal's live reservation, active or turned into a PO: at most one (unique index uq_reservations_live_deal). */
    public Optional<Reservation> liveForDeal(UUID organizationId, UUID crmDealId) {
        return find("organizationId = ?1 and crmDealId = ?2 and status in ?3", organizationId, crmDealId,
                List.of(Status.ACTIVE, Status.ORDERED)).firstResultOptional();
    }

    /** Active reservations with a line of the item, newest first: the first to give way when stock is lost. */
    public List<Reservation> activeWithItemNewestFirst(UUID organizationId, UUID catalogItemId) {
        return list("""
                        from Reservation r where r.organizationId = ?1 and r.status = ?2
                        and exists (from ReservationLine l where l.reservation = r and l.catalogItem.id = ?3)
                        order by r.createdAt desc, r.id desc""", organizationId, Status.ACTIVE, catalogItemId);
    }

    public List<UUID> expiredHolds(UUID organizationId, Instant now) {
        return getEntityManager().createQuery("""
                        select r.id from Reservation r where r.organizationId = :org and r.status = :active
                        and r.allocationState = :unallocated and r.holdUntil < :now order by r.holdUntil, r.id""", UUID.class)
                .setParameter("org", organizationId)
                .setParameter("active", Status.ACTIVE)
                .setParameter("unallocated", AllocationState.UNALLOCATED)
                .setParameter("now", now)
                .getResultList();
    }

    /** Active reservations made against a supply request, oldest first. */
    public List<Reservation> linkedTo(UUID supplyRequestId) {
        return list("supplyRequestId = ?1 and status = ?2 order by createdAt, id", supplyRequestId, Status.ACTIVE);
    }

    /** Active, unallocated reservations not tied to any supply, with a line of one of the items: per item, oldest first. */
    public Map<UUID, List<Reservation>> unallocatedForItems(UUID organizationId, List<UUID> catalogItemIds) {
        Map<UUID, List<Reservation>> byItem = new HashMap<>();
        if (catalogItemIds.isEmpty()) {
            return byItem;
        }
        List<Object[]> rows = getEntityManager().createQuery("""
                        select distinct l.catalogItem.id, r from Reservation r join r.lines l
                        where r.organizationId = :org and r.status = :active and r.allocationState = :unallocated
                        and r.supplyRequestId is null and l.catalogItem.id in :items""", Object[].class)
                .setParameter("org", organizationId).setParameter("active", Status.ACTIVE)
                .setParameter("unallocated", AllocationState.UNALLOCATED).setParameter("items", catalogItemIds)
                .getResultList();
        rows.forEach(row -> byItem.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add((Reservation) row[1]));
        byItem.values().forEach(list -> list.sort(java.util.Comparator.comparing((Reservation r) -> r.createdAt).thenComparing(r -> r.id)));
        return byItem;
    }

}
