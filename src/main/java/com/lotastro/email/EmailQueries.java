package com.lotastro.email;

import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EmailQueries {
    @Inject
    EmailMessages messages;

    @Inject
    CallerContext caller;

    public Page<EmailMessage> emails(String status, String kind, String recipient, PageRequest page) {
        return messages.search(caller.organizationId(), status, kind, recipient, page);
    }
}
