package com.lotastro.invoice;

import com.lotastro.shared.paging.Criteria;
import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The invoicing domain's tables. */
public final class InvoiceRepositories {
    private InvoiceRepositories() {
    }

    public record InvoiceFilter(InvoiceStatus status, UUID customerId, Boolean overdue, LocalDate dueFrom, LocalDate dueTo, String number,
                                UUID orderId, LocalDate today) {
    }

    @ApplicationScoped
    public static class Invoices implements PanacheRepositoryBase<Invoice, UUID> {
        private static final List<InvoiceStatus> OPEN = List.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID);

        public Optional<Invoice> findInOrganization(UUID organizationId, UUID id) {
            return find("organizationId = ?1 and id = ?2", organizationId, id).firstResultOptional();
        }

        /** Reloads the invoice under a row lock, with its lines (refresh cascades). */
        public Invoice lock(Invoice invoice) {
            EntityManager em = getEntityManager();
            em.flush();
            em.createNativeQuery("select id from invoices where id = ?1 for update").setParameter(1, invoice.id).getResultList();
            em.refresh(invoice);
            return invoice;
        }

        /** The invoices of this organization among the ids, locked in id order (one lock order for every writer). */
        public List<Invoice> lockAll(UUID organizationId, Collection<UUID> ids) {
            EntityManager em = getEntityManager();
            em.flush();
            em.createNativeQuery("select id from invoices where organization_id = ?1 and id in (?2) order by id for update")
                    .setParameter(1, organizationId).setParameter(2, ids).getResultList();
            List<Invoice> found = list("organizationId = ?1 and id in ?2 order by id", organizationId, ids);
            found.forEach(em::refresh);
            return found;
        }

        /** The ids of the organization's open invoices past due with a balance and not yet marked overdue, oldest due first. */
        public List<UUID> newlyOverdueIds(UUID organizationId, LocalDate today) {
            return getEntityManager().createQuery("select i.id from Invoice i where i.organizationId = :org and i.status in :open"
                            + " and i.balance > 0 and i.dueDate < :today and i.overdueMarkedAt is null order by i.dueDate, i.id", UUID.class)
                    .setParameter("org", organizationId).setParameter("open", OPEN).setParameter("today", today).getResultList();
        }

        public Page<Invoice> search(UUID organizationId, InvoiceFilter f, PageRequest page) {
            Criteria criteria = Criteria.forOrganization(organizationId).eq("status", f.status()).eq("customerId", f.customerId())
                    .eq("number", f.number()).eq("orderId", f.orderId())
                    .atLeast("dueDate", f.dueFrom()).condition("dueDate <= :dueTo", "dueTo", f.dueTo());
            if (Boolean.TRUE.equals(f.overdue())) {
                criteria.condition("status in :open and balance > 0 and dueDate < :today", "open", OPEN, "today", f.today());
            } else if (Boolean.FALSE.equals(f.overdue())) {
                criteria.condition("status not in :open or balance = 0 or dueDate is null or dueDate >= :today", "open", OPEN, "today",
                        f.today());
            }
            return criteria.page(this, page, i -> new Cursor(i.createdAt, i.id));
        }
    }

    @ApplicationScoped
    public static class Payments implements PanacheRepositoryBase<Payment, UUID> {
        public Optional<Payment> findInOrganization(UUID organizationId, UUID id) {
            return find("organizationId = ?1 and id = ?2", organizationId, id).firstResultOptional();
        }

        public Payment lock(Payment payment) {
            EntityManager em = getEntityManager();
            em.flush();
            em.createNativeQuery("select id from payments where id = ?1 for update").setParameter(1, payment.id).getResultList();
            em.refresh(payment);
            return payment;
        }

        /** The payments, locked in id order. */
        public List<Payment> lockAll(Collection<UUID> ids) {
            EntityManager em = getEntityManager();
            em.flush();
            em.createNativeQuery("select id from payments where id in (?1) order by id for update").setParameter(1, ids).getResultList();
            List<Payment> found = list("id in ?1 order by id", ids);
            found.forEach(em::refresh);
            return found;
        }

        public Page<Payment> search(UUID organizationId, UUID customerId, String currency, PageRequest page) {
            return Criteria.forOrganization(organizationId).eq("customerId", customerId).eq("currency", currency)
                    .page(this, page, p -> new Cursor(p.createdAt, p.id));
        }
    }

    @ApplicationScoped
    public static class Allocations implements PanacheRepositoryBase<PaymentAllocation, UUID> {
        public List<PaymentAllocation> activeOfInvoice(UUID invoiceId) {
            return list("invoiceId = ?1 and removedAt is null order by createdAt, id", invoiceId);
        }

        public List<PaymentAllocation> activeOfPayment(UUID paymentId) {
            return list("paymentId = ?1 and removedAt is null order by createdAt, id", paymentId);
        }
    }

    @ApplicationScoped
    public static class CreditNotes implements PanacheRepositoryBase<CreditNote, UUID> {
        public List<CreditNote> ofInvoice(UUID invoiceId) {
            return list("invoiceId = ?1 order by createdAt, id", invoiceId);
        }
    }

    /**
     * Gap-free number series: one counter row per organization, series and year, locked FOR UPDATE by the transaction
     * that issues the document. Other issuers wait for it; a rollback gives the number back.
     */
    @ApplicationScoped
    public static class NumberSeries implements PanacheRepositoryBase<Invoice, UUID> {
        public long next(UUID organizationId, String series, int year) {
            EntityManager em = getEntityManager();
            em.createNativeQuery("insert into number_series (organization_id, series, year, last_number) values (?1, ?2, ?3, 0) "
                    + "on conflict do nothing").setParameter(1, organizationId).setParameter(2, series).setParameter(3, year).executeUpdate();
            Number last = (Number) em.createNativeQuery("select last_number from number_series where organization_id = ?1 and series = ?2 "
                    + "and year = ?3 for update").setParameter(1, organizationId).setParameter(2, series).setParameter(3, year).getSingleResult();
            long next = last.longValue() + 1;
            em.createNativeQuery("update number_series set last_number = ?4 where organization_id = ?1 and series = ?2 and year = ?3")
                    .setParameter(1, organizationId).setParameter(2, series).setParameter(3, year).setParameter(4, next).executeUpdate();
            return next;
        }
    }
}
