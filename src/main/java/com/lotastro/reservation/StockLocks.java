package com.lotastro.reservation;

import com.lotastro.catalog.CatalogItem;
import com.lotastro.catalog.CatalogItems;
import com.lotastro.inventory.InventoryLocks;
import com.lotastro.inventory.Roll;
import com.lotastro.inventory.Rolls;
import com.lotastro.supply.SupplyRequest;
import com.lotastro.supply.SupplyRequestService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import com.lotastro.shared.TransactionClock;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stock lock protocol, and the only class that takes its locks. Every change of stock or promises locks, in
 * this order and each set sorted by id:
 * <ol>
 *   <li>catalog items: every item whose meters or promises the change may move;</li>
 *   <li>the supply request it plans from, reserves against or receives into;</li>
 *   <li>reservations;</li>
 *   <li>orders (a PO's row, taken by {@code order.PurchaseOrders#lock} after its reservation);</li>
 *   <li>rolls;</li>
 *   <li>the organization's PO number counter ({@code order.PoNumbers}), last.</li>
 * </ol>
 * Two changes therefore never wait on each other in a cycle, and because the item lock comes first, what an item
 * can still promise does not change while a change holds it. Each lock re-reads the row (and, for reservations,
 * their lines and allocations), so nothing read before the lock is acted on. Locking an item also enrols it in
 * the transaction's record of commitments ({@link Promises#recordOnCommit}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StockLocks implements InventoryLocks {
    @Inject
    CatalogItems catalogItems;

    @Inject
    SupplyRequestService supplyRequests;

    @Inject
    Reservations reservations;

    @Inject
    Rolls rolls;

    @Inject
    Promises promises;

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    TransactionClock clock;

    private static final Object LOCKED_ITEMS = new Object();

    /** Step 1: the items, by id. */
    public void items(Collection<CatalogItem> items) {
        Map<UUID, CatalogItem> byId = new LinkedHashMap<>();
        items.stream().sorted(Comparator.comparing((CatalogItem i) -> i.id)).forEach(i -> byId.putIfAbsent(i.id, i));
        Set<UUID> locked = lockedItems();
        byId.values().forEach(item -> {
            catalogItems.lockForStockMovement(item);
            promises.recordOnCommit(item);
            locked.add(item.id);
        });
        // The change's instant (its ledger rows and commitment records) is when it first holds its items: after every
        // change that held them before it committed, before any timestamp this change sets on what it changes.
        clock.now();
    }

    /** Items this transaction holds the lock of. */
    private Set<UUID> lockedItems() {
        @SuppressWarnings("unchecked")
        Set<UUID> locked = (Set<UUID>) transactions.getResource(LOCKED_ITEMS);
        if (locked == null) {
            locked = new HashSet<>();
            transactions.putResource(LOCKED_ITEMS, locked);
        }
        return locked;
    }

    @Override
    public CatalogItem lockItem(CatalogItem item) {
        items(List.of(item));
        return item;
    }

    /** Step 2: the supply request. */
    public SupplyRequest supply(SupplyRequest supply) {
        return supplyRequests.lock(supply);
    }

    /** Step 3: reservations, by id. */
    public void reservations(Collection<Reservation> toLock) {
        toLock.stream().distinct().sorted(Comparator.comparing((Reservation r) -> r.id)).forEach(reservations::lock);
    }

    public Reservation reservation(Reservation reservation) {
        return reservations.lock(reservation);
    }

    /**
     * Step 3 for changes that may touch every line of the reservations (release, revision, decisions). The items
     * were chosen from lines read before the lock; if a concurrent revision added a line of another item meanwhile,
     * this change would move that item's promises without its lock, so it is refused as a retryable conflict.
     */
    public void reservationsWithTheirItems(Collection<Reservation> toLock) {
        reservations(toLock);
        Set<UUID> locked = lockedItems();
        for (Reservation reservation : toLock) {
            if (reservation.lines.stream().anyMatch(line -> !locked.contains(line.catalogItem.id))) {
                throw new ApiException(ErrorCode.CONCURRENT_MODIFICATION, "Reservation " + reservation.id
                        + " gained a line while this request waited for it; retry");
            }
        }
    }

    public Reservation reservationWithItsItems(Reservation reservation) {
        reservationsWithTheirItems(List.of(reservation));
        return reservation;
    }

    /** Step 4: rolls of the organization by id; ids naming no roll are left out. */
    public Map<UUID, Roll> rolls(UUID organizationId, Collection<UUID> rollIds) {
        Map<UUID, Roll> locked = new LinkedHashMap<>();
        rollIds.stream().distinct().sorted().forEach(id -> rolls.findInOrganization(organizationId, id)
                .ifPresent(roll -> locked.put(id, rolls.lock(roll))));
        return locked;
    }

    /** Step 4, for rolls already loaded: in id order. */
    public void rolls(Collection<Roll> toLock) {
        toLock.stream().distinct().sorted(Comparator.comparing((Roll r) -> r.id)).forEach(rolls::lock);
    }

    @Override
    public Roll lockRoll(Roll roll) {
        return rolls.lock(roll);
    }

    /** Step 4 for auto-allocation: the item's rolls with free meters, oldest lot first (locked in one statement). */
    public List<Roll> freeRollsOf(UUID catalogItemId) {
        List<Roll> candidates = em.createQuery("""
                        select r from Roll r join fetch r.lot l where r.catalogItemId = :item and r.meters > r.reservedMeters
                        order by r.id""", Roll.class)
                .setParameter("item", catalogItemId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        return candidates.stream().sorted(Comparator.comparing((Roll r) -> r.lot.receivedAt)
                .thenComparing(r -> r.lot.createdAt).thenComparing(r -> r.lot.id).thenComparing(r -> r.barcode)).toList();
    }
}
