package com.lotastro.inventory;

import com.lotastro.shared.TransactionClock;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * The only way a roll's meters change: each movement updates the roll and appends its ledger row together,
 * so the sum of the ledger per roll always equals the roll.
 */
@ApplicationScoped
public class InventoryLedger {
    @Inject
    InventoryTransactions transactions;

    @Inject
    CallerContext caller;

    /** A movement of one roll; deltas are signed. The caller has locked the roll and checked the result is valid. */
    public record Movement(TransactionType type, BigDecimal metersDelta, BigDecimal reservedDelta, String sourceType,
                           UUID sourceId, String reason) {
    }

    @Inject
    TransactionClock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public InventoryTransaction post(Roll roll, Movement movement) {
        BigDecimal meters = roll.meters.add(movement.metersDelta());
        BigDecimal reserved = roll.reservedMeters.add(movement.reservedDelta());
        if (reserved.signum() < 0 || reserved.compareTo(meters) > 0) {
            throw new IllegalStateException("Movement would break reserved <= meters on roll " + roll.id);
        }
        roll.meters = meters;
        roll.reservedMeters = reserved;
        // Every row of one transaction carries its one instant: as_of readings see the change whole or not at all.
        roll.updatedAt = clock.now();

        InventoryTransaction row = new InventoryTransaction();
        row.id = UUID.randomUUID();
        row.organizationId = roll.organizationId;
        row.type = movement.type();
        row.rollId = roll.id;
        row.lotId = roll.lot.id;
        row.catalogItemId = roll.catalogItemId;
        row.metersDelta = movement.metersDelta();
        row.reservedDelta = movement.reservedDelta();
        row.rollMetersAfter = meters;
        row.sourceType = movement.sourceType();
        row.sourceId = movement.sourceId();
        row.reason = movement.reason();
        row.actor = caller.actor();
        row.apiKeyId = caller.apiKeyId();
        row.createdAt = roll.updatedAt;
        transactions.persist(row);
        return row;
    }
}
