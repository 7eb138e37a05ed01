package com.lotastro.email;

import com.lotastro.shared.paging.Criteria;
import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class EmailMessages implements PanacheRepositoryBase<EmailMessage, UUID> {

    /** Newest first. */
    public Page<EmailMessage> search(UUID organizationId, String status, String kind, String recipient, PageRequest page) {
        return Criteria.forOrganization(organizationId)
                .eq("status", status)
                .eq("kind", kind)
                .eq("recipients", recipient)
                .pageNewestFirst(this, page, m -> new Cursor(m.createdAt, m.id));
    }

    /** Pending emails whose next attempt is due. */
    public long countDue(UUID organizationId, Instant dueBy) {
        return count("organizationId = ?1 and status = ?2 and nextAttemptAt <= ?3", organizationId, EmailMessage.PENDING, dueBy);
    }
}
