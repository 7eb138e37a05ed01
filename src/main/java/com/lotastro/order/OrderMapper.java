package com.lotastro.order;

import com.lotastro.api.model.OrderApprovalDto;
import com.lotastro.api.model.OrderDto;
import com.lotastro.api.model.OrderLineDto;
import com.lotastro.api.model.OrderLotDto;
import com.lotastro.api.model.OrderOverrideDto;
import com.lotastro.api.model.OrderPickDto;
import com.lotastro.api.model.OrderStatusDto;
import com.lotastro.api.model.OrderTransitionDto;
import com.lotastro.api.model.OverrideReasonDto;
import com.lotastro.api.model.ShipmentOverrideDto;
import com.lotastro.shared.ContractValue;
import com.lotastro.shared.Timestamps;
import java.util.List;

final class OrderMapper {
    private OrderMapper() {
    }

    static OrderDto toDto(PurchaseOrder o) {
        OrderDto dto = new OrderDto()
                .id(o.id)
                .orderNumber(o.orderNumber)
                .poNumber(o.poNumber)
                .status(status(o.status))
                .reservationId(o.reservationId)
                .crmDealId(o.crmDealId)
                .crmCustomerId(o.crmCustomerId)
                .crmOrganizationId(o.crmOrganizationId)
                .shipIntent(OrderDto.ShipIntentEnum.fromValue(o.shipIntent.value()))
                .shipDate(o.shipDate)
                .overrideUsed(o.overrideUsed)
                .cancelReason(o.cancelReason)
                .stagedAt(Timestamps.utc(o.stagedAt))
                .pickedAt(Timestamps.utc(o.pickedAt))
                .fulfilledAt(Timestamps.utc(o.fulfilledAt))
                .cancelledAt(Timestamps.utc(o.cancelledAt))
                .allowedNextStates(o.status.allowedNext().stream().map(OrderMapper::status).toList())
                .version(o.version)
                .createdAt(Timestamps.utc(o.createdAt))
                .updatedAt(Timestamps.utc(o.updatedAt))
                .lines(o.lines.stream().map(OrderMapper::toDto).toList());
        if (o.crmApprovalId != null) {
            dto.approval(new OrderApprovalDto().crmApprovalId(o.crmApprovalId).approvedBy(o.approvedBy)
                    .approvedAt(Timestamps.utc(o.approvedAt)).eventId(o.approvalEventId));
        }
        if (o.overrideUsed) {
            dto.override(new OrderOverrideDto().reason(reason(o.overrideReason)).notes(o.overrideNotes).by(o.overrideBy)
                    .at(Timestamps.utc(o.overrideAt)));
        }
        return dto;
    }

    private static OrderLineDto toDto(OrderLine line) {
        return new OrderLineDto()
                .id(line.id)
                .crmDealLineId(line.crmDealLineId)
                .reservationLineId(line.reservationLineId)
                .catalogItemId(line.catalogItem.id)
                .qualityCode(line.catalogItem.qualityCode)
                .colorCode(line.catalogItem.colorCode)
                .orderedMeters(line.orderedMeters)
                .pickedMeters(line.pickedMeters())
                .fullyPicked(line.fullyPicked())
                .lots(line.lots.stream().map(OrderMapper::toDto).toList());
    }

    private static OrderLotDto toDto(OrderLot lot) {
        return new OrderLotDto()
                .id(lot.id)
                .rollId(lot.roll.id)
                .lotId(lot.lotId)
                .lotNumber(lot.roll.lot.lotNumber)
                .barcode(lot.roll.barcode)
                .orderedMeters(lot.orderedMeters)
                .boundMeters(lot.boundMeters)
                .pickedMeters(lot.pickedMeters)
                .substitutedRollId(lot.substitutedRollId)
                .substitutionReason(lot.substitutionReason);
    }

    static OrderTransitionDto toDto(OrderTransition t) {
        return new OrderTransitionDto()
                .id(t.id)
                .fromStatus(t.fromStatus == null ? null : status(t.fromStatus))
                .toStatus(status(t.toStatus))
                .trigger(OrderTransitionDto.TriggerEnum.fromValue(t.trigger))
                .triggerRef(t.triggerRef)
                .actor(t.actor)
                .reason(t.reason)
                .createdAt(Timestamps.utc(t.createdAt));
    }

    static ShipmentOverrideDto toDto(ShipmentOverride o, String poNumber) {
        return new ShipmentOverrideDto()
                .id(o.id)
                .reservationId(o.reservationId)
                .orderId(o.orderId)
                .poNumber(poNumber)
                .createdOrder(o.createdOrder)
                .reason(reason(o.reason))
                .notes(o.notes)
                .overriddenBy(o.overriddenBy)
                .overriddenAt(Timestamps.utc(o.createdAt))
                .crmNotified(o.crmNotified)
                .crmNotifiedAt(Timestamps.utc(o.crmNotifiedAt));
    }

    static List<OrderFlowService.Cut> toCuts(OrderPickDto dto) {
        return dto.getLots().stream().map(l -> new OrderFlowService.Cut(l.getOrderLotId(), l.getPickedMeters(),
                l.getSubstituteRollId(), l.getSubstitutionReason())).toList();
    }

    static OrderStatus status(OrderStatusDto dto) {
        return dto == null ? null : ContractValue.parse(OrderStatus.class, dto.toString());
    }

    static OverrideReason reason(OverrideReasonDto dto) {
        return dto == null ? null : ContractValue.parse(OverrideReason.class, dto.toString());
    }

    private static OrderStatusDto status(OrderStatus status) {
        return OrderStatusDto.fromValue(status.value());
    }

    private static OverrideReasonDto reason(OverrideReason reason) {
        return reason == null ? null : OverrideReasonDto.fromValue(reason.value());
    }
}
