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
public class CrmCustomers implements PanacheRepositoryBase<CrmCustomer, UUID> {
    /** Not a backslash: HQL and SQL string literals would each want it escaped differently. */
    private static final String LIKE_ESCAPE = "!";

    public Optional<CrmCustomer> findByCrmId(UUID organizationId, UUID crmCustomerId) {
        return find("organizationId = ?1 and crmCustomerId = ?2", organizationId, crmCustomerId).firstResultOptional();
    }

    public Optional<CrmCustomer> lockByCrmId(UUID organizationId, UUID crmCustomerId) {
        return find("organizationId = ?1 and crmCustomerId = ?2", organizationId, crmCustomerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Page<CrmCustomer> search(UUID organizationId, String search, Boolean stale, Instant now, PageRequest page) {
        Criteria criteria = Criteria.forOrganization(organizationId)
                .condition("(lower(companyName) like :search escape '" + LIKE_ESCAPE + "' or lower(uniqueCode) like :search escape '"
                        + LIKE_ESCAPE + "')", "search", search == null ? null : "%" + likeLiteral(search.toLowerCase(Locale.ROOT)) + "%");
        if (stale != null) {
            criteria.condition(stale ? "staleAt <= :now" : "staleAt > :now", "now", now);
        }
        return criteria.page(this, page, c -> new Cursor(c.createdAt, c.id));
    }

    /** Escapes LIKE's wildcards so the text is matched as typed: {@code 100%} finds "100%", not "1000". */
    static String likeLiteral(String text) {
        return text.replace(LIKE_ESCAPE, LIKE_ESCAPE + LIKE_ESCAPE)
                .replace("%", LIKE_ESCAPE + "%")
                .replace("_", LIKE_ESCAPE + "_");
    }
}
