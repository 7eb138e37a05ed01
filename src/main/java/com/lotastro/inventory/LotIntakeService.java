package com.lotastro.inventory;

import com.lotastro.audit.AuditLog;
import com.lotastro.catalog.CatalogItem;
import com.lotastro.catalog.CatalogItems;
import com.lotastro.outbox.OutboxPublisher;
import com.lotastro.shared.Meters;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.error.FieldError;
import com.lotastro.shared.security.CallerContext;
import com.lotastro.supply.SupplyRequestService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Receives a lot: the lot, its rolls and one INCOMING_RECEIPT per roll, all or nothing. */
@ApplicationScoped
@Transactional
public class LotIntakeService {
    @Inject
    CatalogItems catalogItems;

    @Inject
    InventoryLocks locks;

    @Inject
    Lots lots;

    @Inject
    Rolls rolls;

    @Inject
    InventoryLedger ledger;

    @Inject
    SupplyRequestService supplyRequests;

    @Inject
    AuditLog audit;

    @Inject
    OutboxPublisher outbox;

    @Inject
    CallerContext caller;

    public record Intake(String lotNumber, UUID catalogItemId, String qualityCode, String colorCode, Instant receivedAt,
                         UUID supplyRequestId, List<RollIntake> rolls) {
    }

    public record RollIntake(String barcode, BigDecimal meters) {
    }

    public record Received(Lot lot, List<Roll> rolls) {
    }

    public Received receive(Intake intake) {
        validate(intake);
        UUID organizationId = caller.organizationId();
        CatalogItem item = locks.lockItem(resolveItem(organizationId, intake));
        if (lots.lotNumberExists(organizationId, intake.lotNumber())) {
            throw new ApiException(ErrorCode.DUPLICATE_LOT_NUMBER, "Lot number " + intake.lotNumber() + " is already used");
        }
        refuseExistingBarcodes(organizationId, intake.rolls());
        if (intake.supplyRequestId() != null) {
            supplyRequests.requireReceivable(intake.supplyRequestId(), item.id);
        }

        Instant now = Timestamps.now();
        Lot lot = new Lot();
        lot.id = UUID.randomUUID();
        lot.organizationId = organizationId;
        lot.catalogItem = item;
        lot.lotNumber = intake.lotNumber();
        lot.receivedAt = intake.receivedAt();
        lot.supplyRequestId = intake.supplyRequestId();
        lot.createdAt = now;
        lots.persist(lot);

        List<Roll> received = new ArrayList<>();
        for (RollIntake rollIntake : intake.rolls()) {
            Roll roll = new Roll();
            roll.id = UUID.randomUUID();
            roll.organizationId = organizationId;
            roll.lot = lot;
            roll.catalogItemId = item.id;
            roll.barcode = rollIntake.barcode();
            roll.meters = Meters.of(BigDecimal.ZERO);
            roll.reservedMeters = Meters.of(BigDecimal.ZERO);
            roll.createdAt = now;
            roll.updatedAt = now;
            rolls.persist(roll);
            ledger.post(roll, new InventoryLedger.Movement(TransactionType.INCOMING_RECEIPT, Meters.of(rollIntake.meters()),
                    BigDecimal.ZERO, "lot", lot.id, null));
            received.add(roll);
        }
        lots.flush();

        Map<String, Object> state = describe(lot, received);
        audit.record(new AuditLog.Change("lot.received", "lot", lot.id, null, state, null));
        outbox.publish(new OutboxPublisher.Event("lot.received", "lot", lot.id, "received", state));
        return new Received(lot, received);
    }

    private void validate(Intake intake) {
        List<FieldError> errors = new ArrayList<>();
        boolean byId = intake.catalogItemId() != null;
        boolean byCodes = intake.qualityCode() != null || intake.colorCode() != null;
        if (byId == byCodes) {
            errors.add(new FieldError("catalog_item_id", "give either catalog_item_id or quality_code and color_code"));
        } else if (byCodes && (intake.qualityCode() == null || intake.colorCode() == null)) {
            errors.add(new FieldError(intake.qualityCode() == null ? "quality_code" : "color_code",
                    "is required together with " + (intake.qualityCode() == null ? "color_code" : "quality_code")));
        }
        Map<String, Integer> firstIndexOfBarcode = new HashMap<>();
        for (int i = 0; i < intake.rolls().size(); i++) {
            RollIntake roll = intake.rolls().get(i);
            Meters.checkScale("rolls[" + i + "].meters", roll.meters()).ifPresent(errors::add);
            Integer first = firstIndexOfBarcode.putIfAbsent(roll.barcode(), i);
            if (first != null) {
                errors.add(new FieldError("rolls[" + i + "].barcode", "repeats the barcode of rolls[" + first + "]"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private CatalogItem resolveItem(UUID organizationId, Intake intake) {
        if (intake.catalogItemId() != null) {
            return catalogItems.findInOrganization(organizationId, intake.catalogItemId())
                    .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_CATALOG_ITEM,
                            "No catalog item " + intake.catalogItemId(),
                            List.of(new FieldError("catalog_item_id", "is not a catalog item")), Map.of()));
        }
        return catalogItems.findByCodes(organizationId, intake.qualityCode(), intake.colorCode())
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_CATALOG_ITEM,
                        "No catalog item " + intake.qualityCode() + " / " + intake.colorCode(),
                        List.of(new FieldError("quality_code", "with color_code names no catalog item")), Map.of()));
    }

    private void refuseExistingBarcodes(UUID organizationId, List<RollIntake> intakeRolls) {
        List<String> barcodes = intakeRolls.stream().map(RollIntake::barcode).toList();
        List<String> taken = rolls.existingBarcodes(organizationId, barcodes);
        if (taken.isEmpty()) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < barcodes.size(); i++) {
            if (taken.contains(barcodes.get(i))) {
                errors.add(new FieldError("rolls[" + i + "].barcode", "is already used by another roll"));
            }
        }
        throw new ApiException(ErrorCode.DUPLICATE_BARCODE, "Barcodes already used: " + String.join(", ", taken), errors, Map.of());
    }

    private static Map<String, Object> describe(Lot lot, List<Roll> received) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("lot_id", lot.id);
        state.put("lot_number", lot.lotNumber);
        state.put("catalog_item_id", lot.catalogItem.id);
        state.put("quality_code", lot.catalogItem.qualityCode);
        state.put("color_code", lot.catalogItem.colorCode);
        state.put("received_at", lot.receivedAt.toString());
        state.put("supply_request_id", lot.supplyRequestId);
        state.put("rolls", received.stream().map(r -> Map.<String, Object>of("roll_id", r.id, "barcode", r.barcode, "meters", r.meters)).toList());
        state.put("total_meters", received.stream().map(r -> r.meters).reduce(BigDecimal.ZERO, BigDecimal::add));
        return state;
    }
}
