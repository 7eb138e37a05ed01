package com.lotastro.audit;

import com.lotastro.api.AuditApi;
import com.lotastro.api.model.AuditEventPageDto;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.RequiresScope;
import com.lotastro.shared.security.Scope;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.UUID;

public class AuditResource implements AuditApi {
    @Inject
    AuditQueries queries;

    @Override
    @RequiresScope(Scope.AUDIT_READ)
    public AuditEventPageDto listAuditEvents(String entityType, UUID entityId, String actor, String action,
                                             OffsetDateTime from, OffsetDateTime to, Integer limit, String cursor) {
        AuditEvents.Filter filter = new AuditEvents.Filter(entityType, entityId, actor, action,
                Timestamps.instant(from), Timestamps.instant(to));
        Page<AuditEvent> page = queries.search(filter, PageRequest.of(limit, cursor));
        return new AuditEventPageDto().data(page.map(AuditMapper::toDto).items()).nextCursor(page.nextCursor());
    }
}
