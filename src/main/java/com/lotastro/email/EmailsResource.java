package com.lotastro.email;

import com.lotastro.api.EmailsApi;
import com.lotastro.api.model.EmailPageDto;
import com.lotastro.api.model.EmailStatusDto;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.RequiresScope;
import com.lotastro.shared.security.Scope;
import jakarta.inject.Inject;

public class EmailsResource implements EmailsApi {
    @Inject
    EmailQueries queries;

    @Override
    @RequiresScope(Scope.ADMIN)
    public EmailPageDto listEmails(EmailStatusDto status, String kind, String recipient, Integer limit, String cursor) {
        Page<EmailMessage> page = queries.emails(status == null ? null : status.toString(), kind, recipient,
                PageRequest.of(limit, cursor));
        return new EmailPageDto().data(page.map(EmailMapper::toDto).items()).nextCursor(page.nextCursor());
    }
}
