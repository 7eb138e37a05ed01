package com.lotastro.inventory;

import com.lotastro.catalog.CatalogItem;

/**
 * The steps of the stock lock protocol that inventory changes take (item, then roll). One class implements the
 * whole protocol; see {@code com.lotastro.reservation.StockLocks}.
 */
public interface InventoryLocks {
    CatalogItem lockItem(CatalogItem item);

    Roll lockRoll(Roll roll);
}
