package com.lotastro.invoice;

import com.lotastro.api.InvoicesApi;
import com.lotastro.api.model.CreditNoteCreateDto;
import com.lotastro.api.model.InvoiceCreateDto;
import com.lotastro.api.model.InvoiceDto;
import com.lotastro.api.model.InvoiceFromOrderDto;
import com.lotastro.api.model.InvoiceIssueDto;
import com.lotastro.api.model.InvoiceLineUpdateDto;
import com.lotastro.api.model.InvoicePageDto;
import com.lotastro.api.model.InvoiceStatusDto;
import com.lotastro.api.model.InvoiceVoidDto;
import com.lotastro.shared.idempotency.Idempotent;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.RequiresScope;
import com.lotastro.shared.security.Scope;
import jakarta.inject.Inject;
import java.time.LocalDate;
import com.lotastro.shared.BinaryContent;
import java.io.File;
import java.util.UUID;

public class InvoicesResource implements InvoicesApi {
    @Inject
    InvoicePdfService pdfs;

    @Inject
    InvoiceService invoices;

    @Override
    @Idempotent
    @RequiresScope(Scope.INVOICES_WRITE)
    public InvoiceDto createInvoiceFromOrder(UUID orderId, InvoiceFromOrderDto body, String idempotencyKey, String actor) {
        return toDto(invoices.createFromOrder(orderId, body.getCustomerId(), body.getTaxRate(), body.getDiscountPercent(), body.getNotes()));
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.INVOICES_WRITE)
    public InvoiceDto createInvoice(InvoiceCreateDto body, String idempotencyKey, String actor) {
        return toDto(invoices.createManual(body.getCustomerId(), body.getCurrency(), body.getNotes(), InvoiceMapper.toLines(body.getLines())));
    }

    @Override
    @RequiresScope(Scope.INVOICES_READ)
    public InvoicePageDto listInvoices(InvoiceStatusDto status, UUID customerId, UUID orderId, Boolean overdue, LocalDate dueFrom,
                                       LocalDate dueTo, String number, Integer limit, String cursor) {
        Page<Invoice> page = invoices.search(InvoiceMapper.toStatus(status), customerId, overdue, dueFrom, dueTo, number, orderId,
                PageRequest.of(limit, cursor));
        return new InvoicePageDto().data(page.map(this::toDto).items()).nextCursor(page.nextCursor());
    }

    @Override
    @RequiresScope(Scope.INVOICES_READ)
    public InvoiceDto getInvoice(UUID invoiceId) {
        return toDto(invoices.get(invoiceId));
    }

    @Override
    @RequiresScope(Scope.INVOICES_READ)
    public File getInvoicePdf(UUID invoiceId) {
        return new BinaryContent(pdfs.render(invoiceId), "application/pdf");
    }

    @Override
    @RequiresScope(Scope.INVOICES_WRITE)
    public InvoiceDto updateInvoiceLine(UUID invoiceId, UUID lineId, String ifMatch, InvoiceLineUpdateDto body, String actor) {
        return toDto(invoices.updateLine(invoiceId, lineId, ifMatch, InvoiceMapper.toChanges(body)));
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.INVOICES_WRITE)
    public InvoiceDto issueInvoice(UUID invoiceId, InvoiceIssueDto body, String idempotencyKey, String actor) {
        return toDto(invoices.issue(invoiceId, body.getDueDate()));
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.INVOICES_WRITE)
    public InvoiceDto voidInvoice(UUID invoiceId, InvoiceVoidDto body, String idempotencyKey, String actor) {
        return toDto(invoices.voidInvoice(invoiceId, body.getReason()));
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.INVOICES_WRITE)
    public InvoiceDto createCreditNote(UUID invoiceId, CreditNoteCreateDto body, String idempotencyKey, String actor) {
        CreditNote note = invoices.createCreditNote(invoiceId, body.getReason(), InvoiceMapper.toCreditLines(body));
        return toDto(invoices.get(note.invoiceId));
    }

    private InvoiceDto toDto(Invoice invoice) {
        return InvoiceMapper.toDto(invoices.view(invoice));
    }
}
