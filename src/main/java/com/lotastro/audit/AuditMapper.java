package com.lotastro.audit;

import com.lotastro.api.model.AuditEventDto;
import com.lotastro.shared.Timestamps;

final class AuditMapper {
    private AuditMapper() {
    }

    static AuditEventDto toDto(AuditEvent e) {
        return new AuditEventDto()
                .id(e.id)
                .occurredAt(Timestamps.utc(e.createdAt))
                .actor(e.actor)
                .apiKeyId(e.apiKeyId)
                .action(e.action)
                .entityType(e.entityType)
                .entityId(e.entityId)
                .before(e.before)
                .after(e.after)
                .reason(e.reason);
    }
}
