package com.lotastro.supply;

import com.lotastro.shared.paging.Criteria;
import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class SupplyRequests implements PanacheRepositoryBase<SupplyRequest, UUID> {

    public record Filter(SupplyType type, SupplyStatus status, String qualityCode, String colorCode, UUID crmSupplyRequestId,
                         LocalDate etaFrom, LocalDate etaTo) {
    }

    /** Requests and arrived meters per type and status, for the summary. */
    public record StatusFigure(SupplyType type, SupplyStatus status, long count, BigDecimal meters) {
    }

    public Optional<SupplyRequest> findInOrganization(UUID organizationId, UUID id) {
        return find("organizationId = ?1 and id = ?2", organizationId, id).firstResultOptional();
    }

    public Optional<SupplyRequest> findByCrmId(UUID organizationId, UUID crmSupplyRequestId) {
        return find("organizationId = ?1 and crmSupplyRequestId = ?2", organizationId, crmSupplyRequestId).firstResultOptional();
    }

    /** Reloads the request under a row lock, so two transitions of one request run one after the other. */
    public SupplyRequest lock(SupplyRequest request) {
        getEntityManager().flush();
        getEntityManager().refresh(request, LockModeType.PESSIMISTIC_WRITE);
        return request;
    }

    public Page<SupplyRequest> search(UUID organizationId, Filter filter, PageRequest page) {
        return Criteria.forOrganization(organizationId)
                .eq("type", filter.type())
                .eq("status", filter.status())
                .eq("catalogItem.qualityCode", filter.qualityCode())
                .eq("catalogItem.colorCode", filter.colorCode())
                .eq("crmSupplyRequestId", filter.crmSupplyRequestId())
                .atLeast("etaDate", filter.etaFrom())
                .condition("etaDate <= :etaTo", "etaTo", filter.etaTo())
                .page(this, page, s -> new Cursor(s.createdAt, s.id));
    }

    /** Still awaited requests whose ETA is on or before the given day (near or already past). */
    public List<SupplyRequest> awaitedWithEtaBy(UUID organizationId, LocalDate until) {
        return list("organizationId = ?1 and status in ?2 and etaDate is not null and etaDate <= ?3 order by etaDate, id",
                organizationId, SupplyStatus.AWAITED, until);
    }

    /** Meters received by lots that name each request (their INCOMING_RECEIPT ledger rows). */
    public Map<UUID, BigDecimal> receivedMeters(Collection<UUID> supplyRequestIds) {
        if (supplyRequestIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select l.supply_request_id, sum(t.meters_delta)
                        from lots l join inventory_transactions t on t.lot_id = l.id and t.type = 'INCOMING_RECEIPT'
                        where l.supply_request_id in (:ids)
                        group by l.supply_request_id""")
                .setParameter("ids", supplyRequestIds)
                .getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> (BigDecimal) r[1]));
    }

    public List<StatusFigure> figures(UUID organizationId) {
        return getEntityManager().createQuery("""
                        select s.type, s.status, count(s), sum(coalesce(s.arrivedMeters, s.meters))
                        from SupplyRequest s where s.organizationId = :org group by s.type, s.status""", Object[].class)
                .setParameter("org", organizationId)
                .getResultList().stream()
                .map(r -> new StatusFigure((SupplyType) r[0], (SupplyStatus) r[1], (Long) r[2], (BigDecimal) r[3]))
                .toList();
    }
}
