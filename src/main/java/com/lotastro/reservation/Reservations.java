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
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
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
        getEntityManager().flush();
        getEntityManager().refresh(reservation, LockModeType.PESSIMISTIC_WRITE);
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

    public List<Reservation> activeForDeal(UUID organizationId, UUID crmDealId) {
        return list("organizationId = ?1 and crmDealId = ?2 and status = ?3 order by createdAt, id", organizationId, crmDealId,
                Status.ACTIVE);
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

    /** Active, unallocated reservations not tied to any supply with a line of the item, oldest first. */
    public List<Reservation> unallocatedForItem(UUID organizationId, UUID catalogItemId) {
        return list("""
                        from Reservation r where r.organizationId = ?1 and r.status = ?2 and r.allocationState = ?3
                        and r.supplyRequestId is null
                        and exists (from ReservationLine l where l.reservation = r and l.catalogItem.id = ?4)
                        order by r.createdAt, r.id""",
                organizationId, Status.ACTIVE, AllocationState.UNALLOCATED, catalogItemId);
    }
}
