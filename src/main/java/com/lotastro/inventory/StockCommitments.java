package com.lotastro.inventory;

import com.lotastro.catalog.CatalogItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What reservations hold of a catalog item's stock beyond the meters bound to rolls. The reservation domain owns
 * that rule and implements this; inventory asks it instead of reading reservation tables.
 */
public interface StockCommitments {

    /** Promised: on-hand promises not on rolls. Earmarked: received supply planned for reservations, not on rolls. */
    record Committed(BigDecimal promised, BigDecimal earmarked) {
        public static final Committed NONE = new Committed(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));

        public BigDecimal total() {
            return promised.add(earmarked);
        }
    }

    /** What an item's counters hold: on hand and bound (of its rolls), and its commitments. */
    record Counted(BigDecimal onHand, BigDecimal bound, Committed committed) {
    }

    /** Current commitments of the items, from their counters; items without any are absent. */
    Map<UUID, Committed> now(Collection<UUID> catalogItemIds);

    /** The items' counters as they stand; items never stocked nor promised are absent. */
    Map<UUID, Counted> counted(Collection<UUID> catalogItemIds);

    /** Current commitments summed over the detail rows the counters follow (slow: for checks, not for changes). */
    Map<UUID, Committed> summedFromDetails(Collection<UUID> catalogItemIds);

    /** Commitments as they stood at the instant, from their append-only record; items without any are absent. */
    Map<UUID, Committed> asOf(Collection<UUID> catalogItemIds, Instant asOf);

    /** The latest record of each item's commitments; items never recorded are absent. */
    Map<UUID, Committed> latestRecorded(Collection<UUID> catalogItemIds);

    /** Meters of the item nobody holds: on hand, less bound to rolls, less promised, less earmarked. */
    BigDecimal available(UUID catalogItemId);

    /**
     * Before on-hand meters of the item are lost (the caller holds the item lock and has not yet locked the roll):
     * when the loss would leave promises without stock, refuses with 409 {@code promises_unbacked} naming them, or,
     * when the loss was acknowledged, flags the newest of them for a shortage decision.
     */
    void absorbLoss(CatalogItem item, BigDecimal lost, boolean acknowledged, String reason);
}
