package com.lotastro.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.lotastro.audit.AuditLog;
import com.lotastro.crm.IntegrationFlagService;
import com.lotastro.email.EmailOutbox;
import com.lotastro.outbox.OutboxEventDelivered;
import com.lotastro.outbox.OutboxPublisher;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.security.CallerContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * The delivery pipeline, one short transaction per step and never one around an HTTP call:
 * <ol>
 * <li>{@link #fanOut}: each committed outbox event becomes one delivery per enabled endpoint that subscribes to its
 * type. One instance at a time fans out (an advisory lock), in outbox position order, so the deliveries of one
 * aggregate are created in the order its events committed (an aggregate's events are written under its lock).</li>
 * <li>{@link #claim}: due deliveries are leased with {@code FOR UPDATE SKIP LOCKED}, so any number of instances share
 * the work and each delivery goes to one sender. A delivery waits while an earlier one of the same aggregate to the
 * same endpoint is undelivered (pending or failed, not dead). Endpoints whose circuit breaker is open are skipped; a
 * half-open one gets one probe. A lease that runs out (the sender crashed) makes the delivery due again, with the
 * same event id.</li>
 * <li>{@link #record}: the attempt is written, the delivery succeeds, waits for its next retry or is dead, and the
 * endpoint's breaker and failure streak follow (410 Gone or failing too long disables it). A success is announced
 * ({@link OutboxEventDelivered}) in the same transaction, for domains that track what the outside world heard.</li>
 * </ol>
 * This package owns the delivery of outbox rows, so it reads and marks {@code outbox_events} itself.
 */
@ApplicationScoped
public class DeliveryWorker {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    static final String ACTOR = "webhook-delivery";
    private static final long FAN_OUT_LOCK = 0x6c6f7461_77686b31L;

    /** A leased delivery with everything needed to send it. */
    public record Claim(UUID deliveryId, UUID organizationId, UUID endpointId, String url, List<String> secrets,
                        String eventId, byte[] body, Instant eventCreatedAt) {
    }

    @Inject
    EntityManager em;

    @Inject
    WebhookConfig config;

    @Inject
    IntegrationFlagService flags;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    CallerContext caller;

    @Inject
    AuditLog audit;

    @Inject
    OutboxPublisher outbox;

    @Inject
    EmailOutbox emails;

    @Inject
    WebhookMetrics metrics;

    @Inject
    Event<OutboxEventDelivered> delivered;

    RetrySchedule schedule() {
        return new RetrySchedule(config.retrySchedule(), config.retryJitter());
    }

    /** Fans out up to {@code limit} events; answers how many events it handled (0: nothing new, or another instance is at it). */
    public int fanOut(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                    .setParameter("key", FAN_OUT_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            Object[] counts = (Object[]) em.createNativeQuery("""
                            with batch as (
                                select id from outbox_events where fanned_out_at is null order by position limit :limit
                            ), marked as (
                                update outbox_events o set fanned_out_at = :now from batch where o.id = batch.id
                                returning o.id, o.organization_id, o.event_type, o.aggregate_id, o.position, o.created_at
                            ), inserted as (
                                insert into webhook_deliveries (id, organization_id, endpoint_id, event_id, event_type, aggregate_id,
                                                                event_position, event_created_at, status, attempts, next_attempt_at,
                                                                created_at, updated_at)
                                select gen_random_uuid(), m.organization_id, e.id, m.id, m.event_type, m.aggregate_id, m.position,
                                       m.created_at, 'pending', 0, :now, :now, :now
                                from marked m join webhook_endpoints e on e.organization_id = m.organization_id
                                where e.enabled and not e.deleted
                                  and (e.event_types is null or e.event_types @> jsonb_build_array(m.event_type))
                                on conflict (endpoint_id, event_id) do nothing
                                returning 1
                            )
                            select (select count(*) from marked), (select count(*) from inserted)""")
                    .setParameter("limit", limit)
                    .setParameter("now", Timestamps.now())
                    .getSingleResult();
            return ((Number) counts[0]).intValue();
        });
    }

    /** Leases up to {@code limit} due deliveries (and one probe per half-open endpoint) for this sender. */
    public List<Claim> claim(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Timestamps.now();
            List<UUID> paused = new ArrayList<>(flags.withOutboundDeliveryOff());
            paused.add(new UUID(0, 0));
            List<UUID> ids = new ArrayList<>(probes(now, paused));
            @SuppressWarnings("unchecked")
            List<UUID> due = em.createNativeQuery("""
                            with due as (
                                select d.id from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id
                                where d.status in ('pending', 'failed') and d.next_attempt_at <= :now
                                  and (d.lease_until is null or d.lease_until <= :now)
                                  and e.enabled and not e.deleted and e.consecutive_failures < :threshold
                                  and d.organization_id not in (:paused)
                                  and not exists (select 1 from webhook_deliveries p
                                                  where p.endpoint_id = d.endpoint_id and p.aggregate_id = d.aggregate_id
                                                    and p.event_position < d.event_position and p.status in ('pending', 'failed'))
                                order by d.next_attempt_at, d.event_position
                                limit :limit
                                for update of d skip locked
                            )
                            update webhook_deliveries d set lease_until = :leaseUntil from due where d.id = due.id
                            returning d.id""", UUID.class)
                    .setParameter("now", now)
                    .setParameter("threshold", config.circuitBreaker().failureThreshold())
                    .setParameter("paused", paused)
                    .setParameter("limit", limit)
                    .setParameter("leaseUntil", now.plus(config.lease()))
                    .getResultList();
            ids.addAll(due);
            return ids.isEmpty() ? List.<Claim>of() : load(ids, now);
        });
    }

    /**
     * Half-open breakers: once the cool-down has passed, the first instance to push the breaker's deadline forward
     * sends one due delivery of that endpoint as a probe; the others keep waiting.
     */
    private List<UUID> probes(Instant now, List<UUID> paused) {
        @SuppressWarnings("unchecked")
        List<UUID> endpoints = em.createNativeQuery("""
                        update webhook_endpoints set circuit_open_until = :reopen
                        where enabled and not deleted and consecutive_failures >= :threshold and circuit_open_until <= :now
                          and organization_id not in (:paused)
                        returning id""", UUID.class)
                .setParameter("reopen", now.plus(config.circuitBreaker().cooldown()))
                .setParameter("threshold", config.circuitBreaker().failureThreshold())
                .setParameter("now", now)
                .setParameter("paused", paused)
                .getResultList();
        List<UUID> probes = new ArrayList<>();
        for (UUID endpointId : endpoints) {
            @SuppressWarnings("unchecked")
            List<UUID> probe = em.createNativeQuery("""
                            with due as (
                                select d.id from webhook_deliveries d
                                where d.endpoint_id = :endpoint and d.status in ('pending', 'failed') and d.next_attempt_at <= :now
                                  and (d.lease_until is null or d.lease_until <= :now)
                                  and not exists (select 1 from webhook_deliveries p
                                                  where p.endpoint_id = d.endpoint_id and p.aggregate_id = d.aggregate_id
                                                    and p.event_position < d.event_position and p.status in ('pending', 'failed'))
                                order by d.next_attempt_at, d.event_position limit 1
                                for update of d skip locked
                            )
                            update webhook_deliveries d set lease_until = :leaseUntil from due where d.id = due.id
                            returning d.id""", UUID.class)
                    .setParameter("endpoint", endpointId)
                    .setParameter("now", now)
                    .setParameter("leaseUntil", now.plus(config.lease()))
                    .getResultList();
            probes.addAll(probe);
        }
        return probes;
    }

    private List<Claim> load(List<UUID> ids, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select d.id, d.organization_id, d.endpoint_id, e.url, e.secret, e.previous_secret, e.previous_secret_valid_until,
                               o.id, o.event_type, o.created_at, o.idempotency_key, o.aggregate_type, o.aggregate_id, o.payload::text
                        from webhook_deliveries d
                        join webhook_endpoints e on e.id = d.endpoint_id
                        join outbox_events o on o.id = d.event_id
                        where d.id in (:ids)
                        order by d.event_position""")
                .setParameter("ids", ids)
                .getResultList();
        List<Claim> claims = new ArrayList<>();
        for (Object[] row : rows) {
            List<String> secrets = new ArrayList<>(List.of((String) row[4]));
            if (row[5] != null && row[6] != null && now.isBefore((Instant) row[6])) {
                secrets.add((String) row[5]);
            }
            UUID organizationId = (UUID) row[1];
            byte[] body = envelope(new Envelope(row[7].toString(), (String) row[8], (Instant) row[9], organizationId,
                    (String) row[10], (String) row[11], (UUID) row[12], (String) row[13]));
            claims.add(new Claim((UUID) row[0], organizationId, (UUID) row[2], (String) row[3], secrets, row[7].toString(), body,
                    (Instant) row[9]));
        }
        return claims;
    }

    /** The frozen event as receivers get it; {@code data} is the payload exactly as stored when the event was recorded. */
    record Envelope(String id, String type, Instant occurredAt, UUID organizationId, String idempotencyKey,
                    String aggregateType, UUID aggregateId, String payloadJson) {
    }

    byte[] envelope(Envelope event) {
        ObjectNode node = objectMapper.createObjectNode();
        node.put("id", event.id());
        node.put("type", event.type());
        node.put("occurred_at", event.occurredAt().toString());
        node.put("organization_id", event.organizationId().toString());
        node.put("idempotency_key", event.idempotencyKey());
        if (event.aggregateType() != null) {
            node.put("aggregate_type", event.aggregateType());
            node.put("aggregate_id", event.aggregateId().toString());
        }
        node.putRawValue("data", new RawValue(event.payloadJson()));
        try {
            return objectMapper.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The envelope of event " + event.id() + " could not be written", e);
        }
    }

    /** Records an attempt of a claimed delivery and moves the delivery and its endpoint on. */
    @ActivateRequestContext
    public void record(Claim claim, WebhookSender.Outcome outcome) {
        caller.authenticate(claim.organizationId(), null, Set.of(), ACTOR);
        String status = QuarkusTransaction.requiringNew().call(() -> {
            insertAttempt(claim.deliveryId(), claim.organizationId(), outcome);
            WebhookDelivery delivery = em.find(WebhookDelivery.class, claim.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
            Instant now = Timestamps.now();
            if (WebhookDelivery.SUCCEEDED.equals(delivery.status)) {
                return delivery.status;
            }
            delivery.attempts++;
            delivery.lastStatusCode = outcome.statusCode();
            delivery.lastError = outcome.succeeded() ? null : describe(outcome);
            delivery.leaseUntil = null;
            delivery.updatedAt = now;
            if (outcome.succeeded()) {
                delivery.status = WebhookDelivery.SUCCEEDED;
                delivery.succeededAt = now;
                delivery.nextAttemptAt = null;
                closeBreaker(claim.endpointId());
                delivered.fire(new OutboxEventDelivered(delivery.organizationId, delivery.eventId, delivery.eventType,
                        delivery.aggregateId, delivery.endpointId, now));
            } else {
                Instant next = schedule().nextAttemptAfter(delivery.attempts, now, ThreadLocalRandom.current());
                delivery.status = next == null ? WebhookDelivery.DEAD : WebhookDelivery.FAILED;
                delivery.nextAttemptAt = next;
                failed(claim.endpointId(), outcome, now);
            }
            return delivery.status;
        });
        metrics.attempted(outcome, status, claim.eventCreatedAt());
    }

    /**
     * The breaker and the failure streak are the worker's bookkeeping, not an edit of the endpoint: they change
     * without a new version, so an admin's If-Match stays valid while deliveries fail.
     */
    private void closeBreaker(UUID endpointId) {
        em.createNativeQuery("""
                        update webhook_endpoints set consecutive_failures = 0, failing_since = null, circuit_open_until = null
                        where id = :id and (consecutive_failures > 0 or failing_since is not null or circuit_open_until is not null)""")
                .setParameter("id", endpointId).executeUpdate();
    }

    void insertAttempt(UUID deliveryId, UUID organizationId, WebhookSender.Outcome outcome) {
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.id = UUID.randomUUID();
        attempt.organizationId = organizationId;
        attempt.deliveryId = deliveryId;
        attempt.attemptedAt = outcome.attemptedAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        attempt.durationMs = outcome.durationMs();
        attempt.statusCode = outcome.statusCode();
        attempt.responseBody = outcome.responseBody();
        attempt.error = outcome.error() == null ? null : truncate(outcome.error(), 1000);
        attempt.succeeded = outcome.succeeded();
        em.persist(attempt);
    }

    private void failed(UUID endpointId, WebhookSender.Outcome outcome, Instant now) {
        Object[] streak = (Object[]) em.createNativeQuery("""
                        update webhook_endpoints set consecutive_failures = consecutive_failures + 1,
                               failing_since = coalesce(failing_since, :now),
                               circuit_open_until = case when consecutive_failures + 1 >= :threshold then :reopen else circuit_open_until end
                        where id = :id
                        returning enabled, failing_since""")
                .setParameter("now", now)
                .setParameter("threshold", config.circuitBreaker().failureThreshold())
                .setParameter("reopen", now.plus(config.circuitBreaker().cooldown()))
                .setParameter("id", endpointId)
                .getSingleResult();
        if (!Boolean.TRUE.equals(streak[0])) {
            return;
        }
        Instant failingSince = (Instant) streak[1];
        if (outcome.gone()) {
            disable(endpointId, "The endpoint answered 410 Gone");
        } else if (!failingSince.plus(config.disableAfter()).isAfter(now)) {
            disable(endpointId, "Every attempt failed since " + failingSince);
        }
    }

    private void disable(UUID endpointId, String reason) {
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, endpointId, LockModeType.PESSIMISTIC_WRITE);
        Map<String, Object> before = WebhookEndpointService.describe(endpoint);
        endpoint.disable(reason);
        endpoint.updatedAt = Timestamps.now();
        em.flush();
        UUID auditId = audit.record(new AuditLog.Change("webhook_endpoint.disabled", "webhook_endpoint", endpoint.id, before,
                WebhookEndpointService.describe(endpoint), reason));
        outbox.publish(new OutboxPublisher.Event("webhook_endpoint.disabled", "webhook_endpoint", endpoint.id,
                "disabled." + auditId, WebhookEndpointService.describe(endpoint)));
        emails.enqueue(new EmailOutbox.Draft("webhook_endpoint.disabled", emails.ops(),
                "[LotAstro] Webhook endpoint disabled: " + endpoint.url,
                "Deliveries to " + endpoint.url + " stopped: " + reason + ".\n"
                        + "Events keep queuing for it. Enable it again (PATCH /v1/webhook-endpoints/" + endpoint.id
                        + " with enabled: true) once the receiver works; replay what it missed with /replay.\n",
                "webhook_endpoint.disabled:" + endpoint.id + ":" + auditId));
        LOG.warnf("Webhook endpoint %s (%s) disabled: %s", endpoint.id, endpoint.url, reason);
    }

    static String describe(WebhookSender.Outcome outcome) {
        return outcome.statusCode() != null ? "HTTP " + outcome.statusCode() : truncate(outcome.error(), 1000);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** Counts for metrics: dead deliveries and the oldest undelivered event per endpoint. */
    public Map<UUID, Instant> oldestUndeliveredPerEndpoint() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select endpoint_id, min(event_created_at) from webhook_deliveries
                    where status in ('pending', 'failed') group by endpoint_id""").getResultList();
            Map<UUID, Instant> oldest = new LinkedHashMap<>();
            rows.forEach(r -> oldest.put((UUID) r[0], (Instant) r[1]));
            return oldest;
        });
    }

    public long deadDeliveries() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from webhook_deliveries where status = 'dead'").getSingleResult()).longValue());
    }
}
