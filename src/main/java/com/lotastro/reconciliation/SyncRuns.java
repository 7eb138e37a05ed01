package com.lotastro.reconciliation;

import com.lotastro.shared.paging.Criteria;
import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SyncRuns implements PanacheRepositoryBase<SyncRun, UUID> {
    public Optional<SyncRun> findInOrganization(UUID organizationId, UUID id) {
        return find("organizationId = ?1 and id = ?2", organizationId, id).firstResultOptional();
    }

    public Page<SyncRun> search(UUID organizationId, PageRequest page) {
        return Criteria.forOrganization(organizationId).pageNewestFirst(this, page, r -> new Cursor(r.createdAt, r.id));
    }
}
