package com.lotastro.outbox;

import com.lotastro.shared.paging.Criteria;
import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class OutboxEvents implements PanacheRepositoryBase<OutboxEvent, UUID> {

    public record Filter(String type, String aggregateType, UUID aggregateId) {
    }

    public Page<OutboxEvent> search(UUID organizationId, Filter filter, PageRequest page) {
        return Criteria.forOrganization(organizationId)
                .eq("type", filter.type())
                .eq("aggregateType", filter.aggregateType())
                .eq("aggregateId", filter.aggregateId())
                .page(this, page, e -> new Cursor(e.createdAt, e.id));
    }
}
