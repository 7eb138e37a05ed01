package com.lotastro.inventory;

import com.lotastro.audit.AuditLog;
import com.lotastro.catalog.CatalogItem;
import com.lotastro.outbox.OutboxPublisher;
import com.lotastro.shared.Meters;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * MANUAL_CORRECTION of one roll, guarded so a roll never goes below zero nor below its reserved meters, and a loss
 * never silently takes meters that were promised (see {@link StockCommitments#absorbLoss}).
 */
@ApplicationScoped
@Transactional
public class CorrectionService {
    @Inject
    Rolls rolls;

    @Inject
    InventoryLocks locks;

    @Inject
    StockCommitments commitments;

    @Inject
    InventoryLedger ledger;

    @Inject
    AuditLog audit;

    @Inject
    OutboxPublisher outbox;

    @Inject
    CallerContext caller;

    /** acknowledgeShortage: record a loss even if it leaves promises unbacked (they are flagged for a decision). */
    public record Correction(UUID rollId, BigDecimal meters, String reason, boolean acknowledgeShortage) {
    }

    public InventoryTransaction correct(Correction correction) {
        Meters.requireScale("meters", correction.meters());
        if (correction.meters().signum() == 0) {
            throw ApiException.invalid("meters", "must not be zero");
        }
        if (correction.reason().isBlank()) {
            throw ApiException.invalid("reason", "must not be blank");
        }
        Roll roll = rolls.findInOrganization(caller.organizationId(), correction.rollId())
                .orElseThrow(() -> ApiException.notFound("roll", correction.rollId()));
        CatalogItem item = locks.lockItem(roll.lot.catalogItem);
        // A roll changes only under its item's lock: re-read now, it stays as read until commit.
        rolls.reload(roll);
        BigDecimal delta = Meters.of(correction.meters());
        BigDecimal after = roll.meters.add(delta);
        if (after.compareTo(roll.reservedMeters) < 0) {
            throw new ApiException(ErrorCode.INSUFFICIENT_ROLL_METERS, "Roll " + roll.barcode + " has " + roll.meters
                    + " m of which " + roll.reservedMeters + " m are reserved; a correction of " + delta
                    + " m would leave " + after + " m");
        }
        BigDecimal availableBefore = commitments.available(item.id);
        if (delta.signum() < 0) {
            // Before the roll lock: flagging promises locks reservations, which come before rolls in the lock order.
            commitments.absorbLoss(item, delta.negate(), correction.acknowledgeShortage(), correction.reason());
        }
        locks.lockRoll(roll);
        Map<String, Object> before = roll.auditState();
        InventoryTransaction transaction = ledger.post(roll, new InventoryLedger.Movement(TransactionType.MANUAL_CORRECTION,
                delta, BigDecimal.ZERO, "correction", null, correction.reason()));
        BigDecimal availableAfter = commitments.available(item.id);

        audit.record(new AuditLog.Change("roll.corrected", "roll", roll.id, before, roll.auditState(), correction.reason()));
        Map<String, Object> corrected = new LinkedHashMap<>(roll.auditState());
        corrected.put("roll_id", roll.id);
        corrected.put("lot_id", roll.lot.id);
        corrected.put("catalog_item_id", item.id);
        corrected.put("meters_delta", delta);
        corrected.put("reason", correction.reason());
        outbox.publish(new OutboxPublisher.Event("inventory.corrected", "roll", roll.id, "corrected." + transaction.id, corrected));
        announceLowStockCrossing(item, availableBefore, availableAfter, transaction);
        return transaction;
    }

    /** Emits inventory.low_stock when availability falls below the threshold, once per crossing. */
    private void announceLowStockCrossing(CatalogItem item, BigDecimal before, BigDecimal after, InventoryTransaction cause) {
        if (item.isLowStock(before) || !item.isLowStock(after)) {
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("catalog_item_id", item.id);
        payload.put("quality_code", item.qualityCode);
        payload.put("color_code", item.colorCode);
        payload.put("available_meters", after);
        payload.put("low_stock_threshold_meters", item.lowStockThresholdMeters);
        payload.put("inventory_transaction_id", cause.id);
        outbox.publish(new OutboxPublisher.Event("inventory.low_stock", "catalog_item", item.id, "low_stock." + cause.id, payload));
    }
}
