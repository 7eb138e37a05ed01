package com.lotastro.invoice;

import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An invoice in one currency. Its lines change only while it is a draft; issuing gives it its number and due date.
 * The balance is the gross total less credit notes and allocated payments, and moves the status between issued,
 * partially_paid and paid.
 */
@Entity
@Table(name = "invoices")
public class Invoice {
    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "customer_id", nullable = false)
    public UUID customerId;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "number")
    public String number;
    @Convert(converter = InvoiceStatus.Converter.class)
    @Column(name = "status", nullable = false)
    public InvoiceStatus status;
    @Column(name = "currency", nullable = false)
    public String currency;
    @Column(name = "net_total", nullable = false, precision = 14, scale = 2)
    public BigDecimal netTotal;
    @Column(name = "tax_total", nullable = false, precision = 14, scale = 2)
    public BigDecimal taxTotal;
    @Column(name = "gross_total", nullable = false, precision = 14, scale = 2)
    public BigDecimal grossTotal;
    @Column(name = "credited_total", nullable = false, precision = 14, scale = 2)
    public BigDecimal creditedTotal;
    @Column(name = "paid_total", nullable = false, precision = 14, scale = 2)
    public BigDecimal paidTotal;
    @Column(name = "balance", nullable = false, precision = 14, scale = 2)
    public BigDecimal balance;
    @Column(name = "issue_date")
    public LocalDate issueDate;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Column(name = "notes")
    public String notes;
    @Column(name = "void_reason")
    public String voidReason;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Column(name = "voided_at")
    public Instant voidedAt;
    @Column(name = "overdue_marked_at")
    public Instant overdueMarkedAt;
    @Version
    @Column(name = "version", nullable = false)
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @OneToMany(mappedBy = "invoice", cascade = {CascadeType.PERSIST, CascadeType.REFRESH})
    @OrderBy("position")
    public List<InvoiceLine> lines = new ArrayList<>();

    /** A new draft with nothing on it yet. */
    public static Invoice draft(UUID organizationId, UUID customerId, UUID orderId, String currency, Instant at) {
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.organizationId = organizationId;
        invoice.customerId = customerId;
        invoice.orderId = orderId;
        invoice.currency = currency;
        invoice.status = InvoiceStatus.DRAFT;
        invoice.netTotal = Money.ZERO;
        invoice.taxTotal = Money.ZERO;
        invoice.grossTotal = Money.ZERO;
        invoice.creditedTotal = Money.ZERO;
        invoice.paidTotal = Money.ZERO;
        invoice.balance = Money.ZERO;
        invoice.createdAt = at;
        invoice.updatedAt = at;
        return invoice;
    }

    /** Adds a line at the end and works the totals out again. */
    public InvoiceLine addLine(String description, BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal discountPercent,
                               BigDecimal taxRate, String priceSource) {
        requireDraft();
        InvoiceLine line = new InvoiceLine();
        line.id = UUID.randomUUID();
        line.organizationId = organizationId;
        line.invoice = this;
        line.position = lines.size() + 1;
        line.description = description;
        line.unit = unit;
        line.priceSource = priceSource;
        line.price(quantity, unitPrice, discountPercent, taxRate);
        lines.add(line);
        recalculate();
        return line;
    }

    /** Totals are the sums of the rounded lines; the balance of a draft is its gross total. */
    public void recalculate() {
        netTotal = Money.sum(lines, l -> l.netAmount);
        taxTotal = Money.sum(lines, l -> l.taxAmount);
        grossTotal = Money.sum(lines, l -> l.grossAmount);
        if (grossTotal.compareTo(Money.MAX) > 0) {
            throw ApiException.invalid("lines", "add up to more than " + Money.MAX);
        }
        balance = grossTotal.subtract(creditedTotal).subtract(paidTotal);
    }

    public void requireDraft() {
        if (status != InvoiceStatus.DRAFT) {
            throw refused("its lines change only while it is a draft");
        }
    }

    /** Gives the invoice its number, issue and due dates; its lines never change again. */
    public void issue(String assignedNumber, LocalDate on, LocalDate due, Instant at) {
        requireCanMoveTo(InvoiceStatus.ISSUED);
        if (lines.isEmpty()) {
            throw ApiException.invalid("lines", "an invoice without lines cannot be issued");
        }
        if (due.isBefore(on)) {
            throw ApiException.invalid("due_date", "must not be before the issue date " + on);
        }
        number = assignedNumber;
        issueDate = on;
        dueDate = due;
        issuedAt = at;
        status = InvoiceStatus.ISSUED;
        updatedAt = at;
    }

    /** Voids a draft, or an issued invoice nothing is allocated to; a number it had stays used. */
    public void voidWith(String reason, Instant at) {
        requireCanMoveTo(InvoiceStatus.VOID);
        if (paidTotal.signum() > 0) {
            throw refused("payments are allocated to it; unreconcile them first");
        }
        voidReason = reason;
        voidedAt = at;
        status = InvoiceStatus.VOID;
        updatedAt = at;
    }

    /** Takes part of a payment: never more than the balance. */
    public void applyPayment(BigDecimal amount, Instant at) {
        requireOpen("take payments");
        if (amount.compareTo(balance) > 0) {
            throw new ApiException(ErrorCode.ALLOCATION_EXCEEDS_BALANCE, "Invoice " + number + " has a balance of " + balance + " "
                    + currency + "; " + amount + " is more");
        }
        paidTotal = paidTotal.add(amount);
        settle(at);
    }

    /** Gives back part of a payment (unreconciled, or refunded by a credit note). */
    public void removePayment(BigDecimal amount, Instant at) {
        if (amount.compareTo(paidTotal) > 0) {
            throw new IllegalArgumentException("Cannot take back " + amount + " of " + paidTotal + " paid");
        }
        paidTotal = paidTotal.subtract(amount);
        settle(at);
    }

    /**
     * Credits part of the invoice, never more than was invoiced and not yet credited. Returns the overpayment the
     * credit leaves (what was paid beyond what is now owed), which the caller refunds from the allocations.
     */
    public BigDecimal applyCredit(BigDecimal gross, Instant at) {
        requireOpen("be credited");
        BigDecimal creditable = grossTotal.subtract(creditedTotal);
        if (gross.compareTo(creditable) > 0) {
            throw new ApiException(ErrorCode.CREDIT_EXCEEDS_INVOICE, "Invoice " + number + " can be credited " + creditable + " "
                    + currency + " more; " + gross + " is more");
        }
        creditedTotal = creditedTotal.add(gross);
        BigDecimal overpaid = paidTotal.subtract(grossTotal.subtract(creditedTotal)).max(Money.ZERO);
        paidTotal = paidTotal.subtract(overpaid);
        settle(at);
        return overpaid;
    }

    /** Issued or partially paid, past its due date, something still owed. */
    public boolean isOverdue(LocalDate today) {
        return (status == InvoiceStatus.ISSUED || status == InvoiceStatus.PARTIALLY_PAID) && dueDate != null && dueDate.isBefore(today)
                && balance.signum() > 0;
    }

    /**
     * Marks the invoice overdue the first time it is found so; returns whether it was marked now (false when it is
     * not overdue on {@code today}, or was marked before: an invoice is announced as overdue once).
     */
    public boolean markOverdue(LocalDate today, Instant at) {
        if (overdueMarkedAt != null || !isOverdue(today)) {
            return false;
        }
        overdueMarkedAt = at;
        return true;
    }

    public List<InvoiceStatus> allowedNext() {
        return status.allowedNext().stream().filter(next -> next != InvoiceStatus.VOID || paidTotal.signum() == 0).toList();
    }

    private void settle(Instant at) {
        balance = grossTotal.subtract(creditedTotal).subtract(paidTotal);
        if (balance.signum() < 0) {
            throw new IllegalStateException("The balance of invoice " + number + " would be negative");
        }
        if (balance.signum() == 0) {
            status = InvoiceStatus.PAID;
        } else if (paidTotal.signum() > 0) {
            status = InvoiceStatus.PARTIALLY_PAID;
        } else {
            status = InvoiceStatus.ISSUED;
        }
        updatedAt = at;
    }

    private void requireOpen(String what) {
        if (!status.isOpenForSettlement()) {
            throw refused("only an issued invoice can " + what);
        }
    }

    public void requireCanMoveTo(InvoiceStatus next) {
        if (!status.allowedNext().contains(next)) {
            throw refused("it cannot become " + next.value());
        }
    }

    private ApiException refused(String why) {
        return new ApiException(ErrorCode.INVALID_TRANSITION, "Invoice " + (number == null ? id : number) + " is " + status.value()
                + "; " + why, List.of(), Map.of("allowed_next_states", allowedNext().stream().map(InvoiceStatus::value).toList()));
    }

    public Map<String, Object> describe() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("number", number);
        state.put("status", status.value());
        state.put("currency", currency);
        state.put("gross_total", grossTotal);
        state.put("credited_total", creditedTotal);
        state.put("paid_total", paidTotal);
        state.put("balance", balance);
        state.put("due_date", dueDate == null ? null : dueDate.toString());
        state.put("void_reason", voidReason);
        state.put("lines", lines.stream().map(InvoiceLine::describe).toList());
        return state;
    }
}
