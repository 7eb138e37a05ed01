package com.lotastro.invoice;

import com.lotastro.customer.CustomerDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** The PDF of an invoice of the caller's organization. */
@ApplicationScoped
@Transactional
public class InvoicePdfService {
    @Inject
    InvoiceService invoices;

    @Inject
    CustomerDirectory customers;

    @Inject
    SellerConfig seller;

    public byte[] render(UUID invoiceId) {
        Invoice invoice = invoices.get(invoiceId);
        InvoiceService.InvoiceView view = invoices.view(invoice);
        return InvoicePdf.render(seller, customers.billingDetails(invoice.customerId).orElse(null), view);
    }
}
