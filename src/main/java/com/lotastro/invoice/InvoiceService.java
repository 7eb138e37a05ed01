package com.lotastro.invoice;

import com.lotastro.audit.AuditLog;
import com.lotastro.customer.CustomerDirectory;
import com.lotastro.order.OrderBilling;
import com.lotastro.outbox.OutboxPublisher;
import com.lotastro.shared.IfMatch;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.error.FieldError;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Invoices: drafts from orders or by hand, line edits, issuing with a gap-free number, voiding, credit notes. */
@ApplicationScoped
@Transactional
public class InvoiceService {
    static final String INVOICE_SERIES = "INV";
    static final String CREDIT_NOTE_SERIES = "CN";

    @Inject
    InvoiceRepositories.Invoices invoices;

    @Inject
    InvoiceRepositories.Allocations allocations;

    @Inject
    InvoiceRepositories.Payments payments;

    @Inject
    InvoiceRepositories.CreditNotes creditNotes;

    @Inject
    InvoiceRepositories.NumberSeries series;

    @Inject
    OrderBilling orders;

    @Inject
    CustomerDirectory customers;

    @Inject
    InvoiceConfig config;

    @Inject
    AuditLog audit;

    @Inject
    OutboxPublisher outbox;

    @Inject
    CallerContext caller;

    public record NewLine(String description, String qualityCode, String colorCode, BigDecimal quantity, String unit,
                          BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxRate) {
    }

    public record LineChanges(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent,
                              BigDecimal taxRate) {
    }

    public record NewCreditLine(String description, BigDecimal netAmount, BigDecimal taxRate) {
    }

    /** A draft of a fulfilled, shipped or delivered order: one line per order line, the meters cut × the CRM deal price. */
    public Invoice createFromOrder(UUID orderId, UUID customerId, BigDecimal taxRate, BigDecimal discountPercent, String notes) {
        requireDecimals("tax_rate", taxRate, 2);
        requireDecimals("discount_percent", discountPercent, 2);
        OrderBilling.BillableOrder order = orders.lockBillable(orderId);
        if (invoices.find("orderId = ?1 and status <> ?2", order.id(), InvoiceStatus.VOID).firstResultOptional().isPresent()) {
            throw new ApiException(ErrorCode.ORDER_ALREADY_INVOICED, "Order " + order.poNumber() + " already has an invoice that is not void");
        }
        UUID customer = customerId != null ? customers.customer(customerId).id()
                : customers.linkedTo(order.crmCustomerId()).map(CustomerDirectory.CustomerRef::id)
                .orElseThrow(() -> ApiException.invalid("customer_id", "is needed: no customer is linked to the order's CRM customer"));
        List<OrderBilling.BillableLine> billed = order.lines().stream().filter(l -> l.shippedMeters().signum() > 0).toList();
        List<FieldError> unpriced = new ArrayList<>();
        for (int i = 0; i < billed.size(); i++) {
            OrderBilling.BillableLine line = billed.get(i);
            if (line.unitPrice() == null || line.currency() == null) {
                unpriced.add(new FieldError("lines[" + i + "]", "order line " + line.orderLineId() + " (" + line.qualityCode() + " "
                        + line.colorCode() + ", CRM deal line " + line.crmDealLineId() + ") has no unit price"));
            }
        }
        if (!unpriced.isEmpty()) {
            throw new ApiException(ErrorCode.PRICE_MISSING, unpriced.size() + " line(s) of order " + order.poNumber()
                    + " have no price on their CRM deal line", unpriced, Map.of());
        }
        if (billed.isEmpty()) {
            throw ApiException.invalid("order_id", "has no cut meters to invoice");
        }
        Set<String> currencies = new HashSet<>(billed.stream().map(OrderBilling.BillableLine::currency).toList());
        if (currencies.size() > 1) {
            throw new ApiException(ErrorCode.CURRENCY_MISMATCH, "The lines of order " + order.poNumber() + " are priced in "
                    + String.join(", ", currencies.stream().sorted().toList()) + "; an invoice has one currency");
        }
        Instant now = Timestamps.now();
        Invoice invoice = Invoice.draft(caller.organizationId(), customer, order.id(), billed.get(0).currency(), now);
        invoice.notes = notes;
        BigDecimal rate = taxRate == null ? config.defaultTaxRate() : taxRate;
        BigDecimal discount = discountPercent == null ? BigDecimal.ZERO : discountPercent;
        for (OrderBilling.BillableLine line : billed) {
            InvoiceLine added = invoice.addLine(line.qualityCode() + " " + line.colorCode() + " (" + order.poNumber() + ")",
                    line.shippedMeters(), "m", line.unitPrice(), discount, rate, InvoiceLine.FROM_CRM_DEAL_LINE);
            added.orderLineId = line.orderLineId();
            added.crmDealLineId = line.crmDealLineId();
            added.qualityCode = line.qualityCode();
            added.colorCode = line.colorCode();
        }
        return persistDraft(invoice);
    }

    /** A manual draft for a customer with free lines. */
    public Invoice createManual(UUID customerId, String currency, String notes, List<NewLine> lines) {
        requireCurrency(currency);
        UUID customer = customers.customer(customerId).id();
        Invoice invoice = Invoice.draft(caller.organizationId(), customer, null, currency, Timestamps.now());
        invoice.notes = notes;
        for (int i = 0; i < lines.size(); i++) {
            NewLine l = lines.get(i);
            requireLine("lines[" + i + "].", l.quantity(), l.unitPrice(), l.discountPercent(), l.taxRate());
        }
        for (NewLine line : lines) {
            InvoiceLine added = invoice.addLine(line.description(), line.quantity(), line.unit() == null ? "m" : line.unit(),
                    line.unitPrice(), line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent(),
                    line.taxRate() == null ? config.defaultTaxRate() : line.taxRate(), InvoiceLine.MANUAL);
            added.qualityCode = line.qualityCode();
            added.colorCode = line.colorCode();
        }
        return persistDraft(invoice);
    }

    /** Changes a line of a draft; If-Match carries the invoice's version. A changed price makes the line's price manual. */
    public Invoice updateLine(UUID invoiceId, UUID lineId, String ifMatch, LineChanges changes) {
        long expected = IfMatch.expectedVersion(ifMatch);
        requireLine("", changes.quantity(), changes.unitPrice(), changes.discountPercent(), changes.taxRate());
        Invoice invoice = invoices.lock(get(invoiceId));
        IfMatch.requireCurrent(expected, invoice.version, "invoice");
        invoice.requireDraft();
        InvoiceLine line = invoice.lines.stream().filter(l -> l.id.equals(lineId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("invoice line", lineId));
        Map<String, Object> before = invoice.describe();
        if (changes.description() != null) {
            line.description = changes.description();
        }
        if (changes.unitPrice() != null && changes.unitPrice().compareTo(line.unitPrice) != 0) {
            line.priceSource = InvoiceLine.MANUAL;
        }
        line.price(changes.quantity() == null ? line.quantity : changes.quantity(),
                changes.unitPrice() == null ? line.unitPrice : changes.unitPrice(),
                changes.discountPercent() == null ? line.discountPercent : changes.discountPercent(),
                changes.taxRate() == null ? line.taxRate : changes.taxRate());
        invoice.recalculate();
        invoice.updatedAt = Timestamps.now();
        invoices.flush();
        audit.record(new AuditLog.Change("invoice.line_updated", "invoice", invoice.id, before, invoice.describe(), null));
        return invoice;
    }

    /**
     * Issues a draft: the next number of the organization's INV series for the year, taken under the series row's lock
     * in this transaction (so numbers have no gaps), the due date from the request or the customer's payment terms.
     */
    public Invoice issue(UUID invoiceId, LocalDate requestedDueDate) {
        Invoice invoice = invoices.lock(get(invoiceId));
        invoice.requireCanMoveTo(InvoiceStatus.ISSUED);
        Map<String, Object> before = invoice.describe();
        Instant now = Timestamps.now();
        LocalDate today = today(now);
        LocalDate due = requestedDueDate;
        if (due == null) {
            String terms = customers.paymentTerms(invoice.customerId);
            due = PaymentTerms.dueDate(terms, today).orElseThrow(() -> ApiException.invalid("due_date",
                    "is needed: the customer's payment terms (" + (terms == null ? "none" : terms) + ") give no due date"));
        }
        if (invoice.lines.isEmpty()) {
            throw ApiException.invalid("lines", "an invoice without lines cannot be issued");
        }
        if (due.isBefore(today)) {
            throw ApiException.invalid("due_date", "must not be before the issue date " + today);
        }
        long next = series.next(invoice.organizationId, INVOICE_SERIES, today.getYear());
        invoice.issue(String.format("INV-%d-%06d", today.getYear(), next), today, due, now);
        invoices.flush();
        audit.record(new AuditLog.Change("invoice.issued", "invoice", invoice.id, before, invoice.describe(), null));
        Map<String, Object> payload = payload(invoice);
        payload.put("issue_date", invoice.issueDate.toString());
        payload.put("due_date", invoice.dueDate.toString());
        outbox.publish(new OutboxPublisher.Event("invoice.issued", "invoice", invoice.id, "issued", payload));
        return invoice;
    }

    /** Voids a draft or an issued invoice without allocated payments; its number, if any, stays used. */
    public Invoice voidInvoice(UUID invoiceId, String reason) {
        Invoice invoice = invoices.lock(get(invoiceId));
        Map<String, Object> before = invoice.describe();
        invoice.voidWith(reason, Timestamps.now());
        invoices.flush();
        audit.record(new AuditLog.Change("invoice.voided", "invoice", invoice.id, before, invoice.describe(), reason));
        Map<String, Object> payload = payload(invoice);
        payload.put("void_reason", reason);
        outbox.publish(new OutboxPublisher.Event("invoice.voided", "invoice", invoice.id, "voided", payload));
        return invoice;
    }

    /**
     * A numbered credit note against an issued invoice. It lowers the balance; when payments had settled more than is
     * now owed, the difference goes back to those payments (newest allocation first) as unallocated credit.
     */
    public CreditNote createCreditNote(UUID invoiceId, String reason, List<NewCreditLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            requireDecimals(lines.size() == 1 ? "amount" : "lines[" + i + "].net_amount", lines.get(i).netAmount(), 2);
            requireDecimals("tax_rate", lines.get(i).taxRate(), 2);
        }
        Invoice unlocked = get(invoiceId);
        // Payments before invoices: the lock order of allocations too.
        Set<UUID> paymentIds = new java.util.TreeSet<>(allocations.activeOfInvoice(unlocked.id).stream().map(a -> a.paymentId).toList());
        Map<UUID, Payment> locked = new LinkedHashMap<>();
        if (!paymentIds.isEmpty()) {
            payments.lockAll(paymentIds).forEach(p -> locked.put(p.id, p));
        }
        Invoice invoice = invoices.lock(unlocked);
        List<PaymentAllocation> active = allocations.activeOfInvoice(invoice.id);
        if (active.stream().anyMatch(a -> !locked.containsKey(a.paymentId))) {
            throw new ApiException(ErrorCode.CONCURRENT_MODIFICATION, "A payment was allocated to invoice " + invoice.number
                    + " meanwhile; send the credit note again");
        }
        Map<String, Object> before = invoice.describe();
        Instant now = Timestamps.now();
        CreditNote note = new CreditNote();
        note.id = UUID.randomUUID();
        note.organizationId = invoice.organizationId;
        note.invoiceId = invoice.id;
        note.currency = invoice.currency;
        note.reason = reason;
        note.createdAt = now;
        note.refundedToPayments = Money.ZERO;
        for (NewCreditLine line : lines) {
            note.addLine(line.description() == null ? "Credit on " + invoice.number : line.description(), line.netAmount(),
                    line.taxRate() == null ? config.defaultTaxRate() : line.taxRate());
        }
        BigDecimal overpaid = invoice.applyCredit(note.grossTotal, now);
        BigDecimal left = overpaid;
        List<PaymentAllocation> newestFirst = new ArrayList<>(active);
        newestFirst.sort(Comparator.comparing((PaymentAllocation a) -> a.createdAt).thenComparing(a -> a.id).reversed());
        for (PaymentAllocation allocation : newestFirst) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal take = left.min(allocation.amount);
            allocation.amount = allocation.amount.subtract(take);
            if (allocation.amount.signum() == 0) {
                allocation.removedAt = now;
            }
            locked.get(allocation.paymentId).release(take, now);
            left = left.subtract(take);
        }
        note.refundedToPayments = overpaid;
        note.number = String.format("CN-%d-%06d", today(now).getYear(),
                series.next(invoice.organizationId, CREDIT_NOTE_SERIES, today(now).getYear()));
        creditNotes.persist(note);
        invoices.flush();
        audit.record(new AuditLog.Change("invoice.credited", "invoice", invoice.id, before, invoice.describe(), reason));
        Map<String, Object> payload = payload(invoice);
        payload.put("credit_note_id", note.id.toString());
        payload.put("credit_note_number", note.number);
        payload.put("credited_amount", note.grossTotal);
        payload.put("refunded_to_payments", overpaid);
        outbox.publish(new OutboxPublisher.Event("credit_note.issued", "credit_note", note.id, "issued", payload));
        return note;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Invoice get(UUID id) {
        return invoices.findInOrganization(caller.organizationId(), id).orElseThrow(() -> ApiException.notFound("invoice", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Invoice> search(InvoiceStatus status, UUID customerId, Boolean overdue, LocalDate dueFrom, LocalDate dueTo, String number,
                                UUID orderId, PageRequest page) {
        return invoices.search(caller.organizationId(), new InvoiceRepositories.InvoiceFilter(status, customerId, overdue, dueFrom, dueTo,
                number, orderId, today(Timestamps.now())), page);
    }

    /** What the API shows with an invoice: its allocations, credit notes, PO number and whether it is overdue. */
    public record InvoiceView(Invoice invoice, List<PaymentAllocation> allocations, List<CreditNote> creditNotes, String poNumber,
                              boolean overdue) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InvoiceView view(Invoice invoice) {
        return new InvoiceView(invoice, allocations.activeOfInvoice(invoice.id), creditNotes.ofInvoice(invoice.id),
                invoice.orderId == null ? null : orders.poNumber(invoice.orderId), invoice.isOverdue(today(Timestamps.now())));
    }

    private Invoice persistDraft(Invoice invoice) {
        invoices.persist(invoice);
        invoices.flush();
        audit.record(new AuditLog.Change("invoice.created", "invoice", invoice.id, null, invoice.describe(), null));
        return invoice;
    }

    private LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, config.zone());
    }

    /** Refuses a number with more decimals than its column keeps (rounding it away would change what was asked). */
    static void requireDecimals(String field, BigDecimal value, int places) {
        if (value != null && value.stripTrailingZeros().scale() > places) {
            throw ApiException.invalid(field, "has at most " + places + " decimals");
        }
    }

    private static void requireLine(String prefix, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxRate) {
        requireDecimals(prefix + "quantity", quantity, 3);
        requireDecimals(prefix + "unit_price", unitPrice, 4);
        requireDecimals(prefix + "discount_percent", discountPercent, 2);
        requireDecimals(prefix + "tax_rate", taxRate, 2);
    }

    static void requireCurrency(String currency) {
        if (!Money.isCurrency(currency)) {
            throw ApiException.invalid("currency", "is not an ISO 4217 currency code");
        }
    }

    static Map<String, Object> payload(Invoice invoice) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("invoice_id", invoice.id.toString());
        payload.put("number", invoice.number);
        payload.put("status", invoice.status.value());
        payload.put("customer_id", invoice.customerId.toString());
        payload.put("order_id", invoice.orderId == null ? null : invoice.orderId.toString());
        payload.put("currency", invoice.currency);
        payload.put("gross_total", invoice.grossTotal);
        payload.put("balance", invoice.balance);
        return payload;
    }
}
