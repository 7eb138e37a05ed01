package com.lotastro.timeline;

import com.lotastro.api.TimelineApi;
import com.lotastro.api.model.TimelinePageDto;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.RequiresScope;
import com.lotastro.shared.security.Scope;
import jakarta.inject.Inject;
import java.util.UUID;

public class TimelineResource implements TimelineApi {
    @Inject
    TimelineService timeline;

    @Override
    @RequiresScope(Scope.ORDERS_READ)
    public TimelinePageDto getOrderTimeline(UUID orderId, Integer limit, String cursor) {
        return TimelineMapper.toDto(timeline.ofOrder(orderId, PageRequest.of(limit, cursor)));
    }

    @Override
    @RequiresScope(Scope.SHIPMENTS_READ)
    public TimelinePageDto getShipmentTimeline(UUID shipmentId, Integer limit, String cursor) {
        return TimelineMapper.toDto(timeline.ofShipment(shipmentId, PageRequest.of(limit, cursor)));
    }
}
