package com.lotastro.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * What a customer's detail shows of its orders. Orders know customers, not the other way round: the order domain
 * implements this, so the customer package never reads order tables.
 */
public interface CustomerOrders {

    /** Counts of the orders of one CRM customer by where they stand; {@code lastOrderedAt} is null without orders. */
    record Summary(long total, long open, long shipped, long delivered, long cancelled, Instant lastOrderedAt) {
        public static final Summary NONE = new Summary(0, 0, 0, 0, 0, null);
    }

    Summary of(UUID organizationId, UUID crmCustomerId);
}
