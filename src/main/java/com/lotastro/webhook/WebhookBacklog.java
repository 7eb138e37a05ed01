package com.lotastro.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the reconciler asks of delivery: events never fanned out, and deliveries overdue or stuck in a lease. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WebhookBacklog {
    /** How late a step may be before it counts as stuck: many poll intervals, or a lease that ran out long ago. */
    static final Duration GRACE = Duration.ofMinutes(5);

    @Inject
    EntityManager em;

    public record Stuck(String kind, UUID id, String type, Instant since) {
    }

    public long deliveriesChecked(UUID organizationId) {
        return ((Number) em.createNativeQuery("select count(*) from webhook_deliveries where organization_id = :org and status in ('pending', 'failed')")
                .setParameter("org", organizationId).getSingleResult()).longValue();
    }

    /** Outbox events committed more than the grace ago that no delivery step has picked up. */
    public List<Stuck> eventsNotFannedOut(UUID organizationId, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, event_type, created_at from outbox_events
                        where organization_id = :org and fanned_out_at is null and created_at < :before
                        order by position limit 100""")
                .setParameter("org", organizationId).setParameter("before", now.minus(GRACE)).getResultList();
        return rows.stream().map(r -> new Stuck("outbox_undelivered", (UUID) r[0], (String) r[1], (Instant) r[2])).toList();
    }

    /**
     * Deliveries due for longer than the grace, or leased past their lease by more than it, while their endpoint is
     * enabled and its breaker closed (waiting behind a disabled endpoint, a breaker or the outbound switch is not stuck).
     */
    public List<Stuck> stuckDeliveries(UUID organizationId, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select d.id, d.event_type, coalesce(d.lease_until, d.next_attempt_at) from webhook_deliveries d
                        join webhook_endpoints e on e.id = d.endpoint_id
                        where d.organization_id = :org and d.status in ('pending', 'failed') and e.enabled and not e.deleted
                          and e.circuit_open_until is null
                          and (d.lease_until < :before or d.lease_until is null and d.next_attempt_at < :before)
                          and not exists (select 1 from webhook_deliveries p
                                          where p.endpoint_id = d.endpoint_id and p.aggregate_id = d.aggregate_id
                                            and p.event_position < d.event_position and p.status in ('pending', 'failed'))
                        order by d.next_attempt_at limit 100""")
                .setParameter("org", organizationId).setParameter("before", now.minus(GRACE)).getResultList();
        return rows.stream().map(r -> new Stuck("delivery_stuck", (UUID) r[0], (String) r[1], (Instant) r[2])).toList();
    }
}
