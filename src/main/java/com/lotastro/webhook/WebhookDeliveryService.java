package com.lotastro.webhook;

import com.lotastro.audit.AuditLog;
import com.lotastro.outbox.OutboxPublisher;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
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

/** Seeing and fixing deliveries: listing, one delivery with its attempts, retry, replay by range, and the test ping. */
@ApplicationScoped
@Transactional
public class WebhookDeliveryService {
    @Inject
    WebhookDeliveries deliveries;

    @Inject
    WebhookAttempts attempts;

    @Inject
    WebhookEndpointService endpoints;

    @Inject
    WebhookSender sender;

    @Inject
    DeliveryWorker worker;

    @Inject
    EntityManager em;

    @Inject
    CallerContext caller;

    @Inject
    AuditLog audit;

    @Inject
    OutboxPublisher outbox;

    public record Replay(Instant from, Instant to, List<String> eventTypes, List<String> statuses) {
    }

    public record WithAttempts(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WebhookDelivery> search(UUID endpointId, WebhookDeliveries.Filter filter, PageRequest page) {
        endpoints.get(endpointId);
        return deliveries.search(caller.organizationId(), endpointId, filter, page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WithAttempts get(UUID id) {
        WebhookDelivery delivery = deliveries.findInOrganization(caller.organizationId(), id)
                .orElseThrow(() -> ApiException.notFound("webhook delivery", id));
        return new WithAttempts(delivery, attempts.ofDelivery(id));
    }

    public WebhookDelivery retry(UUID id) {
        WebhookDelivery delivery = deliveries.lockInOrganization(caller.organizationId(), id)
                .orElseThrow(() -> ApiException.notFound("webhook delivery", id));
        if (!delivery.canBeRetried()) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "Only failed or dead deliveries can be retried; this one is "
                    + delivery.status + (WebhookDelivery.PING.equals(delivery.eventType) ? " (a ping: send a new one)" : ""),
                    List.of(), Map.of("allowed_next_states", List.of()));
        }
        Map<String, Object> before = describe(delivery);
        delivery.requeue(Timestamps.now());
        deliveries.flush();
        UUID auditId = audit.record(new AuditLog.Change("webhook_delivery.retried", "webhook_delivery", delivery.id, before,
                describe(delivery), null));
        outbox.publish(new OutboxPublisher.Event("webhook_delivery.retried", "webhook_delivery", delivery.id,
                "retried." + auditId, describe(delivery)));
        return delivery;
    }

    /**
     * Queues the endpoint's events of a time range again with their original ids. With statuses, only events whose
     * delivery is in one of them; without, every matching event, also those never delivered to this endpoint.
     */
    public int replay(UUID endpointId, Replay replay) {
        if (!replay.from().isBefore(replay.to())) {
            throw ApiException.invalid("to", "must be after from");
        }
        WebhookEndpoint endpoint = endpoints.get(endpointId);
        UUID organizationId = caller.organizationId();
        Instant now = Timestamps.now();
        boolean anyType = replay.eventTypes() == null || replay.eventTypes().isEmpty();
        List<String> types = anyType ? List.of("") : replay.eventTypes();
        int queued;
        if (replay.statuses() != null && !replay.statuses().isEmpty()) {
            queued = em.createNativeQuery("""
                            update webhook_deliveries set status = 'pending', attempts = 0, next_attempt_at = :now, lease_until = null,
                                   updated_at = :now
                            where endpoint_id = :endpoint and organization_id = :org and event_type <> 'ping'
                              and status in (:statuses) and event_created_at >= :from and event_created_at < :to
                              and (:anyType or event_type in (:types))""")
                    .setParameter("now", now)
                    .setParameter("endpoint", endpoint.id)
                    .setParameter("org", organizationId)
                    .setParameter("statuses", replay.statuses())
                    .setParameter("from", replay.from())
                    .setParameter("to", replay.to())
                    .setParameter("anyType", anyType)
                    .setParameter("types", types)
                    .executeUpdate();
        } else {
            queued = em.createNativeQuery("""
                            insert into webhook_deliveries (id, organization_id, endpoint_id, event_id, event_type, aggregate_id,
                                                            event_position, event_created_at, status, attempts, next_attempt_at,
                                                            created_at, updated_at)
                            select gen_random_uuid(), o.organization_id, e.id, o.id, o.event_type, o.aggregate_id, o.position,
                                   o.created_at, 'pending', 0, :now, :now, :now
                            from outbox_events o join webhook_endpoints e on e.id = :endpoint
                            where o.organization_id = :org and o.created_at >= :from and o.created_at < :to
                              and (e.event_types is null or e.event_types @> jsonb_build_array(o.event_type))
                              and (:anyType or o.event_type in (:types))
                            on conflict (endpoint_id, event_id) do update
                              set status = 'pending', attempts = 0, next_attempt_at = :now, lease_until = null, updated_at = :now""")
                    .setParameter("now", now)
                    .setParameter("endpoint", endpoint.id)
                    .setParameter("org", organizationId)
                    .setParameter("from", replay.from())
                    .setParameter("to", replay.to())
                    .setParameter("anyType", anyType)
                    .setParameter("types", types)
                    .executeUpdate();
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("from", replay.from().toString());
        request.put("to", replay.to().toString());
        request.put("event_types", replay.eventTypes());
        request.put("statuses", replay.statuses());
        request.put("queued", queued);
        UUID auditId = audit.record(new AuditLog.Change("webhook_endpoint.replayed", "webhook_endpoint", endpoint.id, null, request, null));
        outbox.publish(new OutboxPublisher.Event("webhook_endpoint.replayed", "webhook_endpoint", endpoint.id,
                "replayed." + auditId, request));
        return queued;
    }

    /**
     * Sends a signed ping now. The delivery and its attempt join the caller's transaction (with an Idempotency-Key
     * they commit with the stored answer); the HTTP exchange itself runs with that transaction suspended.
     */
    public WebhookAttempt ping(UUID endpointId) {
        WebhookEndpoint endpoint = endpoints.get(endpointId);
        Instant now = Timestamps.now();
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = UUID.randomUUID();
        delivery.organizationId = endpoint.organizationId;
        delivery.endpointId = endpoint.id;
        delivery.eventId = UUID.randomUUID();
        delivery.eventType = WebhookDelivery.PING;
        delivery.aggregateId = endpoint.id;
        delivery.eventCreatedAt = now;
        delivery.status = WebhookDelivery.PENDING;
        delivery.createdAt = now;
        delivery.updatedAt = now;
        Map<String, Object> data = Map.of("endpoint_id", endpoint.id.toString());
        byte[] body = worker.envelope(new DeliveryWorker.Envelope(delivery.eventId.toString(), WebhookDelivery.PING, now,
                endpoint.organizationId, "wms:webhook_endpoint:" + endpoint.id + ":ping." + delivery.id + ":v1", "webhook_endpoint",
                endpoint.id, "{\"endpoint_id\":\"" + endpoint.id + "\"}"));
        List<String> secrets = endpoint.signingSecrets(now);
        String url = endpoint.url;
        WebhookSender.Outcome outcome = QuarkusTransaction.suspendingExisting()
                .call(() -> sender.send(url, delivery.eventId.toString(), body, secrets));
        delivery.attempts = 1;
        delivery.status = outcome.succeeded() ? WebhookDelivery.SUCCEEDED : WebhookDelivery.DEAD;
        delivery.lastStatusCode = outcome.statusCode();
        delivery.lastError = outcome.succeeded() ? null : DeliveryWorker.describe(outcome);
        delivery.succeededAt = outcome.succeeded() ? Timestamps.now() : null;
        delivery.updatedAt = Timestamps.now();
        deliveries.persist(delivery);
        deliveries.flush();
        worker.insertAttempt(delivery.id, delivery.organizationId, outcome);
        UUID auditId = audit.record(new AuditLog.Change("webhook_endpoint.pinged", "webhook_endpoint", endpoint.id, null,
                describe(delivery), null));
        outbox.publish(new OutboxPublisher.Event("webhook_endpoint.pinged", "webhook_endpoint", endpoint.id,
                "pinged." + auditId, Map.of("delivery_id", delivery.id.toString(), "succeeded", outcome.succeeded(), "data", data)));
        em.flush();
        return attempts.ofDelivery(delivery.id).get(0);
    }

    private static Map<String, Object> describe(WebhookDelivery delivery) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("endpoint_id", delivery.endpointId.toString());
        state.put("event_id", delivery.eventId.toString());
        state.put("event_type", delivery.eventType);
        state.put("status", delivery.status);
        state.put("attempts", delivery.attempts);
        return state;
    }
}
