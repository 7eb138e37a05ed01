package com.lotastro.webhook;

import com.lotastro.api.model.WebhookAttemptDto;
import com.lotastro.api.model.WebhookDeliveryDto;
import com.lotastro.api.model.WebhookDeliveryStatusDto;
import com.lotastro.api.model.WebhookEndpointCreateDto;
import com.lotastro.api.model.WebhookEndpointDto;
import com.lotastro.api.model.WebhookEndpointUpdateDto;
import com.lotastro.api.model.WebhookReplayDto;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import java.util.List;

final class WebhookMapper {
    private WebhookMapper() {
    }

    static WebhookEndpointService.NewEndpoint toNewEndpoint(WebhookEndpointCreateDto body) {
        return new WebhookEndpointService.NewEndpoint(body.getUrl(), body.getDescription(), body.getEventTypes(), body.getEnabled());
    }

    static WebhookEndpointService.Changes toChanges(WebhookEndpointUpdateDto body) {
        return new WebhookEndpointService.Changes(body.getUrl(), body.getDescription(), body.getEventTypes(), body.getAllEventTypes(),
                body.getEnabled());
    }

    static WebhookDeliveryService.Replay toReplay(WebhookReplayDto body) {
        List<WebhookDeliveryStatusDto> statuses = body.getStatuses();
        if (statuses != null) {
            for (int i = 0; i < statuses.size(); i++) {
                if (statuses.get(i) == null) {
                    throw ApiException.invalid("statuses[" + i + "]", "must not be null");
                }
            }
        }
        List<String> types = body.getEventTypes();
        if (types != null && types.contains(null)) {
            throw ApiException.invalid("event_types[" + types.indexOf(null) + "]", "must not be null");
        }
        return new WebhookDeliveryService.Replay(Timestamps.instant(body.getFrom()), Timestamps.instant(body.getTo()), types,
                statuses == null ? null : statuses.stream().map(WebhookDeliveryStatusDto::toString).toList());
    }

    static WebhookEndpointDto toDto(WebhookEndpoint endpoint, String secret) {
        return new WebhookEndpointDto()
                .id(endpoint.id)
                .url(endpoint.url)
                .description(endpoint.description)
                .eventTypes(endpoint.eventTypes == null ? null : List.copyOf(endpoint.eventTypes))
                .enabled(endpoint.enabled)
                .disabledReason(endpoint.disabledReason)
                .secret(secret)
                .previousSecretValidUntil(Timestamps.utc(endpoint.previousSecretValidUntil))
                .circuitOpenUntil(Timestamps.utc(endpoint.circuitOpenUntil))
                .failingSince(Timestamps.utc(endpoint.failingSince))
                .version(endpoint.version)
                .createdAt(Timestamps.utc(endpoint.createdAt))
                .updatedAt(Timestamps.utc(endpoint.updatedAt));
    }

    static WebhookDeliveryDto toDto(WebhookDelivery delivery) {
        return new WebhookDeliveryDto()
                .id(delivery.id)
                .endpointId(delivery.endpointId)
                .eventId(delivery.eventId)
                .eventType(delivery.eventType)
                .status(WebhookDeliveryStatusDto.fromValue(delivery.status))
                .attempts(delivery.attempts)
                .nextAttemptAt(Timestamps.utc(delivery.nextAttemptAt))
                .lastStatusCode(delivery.lastStatusCode)
                .lastError(delivery.lastError)
                .createdAt(Timestamps.utc(delivery.createdAt))
                .updatedAt(Timestamps.utc(delivery.updatedAt))
                .succeededAt(Timestamps.utc(delivery.succeededAt));
    }

    static WebhookDeliveryDto toDto(WebhookDeliveryService.WithAttempts found) {
        return toDto(found.delivery()).attemptLog(found.attempts().stream().map(WebhookMapper::toDto).toList());
    }

    static WebhookAttemptDto toDto(WebhookAttempt attempt) {
        return new WebhookAttemptDto()
                .deliveryId(attempt.deliveryId)
                .attemptedAt(Timestamps.utc(attempt.attemptedAt))
                .durationMs(attempt.durationMs)
                .statusCode(attempt.statusCode)
                .responseBody(attempt.responseBody)
                .error(attempt.error)
                .succeeded(attempt.succeeded);
    }
}
