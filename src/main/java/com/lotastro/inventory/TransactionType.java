package com.lotastro.inventory;

/** Kinds of movement in the inventory ledger. */
public enum TransactionType {
    INCOMING_RECEIPT,
    STOCK_ADJUSTMENT,
    ORDER_FULFILLMENT,
    MANUAL_CORRECTION,
    RESERVATION_ALLOCATION,
    RESERVATION_RELEASE,
    TRANSFER_OUT,
    TRANSFER_IN
}
