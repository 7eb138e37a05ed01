package com.lotastro.outbox;

import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OutboxQueries {
    @Inject
    OutboxEvents events;

    @Inject
    CallerContext caller;

    public Page<OutboxEvent> search(OutboxEvents.Filter filter, PageRequest page) {
        return events.search(caller.organizationId(), filter, page);
    }
}
