package com.lotastro.inventory;

import com.lotastro.api.model.AvailabilityDto;
import com.lotastro.api.model.CommitmentDiscrepancyDto;
import com.lotastro.api.model.ConsistencyReportDto;
import com.lotastro.api.model.CorrectionDto;
import com.lotastro.api.model.DiscrepancyDto;
import com.lotastro.api.model.InventoryTransactionDto;
import com.lotastro.api.model.LotDto;
import com.lotastro.api.model.LotSummaryDto;
import com.lotastro.api.model.LotIntakeDto;
import com.lotastro.api.model.RollDto;
import com.lotastro.api.model.RollStatusDto;
import com.lotastro.api.model.TransactionTypeDto;
import com.lotastro.catalog.CatalogItem;
import com.lotastro.shared.Timestamps;
import java.util.List;

final class InventoryMapper {
    private InventoryMapper() {
    }

    static LotIntakeService.Intake toIntake(LotIntakeDto dto) {
        return new LotIntakeService.Intake(dto.getLotNumber(), dto.getCatalogItemId(), dto.getQualityCode(), dto.getColorCode(),
                Timestamps.instant(dto.getReceivedAt()), dto.getSupplyRequestId(),
                dto.getRolls().stream().map(r -> new LotIntakeService.RollIntake(r.getBarcode(), r.getMeters())).toList());
    }

    static CorrectionService.Correction toCorrection(CorrectionDto dto) {
        return new CorrectionService.Correction(dto.getRollId(), dto.getMeters(), dto.getReason(),
                Boolean.TRUE.equals(dto.getAcknowledgeShortage()));
    }

    static RollStatus toStatus(RollStatusDto dto) {
        return dto == null ? null : RollStatus.fromValue(dto.toString());
    }

    static TransactionType toType(TransactionTypeDto dto) {
        return dto == null ? null : TransactionType.valueOf(dto.toString());
    }

    /** A lot as lists show it, without its rolls. */
    static LotSummaryDto toSummary(InventoryQueries.LotView view) {
        Lot lot = view.lot();
        CatalogItem item = lot.catalogItem;
        return new LotSummaryDto()
                .id(lot.id)
                .lotNumber(lot.lotNumber)
                .catalogItemId(item.id)
                .qualityCode(item.qualityCode)
                .colorCode(item.colorCode)
                .receivedAt(Timestamps.utc(lot.receivedAt))
                .supplyRequestId(lot.supplyRequestId)
                .rollCount((int) view.totals().rollCount())
                .totalMeters(view.totals().meters())
                .createdAt(Timestamps.utc(lot.createdAt));
    }

    /** A single lot with its rolls: the summary's fields (the contract's Lot is LotSummary plus rolls) and the rolls. */
    static LotDto toDto(InventoryQueries.LotView view) {
        LotSummaryDto summary = toSummary(view);
        return new LotDto()
                .id(summary.getId())
                .lotNumber(summary.getLotNumber())
                .catalogItemId(summary.getCatalogItemId())
                .qualityCode(summary.getQualityCode())
                .colorCode(summary.getColorCode())
                .receivedAt(summary.getReceivedAt())
                .supplyRequestId(summary.getSupplyRequestId())
                .rollCount(summary.getRollCount())
                .totalMeters(summary.getTotalMeters())
                .createdAt(summary.getCreatedAt())
                .rolls(view.rolls().stream().map(InventoryMapper::toDto).toList());
    }

    static LotDto toDto(LotIntakeService.Received received) {
        List<Roll> rolls = received.rolls();
        Lots.Totals totals = new Lots.Totals(rolls.size(), rolls.stream().map(r -> r.meters).reduce(java.math.BigDecimal.ZERO,
                java.math.BigDecimal::add));
        return toDto(new InventoryQueries.LotView(received.lot(), totals, rolls));
    }

    static RollDto toDto(Roll roll) {
        CatalogItem item = roll.lot.catalogItem;
        return new RollDto()
                .id(roll.id)
                .lotId(roll.lot.id)
                .lotNumber(roll.lot.lotNumber)
                .catalogItemId(item.id)
                .qualityCode(item.qualityCode)
                .colorCode(item.colorCode)
                .barcode(roll.barcode)
                .meters(roll.meters)
                .reservedMeters(roll.reservedMeters)
                .freeMeters(roll.freeMeters())
                .status(RollStatusDto.fromValue(roll.status().value()))
                .createdAt(Timestamps.utc(roll.createdAt))
                .updatedAt(Timestamps.utc(roll.updatedAt));
    }

    static InventoryTransactionDto toDto(InventoryTransaction t) {
        return new InventoryTransactionDto()
                .id(t.id)
                .type(TransactionTypeDto.fromValue(t.type.name()))
                .rollId(t.rollId)
                .lotId(t.lotId)
                .catalogItemId(t.catalogItemId)
                .meters(t.metersDelta)
                .reservedMeters(t.reservedDelta)
                .rollMetersAfter(t.rollMetersAfter)
                .sourceType(t.sourceType)
                .sourceId(t.sourceId)
                .reason(t.reason)
                .actor(t.actor)
                .apiKeyId(t.apiKeyId)
                .createdAt(Timestamps.utc(t.createdAt));
    }

    static AvailabilityDto toDto(AvailabilityService.Availability a) {
        return new AvailabilityDto()
                .catalogItemId(a.catalogItemId())
                .qualityCode(a.qualityCode())
                .colorCode(a.colorCode())
                .onHandMeters(a.onHandMeters())
                .reservedMeters(a.reservedMeters())
                .promisedMeters(a.promisedMeters())
                .earmarkedMeters(a.earmarkedMeters())
                .availableMeters(a.availableMeters())
                .incomingMeters(a.incomingMeters())
                .lowStockThresholdMeters(a.lowStockThresholdMeters())
                .lowStock(a.lowStock());
    }

    static ConsistencyReportDto toDto(ConsistencyService.Report report) {
        return new ConsistencyReportDto()
                .checkedAt(Timestamps.utc(report.checkedAt()))
                .rollsChecked((int) report.rollsChecked())
                .healthy(report.healthy())
                .discrepancies(report.discrepancies().stream().map(d -> new DiscrepancyDto()
                        .rollId(d.rollId())
                        .barcode(d.barcode())
                        .lotId(d.lotId())
                        .rollMeters(d.rollMeters())
                        .ledgerMeters(d.ledgerMeters())
                        .rollReservedMeters(d.rollReservedMeters())
                        .ledgerReservedMeters(d.ledgerReservedMeters())).toList())
                .commitmentDiscrepancies(report.commitmentDiscrepancies().stream().map(d -> new CommitmentDiscrepancyDto()
                        .catalogItemId(d.catalogItemId())
                        .promisedMeters(d.now().promised())
                        .recordedPromisedMeters(d.recorded().promised())
                        .earmarkedMeters(d.now().earmarked())
                        .recordedEarmarkedMeters(d.recorded().earmarked())
                        .availableMeters(d.availableMeters())).toList());
    }
}
