package com.lotastro.reservation;

import com.lotastro.api.model.ActionRequiredReasonDto;
import com.lotastro.api.model.AllocationPlanDto;
import com.lotastro.api.model.AllocationPlanOutcomeDto;
import com.lotastro.api.model.AllocationStateDto;
import com.lotastro.api.model.AutoAllocationChoiceDto;
import com.lotastro.api.model.AutoAllocationDto;
import com.lotastro.api.model.PlanningEntryDto;
import com.lotastro.api.model.PlanningLineDto;
import com.lotastro.api.model.PlanningReservationDto;
import com.lotastro.api.model.ReservationCreateDto;
import com.lotastro.api.model.ReservationDto;
import com.lotastro.api.model.ReservationLineDto;
import com.lotastro.api.model.ReservationStatusDto;
import com.lotastro.api.model.RollAllocationDto;
import com.lotastro.api.model.ShipIntentDto;
import com.lotastro.api.model.ShortageDecisionCreateDto;
import com.lotastro.api.model.ShortageDecisionDto;
import com.lotastro.api.model.ShortageDecisionKindDto;
import com.lotastro.api.model.ShortageMoveDto;
import com.lotastro.reservation.ReservationEnums.ActionReason;
import com.lotastro.reservation.ReservationEnums.AllocationState;
import com.lotastro.reservation.ReservationEnums.ShipIntent;
import com.lotastro.reservation.ReservationEnums.ShortageDecisionKind;
import com.lotastro.reservation.ReservationEnums.Status;
import com.lotastro.shared.ContractValue;
import com.lotastro.shared.Timestamps;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

final class ReservationMapper {
    private ReservationMapper() {
    }

    static <E extends Enum<E> & ContractValue> E parse(Class<E> type, Object dto) {
        return dto == null ? null : ContractValue.parse(type, dto.toString());
    }

    static ReservationService.NewReservation toCommand(ReservationCreateDto dto) {
        return new ReservationService.NewReservation(dto.getCrmDealId(), dto.getCrmCustomerId(), dto.getCrmSupplyRequestId(),
                parse(ShipIntent.class, dto.getShipIntent()), dto.getShipDate(), Timestamps.instant(dto.getHoldUntil()),
                dto.getSalesOwnerEmail(),
                dto.getLines().stream().map(l -> new ReservationService.NewLine(l.getCrmDealLineId(), l.getQualityCode(),
                        l.getColorCode(), l.getMeters(), l.getUnitPrice(), l.getCurrency())).toList());
    }

    static AllocationPlanningService.Decision toDecision(ShortageDecisionCreateDto dto) {
        return new AllocationPlanningService.Decision(dto.getSupplyRequestId(), dto.getReservationIds(),
                parse(ShortageDecisionKind.class, dto.getDecision()), dto.getNotes(), dto.getExpectedDate(),
                dto.getMoves() == null ? null : dto.getMoves().stream().map(m -> new AllocationPlanningService.Move(
                        m.getFromReservationLineId(), m.getToReservationLineId(), m.getMeters())).toList());
    }

    static ReservationDto toDto(Reservation r) {
        return new ReservationDto()
                .id(r.id)
                .crmDealId(r.crmDealId)
                .crmCustomerId(r.crmCustomerId)
                .supplyRequestId(r.supplyRequestId)
                .status(ReservationStatusDto.fromValue(r.status.value()))
                .shipIntent(ShipIntentDto.fromValue(r.shipIntent.value()))
                .shipDate(r.shipDate)
                .holdUntil(Timestamps.utc(r.holdUntil))
                .expectedDate(r.expectedDate)
                .salesOwnerEmail(r.salesOwnerEmail)
                .allocationState(AllocationStateDto.fromValue(r.allocationState.value()))
                .promisedMeters(r.promisedMeters())
                .plannedMeters(r.plannedMeters())
                .allocatedMeters(r.allocatedMeters())
                .unbackedMeters(r.unbackedMeters())
                .actionRequired(r.actionRequired())
                .actionRequiredReason(r.actionRequiredReason == null ? null : ActionRequiredReasonDto.fromValue(r.actionRequiredReason.value()))
                .releaseReason(r.releaseReason)
                .releasedAt(Timestamps.utc(r.releasedAt))
                .version(r.version)
                .createdAt(Timestamps.utc(r.createdAt))
                .updatedAt(Timestamps.utc(r.updatedAt))
                .lines(r.lines.stream().map(ReservationMapper::toDto).toList());
    }

    static ReservationLineDto toDto(ReservationLine line) {
        return new ReservationLineDto()
                .id(line.id)
                .crmDealLineId(line.crmDealLineId)
                .catalogItemId(line.catalogItem.id)
                .qualityCode(line.catalogItem.qualityCode)
                .colorCode(line.catalogItem.colorCode)
                .meters(line.meters)
                .plannedMeters(line.plannedMeters)
                .allocatedMeters(line.allocatedMeters)
                .unbackedMeters(line.unbackedMeters)
                .unitPrice(line.unitPrice)
                .currency(line.currency)
                .allocations(line.activeAllocations().stream().map(a -> new RollAllocationDto()
                        .id(a.id)
                        .rollId(a.roll.id)
                        .lotId(a.roll.lot.id)
                        .lotNumber(a.roll.lot.lotNumber)
                        .barcode(a.roll.barcode)
                        .meters(a.meters)
                        .createdAt(Timestamps.utc(a.createdAt))).toList());
    }

    static AutoAllocationDto toDto(List<AllocationService.AutoChoice> choices, ReservationDto reservation) {
        return new AutoAllocationDto()
                .reservation(reservation)
                .choices(choices.stream().map(c -> new AutoAllocationChoiceDto()
                        .reservationLineId(c.reservationLineId())
                        .lotId(c.choice().lotId())
                        .rollId(c.choice().rollId())
                        .meters(c.choice().meters())
                        .rule(AutoAllocationChoiceDto.RuleEnum.fromValue(c.choice().rule().value()))).toList());
    }

    static PlanningEntryDto toDto(AllocationPlanningService.PlanningEntry entry) {
        List<PlanningReservationDto> reservations = new java.util.ArrayList<>();
        entry.linked().forEach(r -> reservations.add(toPlanning(r, true, entry.supply().catalogItem.id)));
        entry.eligible().stream().filter(r -> !entry.linked().contains(r))
                .forEach(r -> reservations.add(toPlanning(r, false, entry.supply().catalogItem.id)));
        return new PlanningEntryDto()
                .supplyRequestId(entry.supply().id)
                .crmSupplyRequestId(entry.supply().crmSupplyRequestId)
                .qualityCode(entry.supply().catalogItem.qualityCode)
                .colorCode(entry.supply().catalogItem.colorCode)
                .arrivedMeters(entry.supply().arrivedMeters)
                .promisedMeters(entry.promisedMeters())
                .shortageMeters(entry.shortageMeters())
                .reservations(reservations);
    }

    private static PlanningReservationDto toPlanning(Reservation r, boolean linked, UUID itemId) {
        return new PlanningReservationDto()
                .reservationId(r.id)
                .crmDealId(r.crmDealId)
                .linked(linked)
                .createdAt(Timestamps.utc(r.createdAt))
                .lines(r.lines.stream().filter(l -> l.catalogItem.id.equals(itemId)).map(l -> new PlanningLineDto()
                        .reservationLineId(l.id)
                        .crmDealLineId(l.crmDealLineId)
                        .meters(l.meters)).toList());
    }

    static AllocationPlanDto toDto(AllocationPlanningService.Plan plan) {
        return new AllocationPlanDto()
                .supplyRequestId(plan.supply().id)
                .arrivedMeters(plan.supply().arrivedMeters)
                .plannedMeters(plan.plannedMeters())
                .shortageMeters(plan.shortageMeters())
                .reservations(plan.reservations().stream().map(r -> new AllocationPlanOutcomeDto()
                        .reservationId(r.id)
                        .allocationState(AllocationStateDto.fromValue(r.allocationState.value()))
                        .actionRequiredReason(r.actionRequiredReason == null ? null
                                : ActionRequiredReasonDto.fromValue(r.actionRequiredReason.value()))).toList());
    }

    static ShortageDecisionDto toDto(ShortageDecision d) {
        return new ShortageDecisionDto()
                .id(d.id)
                .supplyRequestId(d.supplyRequestId)
                .reservationIds(d.reservationIds.stream().map(UUID::fromString).toList())
                .decision(ShortageDecisionKindDto.fromValue(d.decision.value()))
                .notes(d.notes)
                .expectedDate(d.expectedDate)
                .moves(d.moves == null ? null : d.moves.stream().map(m -> new ShortageMoveDto()
                        .fromReservationLineId(UUID.fromString((String) m.get("from_reservation_line_id")))
                        .toReservationLineId(UUID.fromString((String) m.get("to_reservation_line_id")))
                        .meters(new BigDecimal(m.get("meters").toString()))).toList())
                .actor(d.actor)
                .createdAt(Timestamps.utc(d.createdAt));
    }

    static Reservations.Filter toFilter(ReservationStatusDto status, AllocationStateDto state, Boolean actionRequired,
                                        ActionRequiredReasonDto reason, UUID crmDealId, ShipIntentDto shipIntent) {
        return new Reservations.Filter(parse(Status.class, status), parse(AllocationState.class, state), actionRequired,
                parse(ActionReason.class, reason), crmDealId, parse(ShipIntent.class, shipIntent));
    }
}
