package com.lotastro.crm;

import com.lotastro.audit.AuditLog;
import com.lotastro.outbox.OutboxPublisher;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The integration switches of each organization, in one place for every path that obeys them: inbound CRM events,
 * outbound webhook delivery, the reconciler and look-ups in the CRM. Every flip is audited and announced.
 */
@ApplicationScoped
@Transactional
public class IntegrationFlagService {
    @Inject
    EntityManager em;

    @Inject
    CallerContext caller;

    @Inject
    AuditLog audit;

    @Inject
    OutboxPublisher outbox;

    public record Changes(Boolean inboundCrmEvents, Boolean outboundDelivery, Boolean reconciler, Boolean crmLookups) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IntegrationFlags current() {
        return of(caller.organizationId());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IntegrationFlags of(UUID organizationId) {
        IntegrationFlags flags = em.find(IntegrationFlags.class, organizationId);
        return flags == null ? IntegrationFlags.allOn(organizationId) : flags;
    }

    /** Organizations whose outbound delivery is switched off: their deliveries wait. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> withOutboundDeliveryOff() {
        return em.createQuery("select f.organizationId from IntegrationFlags f where f.outboundDelivery = false", UUID.class)
                .getResultList();
    }

    public IntegrationFlags put(Changes changes) {
        UUID organizationId = caller.organizationId();
        em.createNativeQuery("""
                        insert into integration_feature_flags (organization_id, inbound_crm_events, outbound_delivery, reconciler,
                                                               crm_lookups, version, updated_at)
                        values (:org, true, true, true, true, 0, :now) on conflict (organization_id) do nothing""")
                .setParameter("org", organizationId).setParameter("now", Timestamps.now()).executeUpdate();
        IntegrationFlags flags = em.find(IntegrationFlags.class, organizationId, LockModeType.PESSIMISTIC_WRITE);
        Map<String, Object> before = flags.describe();
        if (changes.inboundCrmEvents() != null) {
            flags.inboundCrmEvents = changes.inboundCrmEvents();
        }
        if (changes.outboundDelivery() != null) {
            flags.outboundDelivery = changes.outboundDelivery();
        }
        if (changes.reconciler() != null) {
            flags.reconciler = changes.reconciler();
        }
        if (changes.crmLookups() != null) {
            flags.crmLookups = changes.crmLookups();
        }
        if (before.equals(flags.describe())) {
            return flags;
        }
        flags.updatedAt = Timestamps.now();
        em.flush();
        UUID auditId = audit.record(new AuditLog.Change("integration_flags.updated", "integration_flags", organizationId,
                before, flags.describe(), null));
        outbox.publish(new OutboxPublisher.Event("integration_flags.updated", "integration_flags", organizationId,
                "updated." + auditId, flags.describe()));
        return flags;
    }
}
