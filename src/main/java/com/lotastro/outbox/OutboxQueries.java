package com.lotastro.outbox;

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

    public OutboxEvents.FeedPage search(OutboxEvents.Filter filter, Integer limit, String cursor) {
        return events.feed(caller.organizationId(), filter, PageRequest.of(limit, null), cursor);
    }
}
