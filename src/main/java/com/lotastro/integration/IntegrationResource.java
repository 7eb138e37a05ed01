package com.lotastro.integration;

import com.lotastro.api.IntegrationApi;
import com.lotastro.api.model.OutboxEventDto;
import com.lotastro.api.model.OutboxEventPageDto;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.RequiresScope;
import com.lotastro.shared.security.Scope;
import jakarta.inject.Inject;
import java.util.UUID;

public class IntegrationResource implements IntegrationApi {
    @Inject
    OutboxQueries queries;

    @Override
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public OutboxEventPageDto listOutboxEvents(String type, String aggregateType, UUID aggregateId, Integer limit, String cursor) {
        Page<OutboxEvent> page = queries.search(new OutboxEvents.Filter(type, aggregateType, aggregateId), PageRequest.of(limit, cursor));
        return new OutboxEventPageDto().data(page.map(IntegrationResource::toDto).items()).nextCursor(page.nextCursor());
    }

    private static OutboxEventDto toDto(OutboxEvent e) {
        return new OutboxEventDto()
                .id(e.id)
                .type(e.type)
                .aggregateType(e.aggregateType)
                .aggregateId(e.aggregateId)
                .idempotencyKey(e.idempotencyKey)
                .status(OutboxEventDto.StatusEnum.fromValue(e.status))
                .payload(e.payload)
                .createdAt(Timestamps.utc(e.createdAt));
    }
}
