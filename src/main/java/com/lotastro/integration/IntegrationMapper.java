package com.lotastro.integration;

import com.lotastro.api.model.CrmConnectionDto;
import com.lotastro.api.model.InboundEventDto;
import com.lotastro.api.model.InboundOutcomeDto;
import com.lotastro.api.model.OutboxEventDto;
import com.lotastro.crm.CrmConnectionService;
import com.lotastro.outbox.OutboxEvent;
import com.lotastro.shared.Timestamps;

final class IntegrationMapper {
    private IntegrationMapper() {
    }

    static OutboxEventDto toDto(OutboxEvent e) {
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

    static CrmConnectionDto toDto(CrmConnectionService.Saved saved) {
        return new CrmConnectionDto()
                .baseUrl(saved.connection().baseUrl)
                .hasApiKey(saved.connection().apiKey != null)
                .inboundEnabled(saved.connection().inboundEnabled)
                .webhookSecret(saved.generatedSecret())
                .previousSecretValidUntil(Timestamps.utc(saved.connection().previousSecretValidUntil))
                .updatedAt(Timestamps.utc(saved.connection().updatedAt));
    }

    static InboundEventDto toDto(InboundEvent e) {
        return new InboundEventDto()
                .id(e.id)
                .eventId(e.eventId)
                .type(e.type)
                .occurredAt(Timestamps.utc(e.occurredAt))
                .outcome(InboundEvent.RECEIVED.equals(e.status) ? null : InboundOutcomeDto.fromValue(e.status))
                .errorCode(e.errorCode)
                .error(e.error)
                .receivedAt(Timestamps.utc(e.createdAt))
                .processedAt(Timestamps.utc(e.processedAt))
                .attempts(e.attempts);
    }
}
