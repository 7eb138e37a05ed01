package com.lotastro.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * How a PO number is made, in one place: {@code PO-<year>-<six digits>}, counted per organization and year in a
 * counter row that the creating transaction locks (FOR UPDATE) and holds until it commits. A sequence would skip a
 * number on every rollback; the counter gives a rolled-back number to the next PO, so numbers are gap-free.
 */
@ApplicationScoped
public class PoNumbers {
    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public String next(UUID organizationId, int year) {
        em.createNativeQuery("""
                        insert into order_number_counters (organization_id, year, last_number) values (:org, :year, 0)
                        on conflict (organization_id, year) do nothing""")
                .setParameter("org", organizationId).setParameter("year", year).executeUpdate();
        int last = ((Number) em.createNativeQuery("""
                        select last_number from order_number_counters where organization_id = :org and year = :year for update""")
                .setParameter("org", organizationId).setParameter("year", year).getSingleResult()).intValue();
        int next = last + 1;
        em.createNativeQuery("update order_number_counters set last_number = :next where organization_id = :org and year = :year")
                .setParameter("next", next).setParameter("org", organizationId).setParameter("year", year).executeUpdate();
        return format(year, next);
    }

    static String format(int year, int number) {
        return String.format("PO-%04d-%06d", year, number);
    }
}
