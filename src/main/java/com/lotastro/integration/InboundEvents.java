package com.lotastro.integration;

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
public class InboundEvents implements PanacheRepositoryBase<InboundEvent, UUID> {

    public record Filter(String type, String outcome, Instant from, Instant to) {
    }

    /** The event row under a lock: a repeat of the same id waits here until the first delivery has finished. */
    public Optional<InboundEvent> lockByEventId(UUID organizationId, String eventId) {
        return find("organizationId = ?1 and eventId = ?2", organizationId, eventId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<InboundEvent> findInOrganization(UUID organizationId, UUID id) {
        return find("organizationId = ?1 and id = ?2", organizationId, id).firstResultOptional();
    }

    public Page<InboundEvent> search(UUID organizationId, Filter filter, PageRequest page) {
        return Criteria.forOrganization(organizationId)
                .eq("type", filter.type())
                .eq("status", filter.outcome())
                .atLeast("createdAt", filter.from())
                .before("createdAt", filter.to())
                .page(this, page, e -> new Cursor(e.createdAt, e.id));
    }
}
