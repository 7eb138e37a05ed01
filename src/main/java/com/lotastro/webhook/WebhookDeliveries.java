package com.lotastro.webhook;

import com.lotastro.shared.paging.Criteria;
import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class WebhookDeliveries implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    public record Filter(String status, String eventType, Instant from, Instant to) {
    }

    public Optional<WebhookDelivery> findInOrganization(UUID organizationId, UUID id) {
        return find("organizationId = ?1 and id = ?2", organizationId, id).firstResultOptional();
    }

    public Optional<WebhookDelivery> lockInOrganization(UUID organizationId, UUID id) {
        return find("organizationId = ?1 and id = ?2", organizationId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Page<WebhookDelivery> search(UUID organizationId, UUID endpointId, Filter filter, PageRequest page) {
        return Criteria.forOrganization(organizationId)
                .eq("endpointId", endpointId)
                .eq("status", filter.status())
                .eq("eventType", filter.eventType())
                .atLeast("createdAt", filter.from())
                .before("createdAt", filter.to())
                .page(this, page, d -> new Cursor(d.createdAt, d.id));
    }
}
