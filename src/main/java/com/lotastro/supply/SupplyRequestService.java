package com.lotastro.supply;

import com.lotastro.audit.AuditLog;
import com.lotastro.catalog.CatalogItem;
import com.lotastro.catalog.CatalogItems;
import com.lotastro.outbox.OutboxPublisher;
import com.lotastro.shared.Meters;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.DatabaseConstraints;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.error.FieldError;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.CallerContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Supply requests: creation, the status flow with its history, emails and events. */
@ApplicationScoped
@Transactional
public class SupplyRequestService {
    @Inject
    SupplyRequests requests;

    @Inject
    SupplyHistory history;

    @Inject
    CatalogItems catalogItems;

    @Inject
    SupplyEmails emails;

    @Inject
    AuditLog audit;

    @Inject
    OutboxPublisher outbox;

    @Inject
    CallerContext caller;

    public record NewSupplyRequest(UUID crmSupplyRequestId, UUID crmDealId, UUID crmCustomerId, UUID crmOrganizationId,
                                   SupplyType type, String qualityCode, String colorCode, BigDecimal meters, LocalDate etaDate,
                                   String manufacturingOrderReference, String salesOwnerEmail, String notes) {
    }

    public record Transition(SupplyStatus to, LocalDate etaDate, BigDecimal arrivedMeters, String notes) {
    }

    public SupplyRequest create(NewSupplyRequest command) {
        Meters.requireScale("meters", command.meters());
        UUID organizationId = caller.organizationId();
        requests.findByCrmId(organizationId, command.crmSupplyRequestId()).ifPresent(existing -> {
            throw duplicate(existing);
        });
        CatalogItem item = catalogItems.findByCodes(organizationId, command.qualityCode(), command.colorCode())
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_CATALOG_ITEM,
                        "No catalog item " + command.qualityCode() + " / " + command.colorCode(),
                        List.of(new FieldError("quality_code", "with color_code names no catalog item")), Map.of()));

        SupplyRequest request = new SupplyRequest();
        request.id = UUID.randomUUID();
        request.organizationId = organizationId;
        request.crmSupplyRequestId = command.crmSupplyRequestId();
        request.crmDealId = command.crmDealId();
        request.crmCustomerId = command.crmCustomerId();
        request.crmOrganizationId = command.crmOrganizationId();
        request.type = command.type();
        request.status = SupplyStatus.PLANNED;
        request.catalogItem = item;
        request.meters = Meters.of(command.meters());
        request.etaDate = command.etaDate();
        request.manufacturingOrderReference = command.manufacturingOrderReference();
        request.salesOwnerEmail = command.salesOwnerEmail();
        request.notes = command.notes();
        request.createdAt = Timestamps.now();
        request.updatedAt = request.createdAt;
        requests.persist(request);
        flushRefusingARacedDuplicate(request);

        recordChange(request, null, command.notes());
        audit.record(new AuditLog.Change("supply_request.created", "supply_request", request.id, null, request.describe(), null));
        emails.created(request);
        return request;
    }

    public SupplyRequest transition(UUID id, Transition transition) {
        Meters.requireScale("arrived_meters", transition.arrivedMeters());
        SupplyRequest request = requests.lock(get(id));
        SupplyStatus from = request.status;
        if (!from.canMoveTo(transition.to())) {
            List<String> allowed = from.allowedNext().stream().map(SupplyStatus::value).toList();
            throw new ApiException(ErrorCode.INVALID_TRANSITION,
                    "A supply request in " + from.value() + " cannot move to " + transition.to().value()
                            + (allowed.isEmpty() ? "; it is final" : "; allowed: " + String.join(", ", allowed)),
                    List.of(), Map.of("allowed_next_states", allowed));
        }
        if (transition.to() == SupplyStatus.ETA_CONFIRMED && transition.etaDate() == null) {
            throw ApiException.invalid("eta_date", "is required to confirm the ETA");
        }
        if (transition.arrivedMeters() != null && transition.to() != SupplyStatus.ARRIVED_SOFT) {
            throw ApiException.invalid("arrived_meters", "is only accepted with to_status arrived_soft");
        }
        Map<String, Object> before = request.describe();
        request.status = transition.to();
        if (transition.etaDate() != null) {
            request.etaDate = transition.etaDate();
        }
        if (transition.to() == SupplyStatus.ARRIVED_SOFT) {
            // From now on the supply serves what arrived, which may be less or more than was asked for.
            request.arrivedMeters = transition.arrivedMeters() != null ? Meters.of(transition.arrivedMeters()) : request.meters;
        }
        if (transition.notes() != null) {
            request.notes = transition.notes();
        }
        request.updatedAt = Timestamps.now();
        requests.flush();

        recordChange(request, from, transition.notes());
        audit.record(new AuditLog.Change("supply_request.status_updated", "supply_request", request.id, before,
                request.describe(), transition.notes()));
        if (transition.to() == SupplyStatus.IN_TRANSIT) {
            emails.inTransit(request);
        } else if (transition.to() == SupplyStatus.ARRIVED_SOFT) {
            emails.arrivedSoft(request);
        }
        return request;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SupplyRequest get(UUID id) {
        return requests.findInOrganization(caller.organizationId(), id)
                .orElseThrow(() -> ApiException.notFound("supply request", id));
    }

    /** The request named by a lot intake: of this organization, of the same catalog item, and not closed or cancelled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SupplyRequest requireReceivable(UUID id, UUID catalogItemId) {
        SupplyRequest request = requests.findInOrganization(caller.organizationId(), id)
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_SUPPLY_REQUEST, "No supply request " + id,
                        List.of(new FieldError("supply_request_id", "is not a supply request")), Map.of()));
        if (!request.catalogItem.id.equals(catalogItemId)) {
            throw ApiException.invalid("supply_request_id", "is for another catalog item ("
                    + request.catalogItem.qualityCode + " / " + request.catalogItem.colorCode + ")");
        }
        if (request.status == SupplyStatus.CLOSED || request.status == SupplyStatus.CANCELLED) {
            throw ApiException.invalid("supply_request_id", "is " + request.status.value() + " and receives no goods");
        }
        return request;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<SupplyRequest> findByCrmId(UUID crmSupplyRequestId) {
        return requests.findByCrmId(caller.organizationId(), crmSupplyRequestId);
    }

    /** Row-locks the request for work that depends on its status and meters (reservations against it, planning). */
    @Transactional(Transactional.TxType.MANDATORY)
    public SupplyRequest lock(SupplyRequest request) {
        return requests.lock(request);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SupplyRequest> search(SupplyRequests.Filter filter, PageRequest page) {
        return requests.search(caller.organizationId(), filter, page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, BigDecimal> receivedMeters(List<UUID> ids) {
        return requests.receivedMeters(ids);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SupplyStatusChange> history(UUID id, PageRequest page) {
        return history.ofRequest(caller.organizationId(), get(id).id, page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SupplyRequests.StatusFigure> figures() {
        return requests.figures(caller.organizationId());
    }

    private void recordChange(SupplyRequest request, SupplyStatus from, String notes) {
        SupplyStatusChange change = new SupplyStatusChange();
        change.id = UUID.randomUUID();
        change.organizationId = request.organizationId;
        change.supplyRequestId = request.id;
        change.oldStatus = from;
        change.newStatus = request.status;
        change.etaDate = request.etaDate;
        change.arrivedMeters = request.status == SupplyStatus.ARRIVED_SOFT ? request.arrivedMeters : null;
        change.notes = notes;
        change.actor = caller.actor();
        change.apiKeyId = caller.apiKeyId();
        change.createdAt = request.updatedAt;
        history.persist(change);

        Map<String, Object> payload = request.describe();
        payload.put("old_status", from == null ? null : from.value());
        payload.put("new_status", request.status.value());
        payload.put("changed_at", change.createdAt.toString());
        outbox.publish(new OutboxPublisher.Event("supply_request.status_updated", "supply_request", request.id,
                "status_" + request.status.value(), payload));
    }

    /**
     * Two requests mirroring the same CRM id at once both pass the look-up above; the unique constraint refuses the
     * second, which is answered like a sequential duplicate, naming the request that won (committed by then: the
     * insert waited for it).
     */
    private void flushRefusingARacedDuplicate(SupplyRequest request) {
        try {
            requests.flush();
        } catch (PersistenceException e) {
            if (!DatabaseConstraints.isUniqueViolation(e, "uq_supply_requests_crm_id")) {
                throw e;
            }
            Optional<SupplyRequest> winner = QuarkusTransaction.requiringNew()
                    .call(() -> requests.findByCrmId(request.organizationId, request.crmSupplyRequestId));
            throw winner.map(SupplyRequestService::duplicate).orElseThrow(() -> e);
        }
    }

    private static ApiException duplicate(SupplyRequest existing) {
        return new ApiException(ErrorCode.DUPLICATE_SUPPLY_REQUEST, "CRM supply request " + existing.crmSupplyRequestId
                + " is already mirrored as supply request " + existing.id, List.of(),
                Map.of("existing_supply_request_id", existing.id));
    }
}
