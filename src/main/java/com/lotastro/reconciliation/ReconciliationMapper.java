package com.lotastro.reconciliation;

import com.lotastro.api.model.FeatureFlagsDto;
import com.lotastro.api.model.FeatureFlagsUpdateDto;
import com.lotastro.api.model.SyncDiscrepancyDto;
import com.lotastro.api.model.SyncRunDto;
import com.lotastro.crm.IntegrationFlagService;
import com.lotastro.crm.IntegrationFlags;
import com.lotastro.shared.Timestamps;
import java.util.Map;

final class ReconciliationMapper {
    private ReconciliationMapper() {
    }

    static SyncRunDto toDto(SyncRun run) {
        return new SyncRunDto()
                .id(run.id)
                .type(SyncRunDto.TypeEnum.fromValue(run.type))
                .trigger(SyncRunDto.TriggerEnum.fromValue(run.trigger))
                .status(SyncRunDto.StatusEnum.fromValue(run.status))
                .checked(run.checked)
                .synced(run.synced)
                .failed(run.failed)
                .discrepancies(run.discrepancies.stream().map(ReconciliationMapper::toDto).toList())
                .startedAt(Timestamps.utc(run.createdAt))
                .finishedAt(Timestamps.utc(run.finishedAt));
    }

    private static SyncDiscrepancyDto toDto(Map<String, Object> found) {
        return new SyncDiscrepancyDto()
                .check(SyncDiscrepancyDto.CheckEnum.fromValue((String) found.get("check")))
                .entityType((String) found.get("entity_type"))
                .entityId((String) found.get("entity_id"))
                .expected((String) found.get("expected"))
                .actual((String) found.get("actual"))
                .healed((Boolean) found.get("healed"))
                .detail((String) found.get("detail"));
    }

    static FeatureFlagsDto toDto(IntegrationFlags flags) {
        return new FeatureFlagsDto()
                .inboundCrmEvents(flags.inboundCrmEvents)
                .outboundDelivery(flags.outboundDelivery)
                .reconciler(flags.reconciler)
                .crmLookups(flags.crmLookups)
                .version(flags.version)
                .updatedAt(Timestamps.utc(flags.updatedAt));
    }

    static IntegrationFlagService.Changes toChanges(FeatureFlagsUpdateDto body) {
        return new IntegrationFlagService.Changes(body.getInboundCrmEvents(), body.getOutboundDelivery(), body.getReconciler(),
                body.getCrmLookups());
    }
}
