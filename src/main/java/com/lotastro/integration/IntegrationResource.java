package com.lotastro.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lotastro.api.IntegrationApi;
import com.lotastro.api.model.CrmConnectionDto;
import com.lotastro.api.model.CrmConnectionUpdateDto;
import com.lotastro.api.model.CrmEventDto;
import com.lotastro.api.model.CrmEventOutcomeDto;
import com.lotastro.api.model.InboundEventDto;
import com.lotastro.api.model.InboundEventPageDto;
import com.lotastro.api.model.InboundOutcomeDto;
import com.lotastro.api.model.OutboxEventPageDto;
import com.lotastro.crm.CrmConnectionService;
import com.lotastro.outbox.OutboxEvents;
import com.lotastro.outbox.OutboxQueries;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.StoredResponseException;
import com.lotastro.shared.idempotency.Idempotent;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.RequiresScope;
import com.lotastro.shared.security.Scope;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

public class IntegrationResource implements IntegrationApi {
    @Inject
    OutboxQueries outbox;

    @Inject
    CrmConnectionService connections;

    @Inject
    InboundEventService inbound;

    @Inject
    ObjectMapper objectMapper;

    @Context
    ContainerRequestContext request;

    @Override
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public OutboxEventPageDto listOutboxEvents(String type, String aggregateType, UUID aggregateId, Integer limit, String cursor) {
        OutboxEvents.FeedPage page = outbox.search(new OutboxEvents.Filter(type, aggregateType, aggregateId), limit, cursor);
        return new OutboxEventPageDto().data(page.items().stream().map(IntegrationMapper::toDto).toList()).nextCursor(page.nextCursor());
    }

    @Override
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public CrmConnectionDto putCrmConnection(CrmConnectionUpdateDto body, String actor) {
        return IntegrationMapper.toDto(connections.put(new CrmConnectionService.Changes(body.getBaseUrl(), body.getApiKey(),
                body.getWebhookSecret(), Boolean.TRUE.equals(body.getRotateWebhookSecret()), body.getInboundEnabled())));
    }

    @Override
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public CrmConnectionDto getCrmConnection() {
        return IntegrationMapper.toDto(new CrmConnectionService.Saved(connections.get(), null));
    }

    @Override
    @RequiresScope(Scope.INTEGRATION_CRM)
    @SignedByCrm
    public CrmEventOutcomeDto receiveCrmEvent(String webhookId, String webhookTimestamp, String webhookSignature,
                                              CrmEventDto envelope) {
        byte[] raw = (byte[]) request.getProperty(CrmSignatureFilter.RAW_BODY);
        InboundEventService.Answer answer = inbound.receive(new InboundEventService.Envelope(envelope.getId(), envelope.getType(),
                Timestamps.instant(envelope.getOccurredAt()), new String(raw, StandardCharsets.UTF_8)), webhookId);
        if (answer.status() != 200) {
            throw new StoredResponseException(answer.status(), answer.body(), answer.mediaType());
        }
        try {
            return objectMapper.readValue(answer.body(), CrmEventOutcomeDto.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored outcome is not readable", e);
        }
    }

    @Override
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public InboundEventPageDto listInboundEvents(String type, InboundOutcomeDto outcome, OffsetDateTime from, OffsetDateTime to,
                                                 Integer limit, String cursor) {
        Page<InboundEvent> page = inbound.search(new InboundEvents.Filter(type, outcome == null ? null : outcome.toString(),
                Timestamps.instant(from), Timestamps.instant(to)), PageRequest.of(limit, cursor));
        return new InboundEventPageDto().data(page.map(IntegrationMapper::toDto).items()).nextCursor(page.nextCursor());
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public InboundEventDto reprocessInboundEvent(UUID inboundEventId, String idempotencyKey, String actor) {
        return IntegrationMapper.toDto(inbound.reprocess(inboundEventId));
    }
}
