package com.lotastro.reservation;

import com.lotastro.api.ReservationsApi;
import com.lotastro.api.model.ActionRequiredReasonDto;
import com.lotastro.api.model.AllocationPlanDto;
import com.lotastro.api.model.AllocationPlanRequestDto;
import com.lotastro.api.model.AllocationPlanningPageDto;
import com.lotastro.api.model.AllocationRequestDto;
import com.lotastro.api.model.AllocationStateDto;
import com.lotastro.api.model.AutoAllocationDto;
import com.lotastro.api.model.ReservationCreateDto;
import com.lotastro.api.model.ReservationDto;
import com.lotastro.api.model.ReservationPageDto;
import com.lotastro.api.model.ReservationReleaseDto;
import com.lotastro.api.model.ReservationStatusDto;
import com.lotastro.api.model.ReservationUpdateDto;
import com.lotastro.api.model.ShipIntentDto;
import com.lotastro.api.model.ShortageDecisionCreateDto;
import com.lotastro.api.model.ShortageDecisionDto;
import com.lotastro.api.model.ShortageDecisionPageDto;
import com.lotastro.reservation.ReservationEnums.ShipIntent;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.idempotency.Idempotent;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.RequiresScope;
import com.lotastro.shared.security.Scope;
import jakarta.inject.Inject;
import java.util.UUID;

public class ReservationResource implements ReservationsApi {
    @Inject
    ReservationService reservations;

    @Inject
    AllocationService allocation;

    @Inject
    AllocationPlanningService planning;

    @Override
    @Idempotent
    @RequiresScope(Scope.RESERVATIONS_WRITE)
    public ReservationDto createReservation(ReservationCreateDto body, String idempotencyKey, String actor) {
        // Built from what the change's transaction holds (the reservation, its lines and their items), not re-read.
        return ReservationMapper.toDto(reservations.create(ReservationMapper.toCommand(body)));
    }

    @Override
    @RequiresScope(Scope.RESERVATIONS_READ)
    public ReservationDto getReservation(UUID reservationId) {
        return current(reservationId);
    }

    /** Reads the reservation with everything its representation shows (after a creating POST: in its transaction). */
    private ReservationDto current(UUID reservationId) {
        return ReservationMapper.toDto(reservations.get(reservationId));
    }

    @Override
    @RequiresScope(Scope.RESERVATIONS_READ)
    public ReservationPageDto listReservations(ReservationStatusDto status, AllocationStateDto allocationState, Boolean actionRequired,
                                               ActionRequiredReasonDto actionRequiredReason, UUID crmDealId, ShipIntentDto shipIntent,
                                               Integer limit, String cursor) {
        Page<Reservation> page = reservations.search(ReservationMapper.toFilter(status, allocationState, actionRequired,
                actionRequiredReason, crmDealId, shipIntent), PageRequest.of(limit, cursor));
        return new ReservationPageDto().data(page.map(ReservationMapper::toDto).items()).nextCursor(page.nextCursor());
    }

    @Override
    @RequiresScope(Scope.RESERVATIONS_WRITE)
    public ReservationDto updateReservation(UUID reservationId, String ifMatch, ReservationUpdateDto body, String actor) {
        reservations.update(reservationId, ifMatch, new ReservationService.Changes(
                ReservationMapper.parse(ShipIntent.class, body.getShipIntent()), body.getShipDate(),
                Timestamps.instant(body.getHoldUntil())));
        return current(reservationId);
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.RESERVATIONS_WRITE)
    public ReservationDto releaseReservation(UUID reservationId, ReservationReleaseDto body, String idempotencyKey, String actor) {
        reservations.release(reservationId, body.getReason());
        return current(reservationId);
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.RESERVATIONS_WRITE)
    public ReservationDto allocateRolls(UUID reservationId, AllocationRequestDto body, String idempotencyKey, String actor) {
        allocation.allocate(reservationId, body.getLines().stream()
                .map(l -> new AllocationService.Entry(l.getReservationLineId(), l.getRollId(), l.getMeters())).toList());
        return current(reservationId);
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.RESERVATIONS_WRITE)
    public AutoAllocationDto autoAllocate(UUID reservationId, String idempotencyKey, String actor) {
        AllocationService.AutoResult result = allocation.autoAllocate(reservationId);
        return ReservationMapper.toDto(result.choices(), current(reservationId));
    }

    @Override
    @RequiresScope(Scope.RESERVATIONS_READ)
    public AllocationPlanningPageDto getAllocationPlanning(Integer limit, String cursor) {
        Page<AllocationPlanningService.PlanningEntry> page = planning.planning(PageRequest.of(limit, cursor));
        return new AllocationPlanningPageDto().data(page.map(ReservationMapper::toDto).items()).nextCursor(page.nextCursor());
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.RESERVATIONS_WRITE)
    public AllocationPlanDto planAllocation(UUID supplyRequestId, AllocationPlanRequestDto body, String idempotencyKey, String actor) {
        return ReservationMapper.toDto(planning.plan(supplyRequestId, body.getReservations().stream()
                .map(r -> new AllocationPlanningService.PlannedReservation(r.getReservationId(), r.getLines().stream()
                        .map(l -> new AllocationPlanningService.PlannedLine(l.getReservationLineId(), l.getPlannedMeters())).toList()))
                .toList()));
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.APPROVALS_WRITE)
    public ShortageDecisionDto recordShortageDecision(ShortageDecisionCreateDto body, String idempotencyKey, String actor) {
        return ReservationMapper.toDto(planning.decide(ReservationMapper.toDecision(body)));
    }

    @Override
    @RequiresScope(Scope.RESERVATIONS_READ)
    public ShortageDecisionPageDto listShortageDecisions(UUID supplyRequestId, Integer limit, String cursor) {
        Page<ShortageDecision> page = planning.decisions(supplyRequestId, PageRequest.of(limit, cursor));
        return new ShortageDecisionPageDto().data(page.map(ReservationMapper::toDto).items()).nextCursor(page.nextCursor());
    }
}
