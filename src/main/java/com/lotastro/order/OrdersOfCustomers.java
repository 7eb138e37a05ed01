package com.lotastro.order;

import com.lotastro.customer.CustomerOrders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The order counts a customer's detail shows, in one aggregate over the organization's orders of that CRM customer. */
@ApplicationScoped
public class OrdersOfCustomers implements CustomerOrders {

    private static final String SUMMARY = """
            select count(*),
                   count(*) filter (where status in ('created', 'staged', 'picked', 'fulfilled')),
                   count(*) filter (where status = 'shipped'),
                   count(*) filter (where status = 'delivered'),
                   count(*) filter (where status = 'cancelled'),
                   max(created_at)
              from orders where organization_id = :organization and crm_customer_id = :customer""";

    @Inject
    EntityManager em;

    @Override
    public Summary of(UUID organizationId, UUID crmCustomerId) {
        if (crmCustomerId == null) {
            return Summary.NONE;
        }
        Object[] row = (Object[]) em.createNativeQuery(SUMMARY).setParameter("organization", organizationId)
                .setParameter("customer", crmCustomerId).getSingleResult();
        return new Summary(count(row[0]), count(row[1]), count(row[2]), count(row[3]), count(row[4]), instant(row[5]));
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime at) {
            return at.toInstant();
        }
        return (Instant) value;
    }
}
