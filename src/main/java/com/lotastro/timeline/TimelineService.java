package com.lotastro.timeline;

import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the timeline of an order or a shipment from what the domains already persist: the audit trail, the order and
 * shipment status logs, signed CRM and courier events received, internal emails, the outbox and webhook delivery
 * attempts. It only reads (one query over those tables, paged by (time, id)); nothing is written for it, and no domain
 * depends on it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TimelineService {
    @Inject
    EntityManager em;

    @Inject
    CallerContext caller;

    /** What a timeline is about: the records whose trail it reads. */
    record Subject(List<UUID> entities, List<UUID> orders, List<UUID> shipments, String reservationId, String dealId,
                   List<String> mentions) {
    }

    public Page<TimelineEntry> ofOrder(UUID orderId, PageRequest page) {
        UUID organizationId = caller.organizationId();
        List<?> found = em.createNativeQuery("select cast(reservation_id as text), cast(crm_deal_id as text), po_number from orders "
                        + "where organization_id = :org and id = :id")
                .setParameter("org", organizationId).setParameter("id", orderId).getResultList();
        if (found.isEmpty()) {
            throw ApiException.notFound("order", orderId);
        }
        Object[] order = (Object[]) found.get(0);
        String reservationId = (String) order[0];
        List<UUID> shipments = ids("select id from shipments where organization_id = :org and order_id = :id", organizationId, orderId);
        List<UUID> overrides = ids("select id from shipment_approval_overrides where organization_id = :org and order_id = :id",
                organizationId, orderId);
        List<UUID> entities = new ArrayList<>();
        entities.add(orderId);
        entities.add(UUID.fromString(reservationId));
        entities.addAll(shipments);
        entities.addAll(overrides);
        List<String> mentions = new ArrayList<>(entities.stream().map(UUID::toString).toList());
        mentions.add((String) order[2]);
        return read(organizationId, new Subject(entities, List.of(orderId), shipments, reservationId, (String) order[1], mentions), page);
    }

    public Page<TimelineEntry> ofShipment(UUID shipmentId, PageRequest page) {
        UUID organizationId = caller.organizationId();
        if (ids("select id from shipments where organization_id = :org and id = :id", organizationId, shipmentId).isEmpty()) {
            throw ApiException.notFound("shipment", shipmentId);
        }
        return read(organizationId, new Subject(List.of(shipmentId), List.of(), List.of(shipmentId), null, null,
                List.of(shipmentId.toString())), page);
    }

    private List<UUID> ids(String sql, UUID organizationId, UUID id) {
        return em.createNativeQuery(sql, UUID.class).setParameter("org", organizationId).setParameter("id", id).getResultList()
                .stream().map(UUID.class::cast).toList();
    }

    // Every part selects: at, entry_id, source, kind, actor, link_type, link_id, a, b, c, d (the last four are what the
    // summary is made of; see summary()).
    private static final String AUDIT = """
            select a.occurred_at as at, a.id as entry_id, 'audit' as source, a.action as kind, a.actor as actor,
                   a.entity_type as link_type, cast(a.entity_id as text) as link_id, a.reason as a, cast(null as text) as b,
                   cast(null as text) as c, cast(null as text) as d
            from audit_events a
            where a.organization_id = :org and a.entity_id in (:entities)
              and not (a.entity_type in ('order', 'shipment')
                       and (a.before_state ->> 'status') is distinct from (a.after_state ->> 'status'))
            """;
    private static final String ORDER_TRANSITIONS = """
            select t.created_at, t.id, 'order_transition', 'order.status_changed', t.actor, 'order', cast(t.order_id as text),
                   t.from_status, t.to_status, t.trigger_type, coalesce(t.trigger_ref, '') || coalesce(' ' || t.reason, '')
            from order_transitions t
            where t.organization_id = :org and t.order_id in (:orders)
            """;
    private static final String SHIPMENT_TRANSITIONS = """
            select t.created_at, t.id, 'shipment_transition', 'shipment.status_changed', t.actor, 'shipment',
                   cast(t.shipment_id as text), t.from_status, t.to_status, t.trigger_type, t.trigger_ref
            from shipment_transitions t
            where t.organization_id = :org and t.shipment_id in (:shipments)
            """;
    private static final String COURIER_EVENTS = """
            select c.received_at, c.id, 'courier_event', 'courier.' || c.carrier_status, k.code, 'shipment', cast(c.shipment_id as text),
                   c.outcome, c.tracking_number, c.event_id, to_char(c.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
            from courier_events c join couriers k on k.id = c.courier_id
            where c.organization_id = :org and c.shipment_id in (:shipments)
            """;
    private static final String CRM_EVENTS = """
            select e.received_at, e.id, 'crm_event', 'crm_event.received', 'crm', 'inbound_event', cast(e.id as text),
                   e.type, e.status, e.event_id, e.error_code
            from inbound_events e
            where e.organization_id = :org
              and ((e.envelope -> 'data' ->> 'wms_reservation_id') = :reservation
                   or (e.envelope -> 'data' ->> 'crm_deal_id') = :deal
                   or e.event_id in (select t.trigger_ref from order_transitions t
                                     where t.organization_id = :org and t.order_id in (:orders) and t.trigger_type = 'crm_event'))
            """;
    private static final String EMAILS_QUEUED = """
            select m.created_at, m.id, 'email', 'email.queued', cast(null as text), 'email', cast(m.id as text),
                   m.kind, m.subject, m.status, m.recipients
            from email_messages m
            where m.organization_id = :org and (%s)
            """;
    private static final String EMAILS_SENT = """
            select m.sent_at, cast(md5(cast(m.id as text) || ':sent') as uuid), 'email', 'email.sent', cast(null as text), 'email',
                   cast(m.id as text), m.kind, m.subject, m.status, m.recipients
            from email_messages m
            where m.organization_id = :org and m.sent_at is not null and (%s)
            """;
    private static final String OUTBOX = """
            select o.created_at, o.id, 'outbox', 'event.recorded', cast(null as text), 'outbox_event', cast(o.id as text),
                   o.event_type, o.status, o.aggregate_type, cast(o.aggregate_id as text)
            from outbox_events o
            where o.organization_id = :org and o.aggregate_id in (:entities)
            """;
    private static final String WEBHOOK_ATTEMPTS = """
            select w.attempted_at, w.id, 'webhook', case when w.succeeded then 'webhook.delivered' else 'webhook.failed' end,
                   p.url, 'webhook_delivery', cast(d.id as text), d.event_type, cast(w.status_code as text), w.error, cast(null as text)
            from webhook_attempts w
              join webhook_deliveries d on d.id = w.delivery_id
              join webhook_endpoints p on p.id = d.endpoint_id
            where w.organization_id = :org
              and d.event_id in (select o.id from outbox_events o where o.organization_id = :org and o.aggregate_id in (:entities))
            """;

    @SuppressWarnings("unchecked")
    private Page<TimelineEntry> read(UUID organizationId, Subject subject, PageRequest page) {
        List<String> parts = new ArrayList<>(List.of(AUDIT, OUTBOX, WEBHOOK_ATTEMPTS));
        if (!subject.orders().isEmpty()) {
            parts.add(ORDER_TRANSITIONS);
            parts.add(CRM_EVENTS);
        }
        if (!subject.shipments().isEmpty()) {
            parts.add(SHIPMENT_TRANSITIONS);
            parts.add(COURIER_EVENTS);
        }
        Map<String, String> mentions = new LinkedHashMap<>();
        StringBuilder mentioned = new StringBuilder();
        for (String mention : subject.mentions()) {
            String name = "m" + mentions.size();
            mentions.put(name, "%" + mention + "%");
            mentioned.append(mentioned.isEmpty() ? "" : " or ").append("m.subject like :").append(name).append(" or m.body like :")
                    .append(name);
        }
        parts.add(EMAILS_QUEUED.formatted(mentioned));
        parts.add(EMAILS_SENT.formatted(mentioned));

        String sql = "select * from (" + String.join(" union all ", parts) + ") t"
                + (page.after() == null ? "" : " where (t.at, t.entry_id) > (:after_at, :after_id)")
                + " order by t.at, t.entry_id limit :limit";
        Query query = em.createNativeQuery(sql)
                .setParameter("org", organizationId)
                .setParameter("entities", subject.entities())
                .setParameter("limit", page.limit() + 1);
        if (!subject.orders().isEmpty()) {
            query.setParameter("orders", subject.orders())
                    .setParameter("reservation", subject.reservationId())
                    .setParameter("deal", subject.dealId());
        }
        if (!subject.shipments().isEmpty()) {
            query.setParameter("shipments", subject.shipments());
        }
        mentions.forEach(query::setParameter);
        if (page.after() != null) {
            query.setParameter("after_at", page.after().createdAt()).setParameter("after_id", page.after().id());
        }
        List<TimelineEntry> entries = ((List<Object[]>) query.getResultList()).stream().map(TimelineService::entry).toList();
        return Page.fromOverfetch(entries, page, entry -> new Cursor(entry.at(), entry.id()));
    }

    private static TimelineEntry entry(Object[] row) {
        String source = (String) row[2];
        String kind = (String) row[3];
        String actor = (String) row[4];
        String linkType = (String) row[5];
        String linkId = (String) row[6];
        String a = (String) row[7];
        String b = (String) row[8];
        String c = (String) row[9];
        String d = (String) row[10];
        String summary = switch (source) {
            case "audit" -> words(kind) + (a == null ? "" : ": " + a);
            case "order_transition" -> "Order " + (a == null ? b : a + " → " + b) + " (" + c + (d == null || d.isEmpty() ? "" : " " + d) + ")";
            case "shipment_transition" -> "Shipment " + (a == null ? b : a + " → " + b) + " (" + c + (d == null ? "" : " " + d) + ")";
            case "courier_event" -> "Courier " + actor + " reports " + kind.substring("courier.".length()) + " for " + b + " (event " + c
                    + ", at " + d + "): " + a;
            case "crm_event" -> "CRM " + a + " " + c + ": " + b + (d == null ? "" : " (" + d + ")");
            case "email" -> "Email \"" + b + "\" (" + a + ") " + (kind.equals("email.sent") ? "sent to " : "queued for ") + d;
            case "outbox" -> "Event " + a + " recorded for subscribers";
            case "webhook" -> "Delivery of " + a + " to " + actor + ": " + (b == null ? "no answer" : "HTTP " + b) + (c == null ? "" : " (" + c + ")");
            default -> kind;
        };
        String path = switch (linkType) {
            case "order" -> "/v1/orders/" + linkId;
            case "reservation" -> "/v1/reservations/" + linkId;
            case "shipment" -> "/v1/shipments/" + linkId;
            case "webhook_delivery" -> "/v1/webhook-deliveries/" + linkId;
            case "inbound_event" -> "/v1/integration/inbound-events?type=" + a;
            case "outbox_event" -> "/v1/outbox-events?aggregate_id=" + d;
            case "email" -> "/v1/emails?kind=" + a;
            default -> "/v1/audit-events?entity_id=" + linkId;
        };
        return new TimelineEntry(instant(row[0]), (UUID) row[1], kind, source, actor, summary, linkType, linkId, path);
    }

    private static String words(String action) {
        String text = action.replace('.', ' ').replace('_', ' ');
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp " + value);
    }
}
