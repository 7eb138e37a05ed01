package com.lotastro.integration;

import com.lotastro.customer.CustomerCacheService;
import com.lotastro.integration.CrmEventPayloads.DealLinesUpdated;
import com.lotastro.integration.CrmEventPayloads.DealLost;
import com.lotastro.integration.CrmEventPayloads.DealShipSchedule;
import com.lotastro.integration.CrmEventPayloads.DealWon;
import com.lotastro.integration.CrmEventPayloads.ShipmentApproved;
import com.lotastro.integration.CrmEventPayloads.SupplyCancelled;
import com.lotastro.integration.CrmEventPayloads.SupplyCreated;
import com.lotastro.order.OrderCreationService;
import com.lotastro.order.PurchaseOrder;
import com.lotastro.reservation.Reservation;
import com.lotastro.reservation.ReservationEnums.ShipIntent;
import com.lotastro.reservation.DealFollower;
import com.lotastro.reservation.ReservationService;
import com.lotastro.shared.ContractValue;
import com.lotastro.shared.PayloadReader;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.supply.SupplyRequest;
import com.lotastro.supply.SupplyRequestService;
import com.lotastro.supply.SupplyStatus;
import com.lotastro.supply.SupplyType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies one CRM event through the same services the REST API uses (same rules, emails and events). A business
 * refusal is an {@link ApiException}; the caller records it as the event's rejection.
 */
@ApplicationScoped
public class CrmEventHandlers {
    @Inject
    PayloadReader payloads;

    @Inject
    CustomerCacheService customers;

    @Inject
    ReservationService reservations;

    @Inject
    DealFollower deals;

    @Inject
    SupplyRequestService supplyRequests;

    @Inject
    OrderCreationService orders;

    /** Where an event came from: its id, when it happened, and the CRM organization its envelope names. */
    public record Source(String eventId, Instant occurredAt, UUID crmOrganizationId) {
    }

    /** What applying an event did. */
    public record Result(String outcome, String detail, List<UUID> reservationIds) {
        static Result applied(String detail, List<UUID> reservationIds) {
            return new Result(InboundEvent.APPLIED, detail, reservationIds);
        }
    }

    public Result apply(String type, Map<String, Object> data, Source source) {
        return switch (type) {
            case "customer.created", "customer.updated" -> customer(data, source.occurredAt());
            case "deal.won" -> dealWon(payloads.read(data, DealWon.class, "data"));
            case "deal.lost" -> dealLost(payloads.read(data, DealLost.class, "data"));
            case "deal.lines_updated" -> dealLinesUpdated(payloads.read(data, DealLinesUpdated.class, "data"));
            case "deal.ship_schedule_updated" -> dealShipSchedule(payloads.read(data, DealShipSchedule.class, "data"));
            case "supply_request.created" -> supplyCreated(payloads.read(data, SupplyCreated.class, "data"));
            case "supply_request.cancelled" -> supplyCancelled(payloads.read(data, SupplyCancelled.class, "data"));
            case "shipment.approved" -> shipmentApproved(payloads.read(data, ShipmentApproved.class, "data"), source);
            default -> throw new ApiException(ErrorCode.UNKNOWN_EVENT_TYPE, "Events of type " + type + " are not handled");
        };
    }

    private Result customer(Map<String, Object> data, Instant occurredAt) {
        CustomerCacheService.Upsert upsert = customers.upsert(
                payloads.read(data, CustomerCacheService.CustomerData.class, "data"), occurredAt);
        return upsert.applied()
                ? Result.applied("Customer " + upsert.customer().crmCustomerId + " cached", List.of())
                : new Result(InboundEvent.IGNORED, "The cache holds a newer version of customer " + upsert.customer().crmCustomerId, List.of());
    }

    private Result dealWon(DealWon deal) {
        Reservation reservation = reservations.create(new ReservationService.NewReservation(deal.crmDealId(), deal.crmCustomerId(),
                deal.crmSupplyRequestId(), shipIntent(deal.shipIntent()), deal.shipDate(),
                deal.holdUntil() == null ? null : deal.holdUntil().toInstant(), deal.salesOwnerEmail(),
                deal.lines().stream().map(l -> new ReservationService.NewLine(l.crmDealLineId(), l.qualityCode(), l.colorCode(),
                        l.meters(), l.unitPrice(), l.currency())).toList()));
        return Result.applied("Reservation " + reservation.id + " created", List.of(reservation.id));
    }

    private Result dealLost(DealLost deal) {
        List<Reservation> released = deals.releaseDeal(deal.crmDealId(), "deal_lost");
        return Result.applied(released.size() + " reservation(s) released", released.stream().map(r -> r.id).toList());
    }

    private Result dealLinesUpdated(DealLinesUpdated deal) {
        Reservation reservation = deals.reviseDeal(deal.crmDealId(), deal.lines().stream()
                .map(l -> new DealFollower.DealLine(l.crmDealLineId(), l.qualityCode(), l.colorCode(), l.meters(),
                        l.unitPrice(), l.currency())).toList());
        return Result.applied("Reservation " + reservation.id + " follows the deal's lines", List.of(reservation.id));
    }

    private Result dealShipSchedule(DealShipSchedule schedule) {
        List<Reservation> changed = deals.rescheduleDeal(schedule.crmDealId(), shipIntent(schedule.shipIntent()), schedule.shipDate());
        return Result.applied(changed.size() + " reservation(s) rescheduled", changed.stream().map(r -> r.id).toList());
    }

    private Result supplyCreated(SupplyCreated supply) {
        SupplyRequest created = supplyRequests.create(new SupplyRequestService.NewSupplyRequest(supply.crmSupplyRequestId(),
                supply.crmDealId(), supply.crmCustomerId(), supply.crmOrganizationId(), parse(SupplyType.class, supply.type(), "data.type"),
                supply.qualityCode(), supply.colorCode(), supply.meters(), supply.etaDate(), supply.manufacturingOrderReference(),
                supply.salesOwnerEmail(), supply.notes()));
        return Result.applied("Supply request " + created.id + " created", List.of());
    }

    private Result supplyCancelled(SupplyCancelled cancelled) {
        SupplyRequest supply = supplyRequests.findByCrmId(cancelled.crmSupplyRequestId())
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_SUPPLY_REQUEST, "No supply request mirrors CRM supply request "
                        + cancelled.crmSupplyRequestId()));
        supplyRequests.transition(supply.id, new SupplyRequestService.Transition(SupplyStatus.CANCELLED, null, null, cancelled.notes()));
        return Result.applied("Supply request " + supply.id + " cancelled", List.of());
    }

    private Result shipmentApproved(ShipmentApproved approval, Source source) {
        OrderCreationService.Outcome outcome = orders.approve(new OrderCreationService.Approval(approval.wmsReservationId(),
                approval.crmDealId(), approval.approvalId(), approval.approvedBy(), approval.approvedAt().toInstant(),
                approval.shipDate(), source.crmOrganizationId(), source.eventId()));
        PurchaseOrder order = outcome.order();
        return Result.applied(outcome.created() ? "PO " + order.poNumber + " created"
                : "Approval attached to the reservation's PO " + order.poNumber, List.of(order.reservationId));
    }

    private static ShipIntent shipIntent(String value) {
        return value == null ? null : parse(ShipIntent.class, value, "data.ship_intent");
    }

    private static <E extends Enum<E> & ContractValue> E parse(Class<E> type, String value, String field) {
        try {
            return ContractValue.parse(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "has an unknown value '" + value + "'");
        }
    }
}
