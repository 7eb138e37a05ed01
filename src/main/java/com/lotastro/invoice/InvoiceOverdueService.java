package com.lotastro.invoice;

import com.lotastro.audit.AuditLog;
import com.lotastro.customer.CustomerDirectory;
import com.lotastro.email.EmailOutbox;
import com.lotastro.outbox.OutboxPublisher;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.jobs.JobSummary;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Marks the invoices that became overdue (issued or partially paid, due before today in the invoicing zone, something
 * still owed), once per invoice: each is marked, audited, announced as {@code invoice.overdue} and accounting is
 * emailed, all in one transaction with the mark.
 */
@ApplicationScoped
public class InvoiceOverdueService {
    @Inject
    InvoiceRepositories.Invoices invoices;

    @Inject
    CustomerDirectory customers;

    @Inject
    InvoiceConfig config;

    @Inject
    EmailOutbox emails;

    @Inject
    AuditLog audit;

    @Inject
    OutboxPublisher outbox;

    @Inject
    CallerContext caller;

    @Transactional
    public JobSummary markNewlyOverdue() {
        Instant now = Timestamps.now();
        LocalDate today = LocalDate.ofInstant(now, config.zone());
        List<UUID> candidates = invoices.newlyOverdueIds(caller.organizationId(), today);
        long marked = 0;
        long queued = 0;
        if (!candidates.isEmpty()) {
            // Locked in id order, like allocations do; a payment allocated meanwhile is seen before deciding.
            for (Invoice invoice : invoices.lockAll(caller.organizationId(), candidates)) {
                Map<String, Object> before = invoice.describe();
                if (!invoice.markOverdue(today, now)) {
                    continue;
                }
                marked++;
                Map<String, Object> after = invoice.describe();
                after.put("overdue_marked_at", now.toString());
                audit.record(new AuditLog.Change("invoice.overdue", "invoice", invoice.id, before, after, null));
                long daysOverdue = invoice.dueDate.until(today, java.time.temporal.ChronoUnit.DAYS);
                Map<String, Object> payload = InvoiceService.payload(invoice);
                payload.put("issue_date", invoice.issueDate.toString());
                payload.put("due_date", invoice.dueDate.toString());
                payload.put("days_overdue", daysOverdue);
                outbox.publish(new OutboxPublisher.Event("invoice.overdue", "invoice", invoice.id, "overdue", payload));
                if (emails.enqueue(email(invoice, daysOverdue))) {
                    queued++;
                }
            }
            invoices.flush();
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("newly_overdue", marked);
        counts.put("emails_queued", queued);
        return JobSummary.succeeded(counts);
    }

    private EmailOutbox.Draft email(Invoice invoice, long daysOverdue) {
        String customer = customers.billingDetails(invoice.customerId).map(CustomerDirectory.BillingDetails::companyName).orElse("-");
        String subject = "[LotAstro] Invoice overdue: " + invoice.number + ", " + customer + ", " + invoice.balance + " "
                + invoice.currency + " due " + invoice.dueDate;
        String body = "This invoice is past its due date and not fully paid.\n\n"
                + "Invoice: " + invoice.number + " (" + invoice.id + ")\n"
                + "Customer: " + customer + " (" + invoice.customerId + ")\n"
                + "Status: " + invoice.status.value() + "\n"
                + "Issued: " + invoice.issueDate + "\n"
                + "Due: " + invoice.dueDate + " (" + daysOverdue + " day(s) ago)\n"
                + "Gross total: " + invoice.grossTotal + " " + invoice.currency + "\n"
                + "Paid: " + invoice.paidTotal + " " + invoice.currency + "\n"
                + "Credited: " + invoice.creditedTotal + " " + invoice.currency + "\n"
                + "Balance due: " + invoice.balance + " " + invoice.currency + "\n";
        return new EmailOutbox.Draft("invoice.overdue", config.accountingEmail().orElse(List.of()), subject, body,
                "invoice-overdue:" + invoice.id);
    }
}
