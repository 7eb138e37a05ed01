package com.lotastro.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lotastro.shared.PayloadReader;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.DatabaseConstraints;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.error.Problem;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.CallerContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies each CRM event exactly once. The event row is written first in its own transaction; then the business
 * change and the final outcome commit together while the row is locked, so a repeat of the id (even concurrent)
 * waits for the first delivery and gets its answer. A refusal rolls the change back and is recorded as rejected.
 */
@ApplicationScoped
public class InboundEventService {
    public static final String PROBLEM_TYPE = Problem.MEDIA_TYPE;
    public static final String JSON_TYPE = "application/json";

    @Inject
    InboundEvents events;

    @Inject
    CrmEventHandlers handlers;

    @Inject
    CallerContext caller;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    PayloadReader payloads;

    /** The answer for a delivery: the status and body to send (the same for every repeat of the event id). */
    private static final int MAX_ATTEMPTS_ON_COLLISION = 5;

    public record Answer(int status, String body, String mediaType) {
    }

    /** A received envelope: its id, type and when it happened, and the raw body as signed. */
    public record Envelope(String id, String type, Instant occurredAt, String raw) {
    }

    public Answer receive(Envelope envelope, String webhookId) {
        if (!envelope.id().equals(webhookId)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "webhook-id must equal the event id");
        }
        UUID organizationId = caller.organizationId();
        caller.actAsIfUnnamed("crm");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into inbound_events (id, organization_id, event_id, type, occurred_at, envelope, status, attempts, received_at)
                        values (:id, :org, :event, :type, :occurred, cast(:envelope as jsonb), 'received', 0, :now)
                        on conflict (organization_id, event_id) do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("org", organizationId)
                .setParameter("event", envelope.id())
                .setParameter("type", envelope.type())
                .setParameter("occurred", envelope.occurredAt())
                .setParameter("envelope", envelope.raw())
                .setParameter("now", Timestamps.now())
                .executeUpdate());
        return process(organizationId, envelope.id());
    }

    /** Applies a rejected event again (e.g. after stock arrived). */
    public InboundEvent reprocess(UUID id) {
        UUID organizationId = caller.organizationId();
        caller.actAsIfUnnamed("crm-reprocess");
        String eventId = QuarkusTransaction.requiringNew().call(() -> {
            InboundEvent event = events.findInOrganization(organizationId, id)
                    .orElseThrow(() -> ApiException.notFound("inbound event", id));
            em.refresh(event, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (!InboundEvent.REJECTED.equals(event.status)) {
                throw new ApiException(ErrorCode.INVALID_TRANSITION, "Only rejected events can be reprocessed; this one is " + event.status,
                        List.of(), Map.of("allowed_next_states", List.of()));
            }
            event.status = InboundEvent.RECEIVED;
            return event.eventId;
        });
        process(organizationId, eventId);
        return QuarkusTransaction.requiringNew().call(() -> events.findInOrganization(organizationId, id).orElseThrow());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<InboundEvent> search(InboundEvents.Filter filter, PageRequest page) {
        return events.search(caller.organizationId(), filter, page);
    }

    /**
     * Applies the event, again when it collided with a concurrent change (e.g. two first events of one customer,
     * each inserting it): the collision is ours to resolve, never an answer the CRM would have to retry.
     */
    private Answer process(UUID organizationId, String eventId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return processOnce(organizationId, eventId);
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS_ON_COLLISION || !DatabaseConstraints.isCollision(e)) {
                    throw e;
                }
            }
        }
    }

    private Answer processOnce(UUID organizationId, String eventId) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                InboundEvent event = events.lockByEventId(organizationId, eventId).orElseThrow();
                if (event.isFinal()) {
                    return stored(event);
                }
                event.attempts++;
                String raw = (String) em.createNativeQuery("select envelope::text from inbound_events where id = :id")
                        .setParameter("id", event.id).getSingleResult();
                Map<String, Object> envelope = payloads.parseObject(raw);
                @SuppressWarnings("unchecked")
                Map<String, Object> data = (Map<String, Object>) envelope.get("data");
                CrmEventHandlers.Result result = handlers.apply(event.type, data, new CrmEventHandlers.Source(event.eventId,
                        event.occurredAt, uuidOrNull(envelope.get("crm_organization_id"))));
                Map<String, Object> outcome = new LinkedHashMap<>();
                outcome.put("event_id", event.eventId);
                outcome.put("type", event.type);
                outcome.put("outcome", result.outcome());
                outcome.put("detail", result.detail());
                outcome.put("reservation_ids", result.reservationIds());
                finish(event, result.outcome(), 200, json(outcome), null, null);
                return stored(event);
            });
        } catch (ApiException refusal) {
            return QuarkusTransaction.requiringNew().call(() -> {
                InboundEvent event = events.lockByEventId(organizationId, eventId).orElseThrow();
                if (event.isFinal()) {
                    return stored(event);
                }
                event.attempts++;
                Problem problem = Problem.of(refusal, "/v1/integration/crm/events").withStatus(422);
                finish(event, InboundEvent.REJECTED, 422, json(problem), refusal.errorCode().code(), refusal.getMessage());
                return stored(event);
            });
        }
    }

    private static UUID uuidOrNull(Object value) {
        try {
            return value instanceof String text ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void finish(InboundEvent event, String status, int responseStatus, String body, String errorCode, String error) {
        event.status = status;
        event.responseStatus = responseStatus;
        event.responseBody = body;
        event.errorCode = errorCode;
        event.error = error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
        event.processedAt = Timestamps.now();
    }

    private static Answer stored(InboundEvent event) {
        return new Answer(event.responseStatus, event.responseBody, event.responseStatus == 200 ? JSON_TYPE : PROBLEM_TYPE);
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
