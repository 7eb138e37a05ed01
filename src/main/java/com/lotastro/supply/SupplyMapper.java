package com.lotastro.supply;

import com.lotastro.api.model.SupplyFigureDto;
import com.lotastro.api.model.SupplyHistoryEntryDto;
import com.lotastro.api.model.SupplyRequestCreateDto;
import com.lotastro.api.model.SupplyRequestDto;
import com.lotastro.api.model.SupplyStatusDto;
import com.lotastro.api.model.SupplySummaryRowDto;
import com.lotastro.api.model.SupplyTransitionDto;
import com.lotastro.api.model.SupplyTypeDto;
import com.lotastro.shared.Meters;
import com.lotastro.shared.Timestamps;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

final class SupplyMapper {
    private static final BigDecimal ZERO = Meters.of(BigDecimal.ZERO);

    private SupplyMapper() {
    }

    static SupplyRequestService.NewSupplyRequest toCommand(SupplyRequestCreateDto dto) {
        return new SupplyRequestService.NewSupplyRequest(dto.getCrmSupplyRequestId(), dto.getCrmDealId(), dto.getCrmCustomerId(),
                dto.getCrmOrganizationId(), toType(dto.getType()), dto.getQualityCode(), dto.getColorCode(), dto.getMeters(),
                dto.getEtaDate(), dto.getManufacturingOrderReference(), dto.getSalesOwnerEmail(), dto.getNotes());
    }

    static SupplyRequestService.Transition toTransition(SupplyTransitionDto dto) {
        return new SupplyRequestService.Transition(toStatus(dto.getToStatus()), dto.getEtaDate(), dto.getArrivedMeters(), dto.getNotes());
    }

    static SupplyType toType(SupplyTypeDto dto) {
        return dto == null ? null : SupplyType.fromValue(dto.toString());
    }

    static SupplyStatus toStatus(SupplyStatusDto dto) {
        return dto == null ? null : SupplyStatus.fromValue(dto.toString());
    }

    static SupplyRequestDto toDto(SupplyRequest request, BigDecimal receivedMeters) {
        return new SupplyRequestDto()
                .id(request.id)
                .crmSupplyRequestId(request.crmSupplyRequestId)
                .crmDealId(request.crmDealId)
                .crmCustomerId(request.crmCustomerId)
                .crmOrganizationId(request.crmOrganizationId)
                .type(SupplyTypeDto.fromValue(request.type.value()))
                .status(SupplyStatusDto.fromValue(request.status.value()))
                .catalogItemId(request.catalogItem.id)
                .qualityCode(request.catalogItem.qualityCode)
                .colorCode(request.catalogItem.colorCode)
                .meters(request.meters)
                .arrivedMeters(request.arrivedMeters)
                .receivedMeters(receivedMeters == null ? ZERO : receivedMeters)
                .etaDate(request.etaDate)
                .manufacturingOrderReference(request.manufacturingOrderReference)
                .salesOwnerEmail(request.salesOwnerEmail)
                .notes(request.notes)
                .version(request.version)
                .createdAt(Timestamps.utc(request.createdAt))
                .updatedAt(Timestamps.utc(request.updatedAt));
    }

    static SupplyHistoryEntryDto toDto(SupplyStatusChange change) {
        return new SupplyHistoryEntryDto()
                .id(change.id)
                .oldStatus(change.oldStatus == null ? null : SupplyStatusDto.fromValue(change.oldStatus.value()))
                .newStatus(SupplyStatusDto.fromValue(change.newStatus.value()))
                .etaDate(change.etaDate)
                .arrivedMeters(change.arrivedMeters)
                .notes(change.notes)
                .actor(change.actor)
                .changedAt(Timestamps.utc(change.createdAt));
    }

    /** One summary row per type: in transit, arrived (soft or allocated) and ready for allocation (arrived soft). */
    static List<SupplySummaryRowDto> toSummary(List<SupplyRequests.StatusFigure> figures) {
        return EnumSet.allOf(SupplyType.class).stream().map(type -> new SupplySummaryRowDto()
                        .type(SupplyTypeDto.fromValue(type.value()))
                        .inTransit(figure(figures, type, EnumSet.of(SupplyStatus.IN_TRANSIT)))
                        .arrived(figure(figures, type, EnumSet.of(SupplyStatus.ARRIVED_SOFT, SupplyStatus.ALLOCATED)))
                        .readyForAllocation(figure(figures, type, EnumSet.of(SupplyStatus.ARRIVED_SOFT))))
                .toList();
    }

    private static SupplyFigureDto figure(List<SupplyRequests.StatusFigure> figures, SupplyType type, Set<SupplyStatus> statuses) {
        List<SupplyRequests.StatusFigure> matching = figures.stream()
                .filter(f -> f.type() == type && statuses.contains(f.status()))
                .toList();
        return new SupplyFigureDto()
                .count((int) matching.stream().mapToLong(SupplyRequests.StatusFigure::count).sum())
                .meters(matching.stream().map(SupplyRequests.StatusFigure::meters).reduce(ZERO, BigDecimal::add));
    }
}
