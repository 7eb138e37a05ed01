package com.lotastro.webhook;

import com.lotastro.shared.paging.Criteria;
import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class WebhookEndpoints implements PanacheRepositoryBase<WebhookEndpoint, UUID> {

    public Optional<WebhookEndpoint> findInOrganization(UUID organizationId, UUID id) {
        return find("organizationId = ?1 and id = ?2 and deleted = false", organizationId, id).firstResultOptional();
    }

    public Optional<WebhookEndpoint> lockInOrganization(UUID organizationId, UUID id) {
        return find("organizationId = ?1 and id = ?2 and deleted = false", organizationId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Page<WebhookEndpoint> search(UUID organizationId, Boolean enabled, PageRequest page) {
        return Criteria.forOrganization(organizationId)
                .clause("deleted = false")
                .eq("enabled", enabled)
                .page(this, page, e -> new Cursor(e.createdAt, e.id));
    }
}
