package com.lotastro.order;

import com.lotastro.outbox.OutboxEventDelivered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * An override counts as told to the CRM once its {@code override.used} event was acknowledged (2xx) by a webhook
 * endpoint of its organization: the CRM hears of overrides only through the outbound webhooks. The first
 * acknowledgement sets {@code crm_notified} and its time; later ones (other endpoints, replays) keep them.
 */
@ApplicationScoped
public class OverrideNotifications {
    static final String OVERRIDE_USED = "override.used";

    @Inject
    ShipmentOverrides overrides;

    @Transactional(Transactional.TxType.MANDATORY)
    void delivered(@Observes OutboxEventDelivered delivered) {
        if (!OVERRIDE_USED.equals(delivered.eventType()) || delivered.aggregateId() == null) {
            return;
        }
        overrides.find("organizationId = ?1 and id = ?2", delivered.organizationId(), delivered.aggregateId())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .ifPresent(override -> override.notifiedCrm(delivered.deliveredAt()));
    }
}
