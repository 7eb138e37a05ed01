package com.lotastro.order;

import com.lotastro.shared.paging.Criteria;
import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PurchaseOrders implements PanacheRepositoryBase<PurchaseOrder, UUID> {

    public record Filter(OrderStatus status, String poNumber, UUID crmDealId, UUID crmCustomerId, LocalDate shipDateFrom,
                         LocalDate shipDateTo, Boolean overrideUsed) {
    }

    public Optional<PurchaseOrder> findInOrganization(UUID organizationId, UUID id) {
        return find("organizationId = ?1 and id = ?2", organizationId, id).firstResultOptional();
    }

    /** The reservation's PO that is not cancelled: at most one (unique index uq_orders_live_reservation). */
    public Optional<PurchaseOrder> liveForReservation(UUID reservationId) {
        return find("reservationId = ?1 and status <> ?2", reservationId, OrderStatus.CANCELLED).firstResultOptional();
    }

    /**
     * Reloads the order under a row lock, with its lines and lots (refresh cascades). Callers have taken the stock
     * locks that come before it (items, reservation; see docs/concurrency.md) and lock its rolls only after it.
     */
    public PurchaseOrder lock(PurchaseOrder order) {
        EntityManager em = getEntityManager();
        em.flush();
        em.createNativeQuery("select id from orders where id = :id for update").setParameter("id", order.id).getResultList();
        em.refresh(order);
        return order;
    }

    public Page<PurchaseOrder> search(UUID organizationId, Filter filter, PageRequest page) {
        return criteria(organizationId, filter).page(this, page, o -> new Cursor(o.createdAt, o.id));
    }

    /** A page of the staging queue and the token of the next. */
    public record StagingPage(List<PurchaseOrder> items, String nextCursor) {
    }

    /**
     * The staging queue: immediate-ship orders first, then by ship date (none last), then oldest first. Paged by
     * keyset over that whole order, so the queue stays stable while new POs arrive.
     */
    public StagingPage stagingQueue(UUID organizationId, Filter filter, int limit, StagingCursor after) {
        StringBuilder where = new StringBuilder("o.organizationId = :org");
        Parameters params = Parameters.with("org", organizationId);
        filterOn(where, params, "o.status = :status", "status", filter.status());
        filterOn(where, params, "o.poNumber = :po", "po", filter.poNumber());
        filterOn(where, params, "o.crmDealId = :deal", "deal", filter.crmDealId());
        filterOn(where, params, "o.crmCustomerId = :customer", "customer", filter.crmCustomerId());
        filterOn(where, params, "o.shipDate >= :shipFrom", "shipFrom", filter.shipDateFrom());
        filterOn(where, params, "o.shipDate <= :shipTo", "shipTo", filter.shipDateTo());
        filterOn(where, params, "o.overrideUsed = :override", "override", filter.overrideUsed());
        String rank = "(case when o.shipIntent = :immediate then 0 else 1 end)";
        String date = "coalesce(o.shipDate, :noDate)";
        params.and("immediate", com.lotastro.reservation.ReservationEnums.ShipIntent.IMMEDIATE).and("noDate", StagingCursor.NO_DATE);
        if (after != null) {
            where.append(" and (" + rank + " > :qRank or (" + rank + " = :qRank and (" + date + " > :qDate or (" + date
                    + " = :qDate and (o.createdAt > :qAt or (o.createdAt = :qAt and o.id > :qId))))))");
            params.and("qRank", after.rank()).and("qDate", after.shipDate()).and("qAt", after.createdAt()).and("qId", after.id());
        }
        List<PurchaseOrder> rows = find("from PurchaseOrder o where " + where + " order by " + rank + ", " + date
                + ", o.createdAt, o.id", params).range(0, limit).list();
        if (rows.size() <= limit) {
            return new StagingPage(rows, null);
        }
        List<PurchaseOrder> items = rows.subList(0, limit);
        return new StagingPage(items, StagingCursor.of(items.get(items.size() - 1)).encode());
    }

    private static void filterOn(StringBuilder where, Parameters params, String clause, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(clause);
            params.and(name, value);
        }
    }

    private static Criteria criteria(UUID organizationId, Filter filter) {
        return Criteria.forOrganization(organizationId)
                .eq("status", filter.status())
                .eq("poNumber", filter.poNumber())
                .eq("crmDealId", filter.crmDealId())
                .eq("crmCustomerId", filter.crmCustomerId())
                .atLeast("shipDate", filter.shipDateFrom())
                .condition("shipDate <= :shipDateTo", "shipDateTo", filter.shipDateTo())
                .eq("overrideUsed", filter.overrideUsed());
    }
}
