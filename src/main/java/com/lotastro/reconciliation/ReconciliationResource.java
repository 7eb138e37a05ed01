package com.lotastro.reconciliation;

import com.lotastro.api.ReconciliationApi;
import com.lotastro.api.model.FeatureFlagsDto;
import com.lotastro.api.model.FeatureFlagsUpdateDto;
import com.lotastro.api.model.SyncRunDto;
import com.lotastro.api.model.SyncRunPageDto;
import com.lotastro.crm.IntegrationFlagService;
import com.lotastro.shared.idempotency.Idempotent;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.RequiresScope;
import com.lotastro.shared.security.Scope;
import jakarta.inject.Inject;
import java.util.UUID;

public class ReconciliationResource implements ReconciliationApi {
    @Inject
    Reconciler reconciler;

    @Inject
    IntegrationFlagService flags;

    @Override
    @Idempotent
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public SyncRunDto runSync(String idempotencyKey, String actor) {
        return ReconciliationMapper.toDto(reconciler.run(Reconciler.MANUAL));
    }

    @Override
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public SyncRunPageDto listSyncRuns(Integer limit, String cursor) {
        Page<SyncRun> page = reconciler.search(PageRequest.of(limit, cursor));
        return new SyncRunPageDto().data(page.map(ReconciliationMapper::toDto).items()).nextCursor(page.nextCursor());
    }

    @Override
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public SyncRunDto getSyncRun(UUID syncRunId) {
        return ReconciliationMapper.toDto(reconciler.get(syncRunId));
    }

    @Override
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public FeatureFlagsDto getFeatureFlags() {
        return ReconciliationMapper.toDto(flags.current());
    }

    @Override
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public FeatureFlagsDto putFeatureFlags(FeatureFlagsUpdateDto body, String actor) {
        return ReconciliationMapper.toDto(flags.put(ReconciliationMapper.toChanges(body)));
    }
}
