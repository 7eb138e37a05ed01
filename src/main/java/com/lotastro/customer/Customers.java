package com.lotastro.customer;

import com.lotastro.shared.paging.Criteria;
import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class Customers implements PanacheRepositoryBase<Customer, UUID> {

    /** Filters of the customer list; null means "any". */
    public record Filter(String search, String city, String rep, Boolean linked, String status) {
    }

    public Optional<Customer> findInOrganization(UUID organizationId, UUID id) {
        return find("organizationId = ?1 and id = ?2", organizationId, id).firstResultOptional();
    }

    public Optional<Customer> findByKey(UUID organizationId, String companyKey) {
        return find("organizationId = ?1 and companyKey = ?2", organizationId, companyKey).firstResultOptional();
    }

    public Optional<Customer> lockByCrmId(UUID organizationId, UUID crmCustomerId) {
        return find("organizationId = ?1 and crmCustomerId = ?2", organizationId, crmCustomerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Takes the customer's row lock: every change of a customer's book (defaults, primary roles) is made under it. */
    public Customer lock(Customer customer) {
        getEntityManager().flush();
        getEntityManager().refresh(customer, LockModeType.PESSIMISTIC_WRITE);
        return customer;
    }

    /**
     * Inserts the customer unless its organization already has one with its company key; true when inserted. A
     * caller racing with another for the same key waits for the other's commit and then finds its row: one customer.
     */
    public boolean insertUnlessKeyTaken(Customer c) {
        int inserted = getEntityManager().createNativeQuery("""
                        insert into customers (id, organization_id, company_name, company_key, unique_code, payment_terms,
                          tax_number, crm_customer_id, status, version, created_at, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, ?10, ?10)
                        on conflict (organization_id, company_key) do nothing""")
                .setParameter(1, c.id).setParameter(2, c.organizationId).setParameter(3, c.companyName)
                .setParameter(4, c.companyKey).setParameter(5, c.uniqueCode).setParameter(6, c.paymentTerms)
                .setParameter(7, c.taxNumber).setParameter(8, c.crmCustomerId).setParameter(9, c.status)
                .setParameter(10, c.createdAt)
                .executeUpdate();
        return inserted == 1;
    }

    public Page<Customer> search(UUID organizationId, Filter filter, PageRequest page) {
        Criteria criteria = Criteria.forOrganization(organizationId).eq("status", filter.status());
        if (filter.search() != null) {
            // A company key holds only A-Z and 0-9, so it can stand in the query text without any escaping.
            String key = CompanyKey.of(filter.search());
            criteria.clause(key.isEmpty() ? "1 = 0"
                    : "companyKey like '%" + key + "%' or upper(uniqueCode) like '%" + key + "%'");
        }
        criteria.condition("id in (select a.customerId from CustomerAddress a where lower(a.city) = :city)", "city",
                filter.city() == null ? null : filter.city().toLowerCase(Locale.ROOT));
        criteria.condition("id in (select r.customerId from RepAssignment r where r.rep = :rep and r.endedAt is null)", "rep",
                filter.rep());
        if (filter.linked() != null) {
            criteria.clause(filter.linked() ? "crmCustomerId is not null" : "crmCustomerId is null");
        }
        return criteria.page(this, page, c -> new Cursor(c.createdAt, c.id));
    }

}
