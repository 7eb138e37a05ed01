package com.lotastro.shipment;

import com.lotastro.audit.AuditLog;
import com.lotastro.crm.WebhookSignatures;
import com.lotastro.shared.IfMatch;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Couriers of an organization; the carriers our customers use are there from the first look. */
@ApplicationScoped
@Transactional
public class CourierService {
    /** code, name, tracking URL template (null: none), uses tracking numbers, sends tracking events. */
    private record Seed(String code, String name, String template, boolean tracking, boolean events) {
    }

    private static final List<Seed> SEEDS = List.of(
            new Seed("yurtici", "Yurtiçi Kargo", "https://www.yurticikargo.com/tr/online-servisler/gonderi-sorgula?code={tracking_number}", true, true),
            new Seed("aras", "Aras Kargo", "https://kargotakip.araskargo.com.tr/mainpage.aspx?code={tracking_number}", true, true),
            new Seed("mng", "MNG Kargo", "https://www.mngkargo.com.tr/gonderi-takip/?code={tracking_number}", true, true),
            new Seed("ptt", "PTT Kargo", "https://gonderitakip.ptt.gov.tr/Track/Verify?q={tracking_number}", true, false),
            new Seed("surat", "Sürat Kargo", "https://suratkargo.com.tr/KargoTakip/?kargotakipno={tracking_number}", true, false),
            new Seed("ups", "UPS", "https://www.ups.com/track?tracknum={tracking_number}", true, true),
            new Seed("dhl", "DHL", "https://www.dhl.com/tr-en/home/tracking.html?tracking-id={tracking_number}", true, true),
            new Seed("own_vehicle", "Own vehicle", null, false, false));

    @Inject
    ShipmentRepositories.Couriers couriers;

    @Inject
    AuditLog audit;

    @Inject
    CallerContext caller;

    public record NewCourier(String code, String name, String trackingUrlTemplate, Boolean usesTrackingNumbers, Boolean sendsEvents) {
    }

    public record CourierChanges(String name, String trackingUrlTemplate, Boolean usesTrackingNumbers, Boolean sendsEvents,
                                 Boolean active, boolean rotateSecret) {
    }

    /** A courier with the secret to show once (null when it is not shown). */
    public record Shown(Courier courier, String secret) {
    }

    public Page<Courier> list(PageRequest page) {
        seed(caller.organizationId());
        return couriers.search(caller.organizationId(), page);
    }

    public Shown create(NewCourier request) {
        UUID organizationId = caller.organizationId();
        seed(organizationId);
        couriers.findByCode(organizationId, request.code()).ifPresent(existing -> {
            throw new ApiException(ErrorCode.DUPLICATE_COURIER, "Courier " + request.code() + " exists");
        });
        Courier courier = newCourier(organizationId, request.code(), request.name(), request.trackingUrlTemplate(),
                request.usesTrackingNumbers() == null || request.usesTrackingNumbers(), Boolean.TRUE.equals(request.sendsEvents()));
        couriers.persist(courier);
        couriers.flush();
        audit.record(new AuditLog.Change("courier.created", "courier", courier.id, null, describe(courier), null));
        return new Shown(courier, courier.signingSecret);
    }

    public Shown update(UUID id, String ifMatch, CourierChanges changes) {
        long expected = IfMatch.expectedVersion(ifMatch);
        Courier courier = couriers.findInOrganization(caller.organizationId(), id).orElseThrow(() -> ApiException.notFound("courier", id));
        IfMatch.requireCurrent(expected, courier.version, "courier");
        Map<String, Object> before = describe(courier);
        if (changes.name() != null) {
            courier.name = changes.name();
        }
        if (changes.trackingUrlTemplate() != null) {
            courier.trackingUrlTemplate = changes.trackingUrlTemplate();
        }
        if (changes.usesTrackingNumbers() != null) {
            courier.usesTrackingNumbers = changes.usesTrackingNumbers();
        }
        if (changes.sendsEvents() != null) {
            courier.sendsEvents = changes.sendsEvents();
        }
        if (changes.active() != null) {
            courier.active = changes.active();
        }
        String shown = null;
        if (changes.rotateSecret()) {
            courier.signingSecret = WebhookSignatures.newSecret();
            shown = courier.signingSecret;
        }
        if (before.equals(describe(courier)) && shown == null) {
            return new Shown(courier, null);
        }
        courier.updatedAt = Timestamps.now();
        couriers.flush();
        audit.record(new AuditLog.Change(shown == null ? "courier.updated" : "courier.secret_rotated", "courier", courier.id, before,
                describe(courier), null));
        return new Shown(courier, shown);
    }

    /** An active courier of the caller's organization by code. */
    public Courier activeByCode(String code, String field) {
        seed(caller.organizationId());
        return couriers.findByCode(caller.organizationId(), code).filter(c -> c.active)
                .orElseThrow(() -> ApiException.invalid(field, "is not an active courier"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Courier find(UUID id) {
        return id == null ? null : couriers.findById(id);
    }

    /** The seeded carriers, once per organization; racing callers insert each at most once. */
    private void seed(UUID organizationId) {
        if (couriers.count("organizationId", organizationId) > 0) {
            return;
        }
        Instant now = Timestamps.now();
        for (Seed seed : SEEDS) {
            couriers.getEntityManager().createNativeQuery("""
                            insert into couriers (id, organization_id, code, name, tracking_url_template, uses_tracking_numbers,
                              sends_events, signing_secret, active, version, created_at, updated_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, true, 0, ?9, ?9)
                            on conflict (organization_id, code) do nothing""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, organizationId).setParameter(3, seed.code())
                    .setParameter(4, seed.name()).setParameter(5, seed.template()).setParameter(6, seed.tracking())
                    .setParameter(7, seed.events()).setParameter(8, WebhookSignatures.newSecret())
                    // A microsecond apart, so the list shows them in the order above.
                    .setParameter(9, now.plusNanos(1000L * SEEDS.indexOf(seed)))
                    .executeUpdate();
        }
    }

    private static Courier newCourier(UUID organizationId, String code, String name, String template, boolean tracking, boolean events) {
        Courier courier = new Courier();
        courier.id = UUID.randomUUID();
        courier.organizationId = organizationId;
        courier.code = code;
        courier.name = name;
        courier.trackingUrlTemplate = template;
        courier.usesTrackingNumbers = tracking;
        courier.sendsEvents = events;
        courier.signingSecret = WebhookSignatures.newSecret();
        courier.active = true;
        courier.createdAt = Timestamps.now();
        courier.updatedAt = courier.createdAt;
        return courier;
    }

    private static Map<String, Object> describe(Courier courier) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("code", courier.code);
        state.put("name", courier.name);
        state.put("tracking_url_template", courier.trackingUrlTemplate);
        state.put("uses_tracking_numbers", courier.usesTrackingNumbers);
        state.put("sends_events", courier.sendsEvents);
        state.put("active", courier.active);
        return state;
    }
}
