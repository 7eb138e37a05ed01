package com.lotastro.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WebhookAttempts implements PanacheRepositoryBase<WebhookAttempt, UUID> {
    public List<WebhookAttempt> ofDelivery(UUID deliveryId) {
        return list("deliveryId = ?1 order by attemptedAt, id", deliveryId);
    }
}
