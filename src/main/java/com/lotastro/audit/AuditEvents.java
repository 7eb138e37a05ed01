package com.lotastro.audit;

import com.lotastro.shared.paging.Criteria;
import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class AuditEvents implements PanacheRepositoryBase<AuditEvent, UUID> {

    public record Filter(String entityType, UUID entityId, String actor, String action, Instant from, Instant to) {
    }

    public Page<AuditEvent> search(UUID organizationId, Filter filter, PageRequest page) {
        return Criteria.forOrganization(organizationId)
                .eq("entityType", filter.entityType())
                .eq("entityId", filter.entityId())
                .eq("actor", filter.actor())
                .eq("action", filter.action())
                .atLeast("createdAt", filter.from())
                .before("createdAt", filter.to())
                .page(this, page, e -> new Cursor(e.createdAt, e.id));
    }
}
