package com.lotastro.webhook;

import com.lotastro.api.WebhooksApi;
import com.lotastro.api.model.WebhookAttemptDto;
import com.lotastro.api.model.WebhookDeliveryDto;
import com.lotastro.api.model.WebhookDeliveryPageDto;
import com.lotastro.api.model.WebhookDeliveryStatusDto;
import com.lotastro.api.model.WebhookEndpointCreateDto;
import com.lotastro.api.model.WebhookEndpointDto;
import com.lotastro.api.model.WebhookEndpointPageDto;
import com.lotastro.api.model.WebhookEndpointUpdateDto;
import com.lotastro.api.model.WebhookReplayDto;
import com.lotastro.api.model.WebhookReplayOutcomeDto;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.idempotency.Idempotent;
import com.lotastro.shared.idempotency.RedactOnReplay;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.RequiresScope;
import com.lotastro.shared.security.Scope;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.UUID;

public class WebhooksResource implements WebhooksApi {
    @Inject
    WebhookEndpointService endpoints;

    @Inject
    WebhookDeliveryService deliveries;

    @Override
    @Idempotent
    @RedactOnReplay("secret")
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public WebhookEndpointDto createWebhookEndpoint(WebhookEndpointCreateDto body, String idempotencyKey, String actor) {
        WebhookEndpointService.Shown created = endpoints.create(WebhookMapper.toNewEndpoint(body));
        return WebhookMapper.toDto(created.endpoint(), created.secret());
    }

    @Override
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public WebhookEndpointPageDto listWebhookEndpoints(Boolean enabled, Integer limit, String cursor) {
        Page<WebhookEndpoint> page = endpoints.search(enabled, PageRequest.of(limit, cursor));
        return new WebhookEndpointPageDto().data(page.map(e -> WebhookMapper.toDto(e, null)).items()).nextCursor(page.nextCursor());
    }

    @Override
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public WebhookEndpointDto getWebhookEndpoint(UUID webhookEndpointId) {
        return WebhookMapper.toDto(endpoints.get(webhookEndpointId), null);
    }

    @Override
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public WebhookEndpointDto updateWebhookEndpoint(UUID webhookEndpointId, String ifMatch, WebhookEndpointUpdateDto body, String actor) {
        return WebhookMapper.toDto(endpoints.update(webhookEndpointId, ifMatch, WebhookMapper.toChanges(body)), null);
    }

    @Override
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public void deleteWebhookEndpoint(UUID webhookEndpointId, String actor) {
        endpoints.delete(webhookEndpointId);
    }

    @Override
    @Idempotent
    @RedactOnReplay("secret")
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public WebhookEndpointDto rotateWebhookEndpointSecret(UUID webhookEndpointId, String idempotencyKey, String actor) {
        WebhookEndpointService.Shown rotated = endpoints.rotateSecret(webhookEndpointId);
        return WebhookMapper.toDto(rotated.endpoint(), rotated.secret());
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public WebhookAttemptDto testWebhookEndpoint(UUID webhookEndpointId, String idempotencyKey, String actor) {
        return WebhookMapper.toDto(deliveries.ping(webhookEndpointId));
    }

    @Override
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public WebhookDeliveryPageDto listWebhookDeliveries(UUID webhookEndpointId, WebhookDeliveryStatusDto status, String eventType,
                                                       OffsetDateTime from, OffsetDateTime to, Integer limit, String cursor) {
        Page<WebhookDelivery> page = deliveries.search(webhookEndpointId, new WebhookDeliveries.Filter(
                status == null ? null : status.toString(), eventType, Timestamps.instant(from), Timestamps.instant(to)),
                PageRequest.of(limit, cursor));
        return new WebhookDeliveryPageDto().data(page.map(WebhookMapper::toDto).items()).nextCursor(page.nextCursor());
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public WebhookReplayOutcomeDto replayWebhookDeliveries(UUID webhookEndpointId, WebhookReplayDto body, String idempotencyKey,
                                                           String actor) {
        return new WebhookReplayOutcomeDto().queued(deliveries.replay(webhookEndpointId, WebhookMapper.toReplay(body)));
    }

    @Override
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public WebhookDeliveryDto getWebhookDelivery(UUID webhookDeliveryId) {
        return WebhookMapper.toDto(deliveries.get(webhookDeliveryId));
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public WebhookDeliveryDto retryWebhookDelivery(UUID webhookDeliveryId, String idempotencyKey, String actor) {
        return WebhookMapper.toDto(deliveries.retry(webhookDeliveryId));
    }
}
