package com.lotastro.inventory;

import com.lotastro.api.InventoryApi;
import com.lotastro.api.model.AvailabilityPageDto;
import com.lotastro.api.model.ConsistencyReportDto;
import com.lotastro.api.model.CorrectionDto;
import com.lotastro.api.model.InventoryTransactionDto;
import com.lotastro.api.model.InventoryTransactionPageDto;
import com.lotastro.api.model.LotDto;
import com.lotastro.api.model.LotIntakeDto;
import com.lotastro.api.model.LotPageDto;
import com.lotastro.api.model.RollDto;
import com.lotastro.api.model.RollPageDto;
import com.lotastro.api.model.RollStatusDto;
import com.lotastro.api.model.TransactionTypeDto;
import com.lotastro.shared.Meters;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.idempotency.Idempotent;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.RequiresScope;
import com.lotastro.shared.security.Scope;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

public class InventoryResource implements InventoryApi {
    @Inject
    LotIntakeService intake;

    @Inject
    CorrectionService corrections;

    @Inject
    InventoryQueries queries;

    @Inject
    AvailabilityService availability;

    @Inject
    ConsistencyService consistency;

    @Override
    @Idempotent
    @RequiresScope(Scope.INVENTORY_WRITE)
    public LotDto receiveLot(LotIntakeDto body, String idempotencyKey, String actor) {
        return InventoryMapper.toDto(intake.receive(InventoryMapper.toIntake(body)));
    }

    @Override
    @RequiresScope(Scope.INVENTORY_READ)
    public LotPageDto listLots(UUID catalogItemId, String qualityCode, String colorCode, String lotNumber, Integer limit, String cursor) {
        Page<InventoryQueries.LotView> page = queries.lots(new Lots.Filter(catalogItemId, qualityCode, colorCode, lotNumber),
                PageRequest.of(limit, cursor));
        return new LotPageDto().data(page.map(InventoryMapper::toSummary).items()).nextCursor(page.nextCursor());
    }

    @Override
    @RequiresScope(Scope.INVENTORY_READ)
    public LotDto getLot(UUID lotId) {
        return InventoryMapper.toDto(queries.lot(lotId));
    }

    @Override
    @RequiresScope(Scope.INVENTORY_READ)
    public RollPageDto listRolls(UUID lotId, String qualityCode, String colorCode, RollStatusDto status, BigDecimal minFreeMeters,
                                 Integer limit, String cursor) {
        Meters.checkScale("min_free_meters", minFreeMeters).ifPresent(e -> {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "min_free_meters " + e.message());
        });
        Rolls.Filter filter = new Rolls.Filter(lotId, qualityCode, colorCode, InventoryMapper.toStatus(status), minFreeMeters);
        Page<Roll> page = queries.rolls(filter, PageRequest.of(limit, cursor));
        return new RollPageDto().data(page.map(InventoryMapper::toDto).items()).nextCursor(page.nextCursor());
    }

    @Override
    @RequiresScope(Scope.INVENTORY_READ)
    public RollDto getRoll(UUID rollId) {
        return InventoryMapper.toDto(queries.roll(rollId));
    }

    @Override
    @RequiresScope(Scope.INVENTORY_READ)
    public AvailabilityPageDto getAvailability(String qualityCode, String colorCode, OffsetDateTime asOf, Integer limit, String cursor) {
        Page<AvailabilityService.Availability> page = availability.availability(
                new AvailabilityService.Filter(qualityCode, colorCode, Timestamps.instant(asOf)), PageRequest.of(limit, cursor));
        return new AvailabilityPageDto().asOf(asOf).data(page.map(InventoryMapper::toDto).items()).nextCursor(page.nextCursor());
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.INVENTORY_WRITE)
    public InventoryTransactionDto correctRoll(CorrectionDto body, String idempotencyKey, String actor) {
        return InventoryMapper.toDto(corrections.correct(InventoryMapper.toCorrection(body)));
    }

    @Override
    @RequiresScope(Scope.INVENTORY_READ)
    public InventoryTransactionPageDto listInventoryTransactions(UUID rollId, UUID lotId, UUID catalogItemId, TransactionTypeDto type,
                                                                 OffsetDateTime from, OffsetDateTime to, Integer limit, String cursor) {
        InventoryTransactions.Filter filter = new InventoryTransactions.Filter(rollId, lotId, catalogItemId,
                InventoryMapper.toType(type), Timestamps.instant(from), Timestamps.instant(to));
        Page<InventoryTransaction> page = queries.transactions(filter, PageRequest.of(limit, cursor));
        return new InventoryTransactionPageDto().data(page.map(InventoryMapper::toDto).items()).nextCursor(page.nextCursor());
    }

    @Override
    @RequiresScope(Scope.INVENTORY_READ)
    public ConsistencyReportDto checkConsistency() {
        return InventoryMapper.toDto(consistency.check());
    }
}
