package com.lotastro.customer;

import com.lotastro.shared.paging.Criteria;
import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CrmCustomers implements PanacheRepositoryBase<CrmCustomer, UUID> {

    public Optional<CrmCustomer> findByCrmId(UUID organizationId, UUID crmCustomerId) {
        return find("organizationId = ?1 and crmCustomerId = ?2", organizationId, crmCustomerId).firstResultOptional();
    }

    public Optional<CrmCustomer> lockByCrmId(UUID organizationId, UUID crmCustomerId) {
        return find("organizationId = ?1 and crmCustomerId = ?2", organizationId, crmCustomerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Page<CrmCustomer> search(UUID organizationId, String search, Boolean stale, Instant now, PageRequest page) {
        Criteria criteria = Criteria.forOrganization(organizationId)
                .condition("(lower(companyName) like :search or lower(uniqueCode) like :search)", "search",
                        search == null ? null : "%" + search.toLowerCase().replace("%", "\\\\%").replace("_", "\\\\_") + "%");
        if (stale != null) {
            criteria.condition(stale ? "staleAt <= :now" : "staleAt > :now", "now", now);
        }
        return criteria.page(this, page, c -> new Cursor(c.createdAt, c.id));
    }
}
