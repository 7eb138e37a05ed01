package com.lotastro.supply;

import com.lotastro.api.SupplyApi;
import com.lotastro.api.model.SupplyHistoryPageDto;
import com.lotastro.api.model.SupplyRequestCreateDto;
import com.lotastro.api.model.SupplyRequestDto;
import com.lotastro.api.model.SupplyRequestPageDto;
import com.lotastro.api.model.SupplyStatusDto;
import com.lotastro.api.model.SupplySummaryDto;
import com.lotastro.api.model.SupplyTransitionDto;
import com.lotastro.api.model.SupplyTypeDto;
import com.lotastro.shared.idempotency.Idempotent;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.RequiresScope;
import com.lotastro.shared.security.Scope;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public class SupplyResource implements SupplyApi {
    @Inject
    SupplyRequestService supply;

    @Override
    @Idempotent
    @RequiresScope(Scope.SUPPLY_WRITE)
    public SupplyRequestDto createSupplyRequest(SupplyRequestCreateDto body, String idempotencyKey, String actor) {
        return withReceived(supply.create(SupplyMapper.toCommand(body)));
    }

    @Override
    @RequiresScope(Scope.SUPPLY_READ)
    public SupplyRequestDto getSupplyRequest(UUID supplyRequestId) {
        return withReceived(supply.get(supplyRequestId));
    }

    @Override
    @RequiresScope(Scope.SUPPLY_READ)
    public SupplyRequestPageDto listSupplyRequests(SupplyTypeDto type, SupplyStatusDto status, String qualityCode, String colorCode,
                                                   UUID crmSupplyRequestId, LocalDate etaFrom, LocalDate etaTo, Integer limit,
                                                   String cursor) {
        SupplyRequests.Filter filter = new SupplyRequests.Filter(SupplyMapper.toType(type), SupplyMapper.toStatus(status),
                qualityCode, colorCode, crmSupplyRequestId, etaFrom, etaTo);
        Page<SupplyRequest> page = supply.search(filter, PageRequest.of(limit, cursor));
        Map<UUID, BigDecimal> received = supply.receivedMeters(page.items().stream().map(r -> r.id).toList());
        return new SupplyRequestPageDto()
                .data(page.map(r -> SupplyMapper.toDto(r, received.get(r.id))).items())
                .nextCursor(page.nextCursor());
    }

    @Override
    @RequiresScope(Scope.SUPPLY_READ)
    public SupplySummaryDto getSupplySummary() {
        return new SupplySummaryDto().data(SupplyMapper.toSummary(supply.figures()));
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.SUPPLY_WRITE)
    public SupplyRequestDto transitionSupplyRequest(UUID supplyRequestId, SupplyTransitionDto body, String idempotencyKey, String actor) {
        return withReceived(supply.transition(supplyRequestId, SupplyMapper.toTransition(body)));
    }

    @Override
    @RequiresScope(Scope.SUPPLY_READ)
    public SupplyHistoryPageDto listSupplyRequestHistory(UUID supplyRequestId, Integer limit, String cursor) {
        Page<SupplyStatusChange> page = supply.history(supplyRequestId, PageRequest.of(limit, cursor));
        return new SupplyHistoryPageDto().data(page.map(SupplyMapper::toDto).items()).nextCursor(page.nextCursor());
    }

    private SupplyRequestDto withReceived(SupplyRequest request) {
        return SupplyMapper.toDto(request, supply.receivedMeters(List.of(request.id)).get(request.id));
    }
}
