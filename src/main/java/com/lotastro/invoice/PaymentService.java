package com.lotastro.invoice;

import com.lotastro.audit.AuditLog;
import com.lotastro.customer.CustomerDirectory;
import com.lotastro.outbox.OutboxPublisher;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Payments and their allocations to invoices. Locks are taken payment first, then its invoices in id order (credit
 * notes do the same), so two writers never wait for each other in a circle; the row locks are what keep a payment
 * from being allocated beyond its amount and an invoice from being paid beyond its balance.
 */
@ApplicationScoped
@Transactional
public class PaymentService {
    @Inject
    InvoiceRepositories.Payments payments;

    @Inject
    InvoiceRepositories.Invoices invoices;

    @Inject
    InvoiceRepositories.Allocations allocations;

    @Inject
    CustomerDirectory customers;

    @Inject
    AuditLog audit;

    @Inject
    OutboxPublisher outbox;

    @Inject
    CallerContext caller;

    public record NewPayment(UUID customerId, PaymentMethod method, BigDecimal amount, String currency, LocalDate receivedOn,
                             String reference) {
    }

    public record Part(UUID invoiceId, BigDecimal amount) {
    }

    public Payment create(NewPayment request) {
        InvoiceService.requireCurrency(request.currency());
        InvoiceService.requireDecimals("amount", request.amount(), 2);
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.organizationId = caller.organizationId();
        payment.customerId = customers.customer(request.customerId()).id();
        payment.method = request.method();
        payment.amount = Money.round(request.amount());
        payment.currency = request.currency();
        payment.receivedOn = request.receivedOn();
        payment.reference = request.reference();
        payment.allocatedAmount = Money.ZERO;
        payment.createdAt = Timestamps.now();
        payment.updatedAt = payment.createdAt;
        payments.persist(payment);
        payments.flush();
        audit.record(new AuditLog.Change("payment.created", "payment", payment.id, null, payment.describe(), null));
        return payment;
    }

    /** Allocates parts of the payment to invoices of its customer and currency; all or nothing. */
    public Payment allocate(UUID paymentId, List<Part> parts) {
        Payment payment = payments.lock(get(paymentId));
        Set<UUID> ids = new TreeSet<>();
        for (int i = 0; i < parts.size(); i++) {
            if (!ids.add(parts.get(i).invoiceId())) {
                throw ApiException.invalid("allocations[" + i + "].invoice_id", "names an invoice twice");
            }
            InvoiceService.requireDecimals("allocations[" + i + "].amount", parts.get(i).amount(), 2);
        }
        Map<UUID, Invoice> locked = invoices.lockAll(caller.organizationId(), ids).stream()
                .collect(Collectors.toMap(i -> i.id, Function.identity()));
        for (int i = 0; i < parts.size(); i++) {
            if (!locked.containsKey(parts.get(i).invoiceId())) {
                throw ApiException.invalid("allocations[" + i + "].invoice_id", "is not an invoice of this organization");
            }
        }
        Map<String, Object> before = payment.describe();
        Instant now = Timestamps.now();
        for (Part part : parts) {
            Invoice invoice = locked.get(part.invoiceId());
            payment.requireCanSettle(invoice);
            BigDecimal amount = Money.round(part.amount());
            payment.allocate(amount, now);
            invoice.applyPayment(amount, now);
            PaymentAllocation allocation = new PaymentAllocation();
            allocation.id = UUID.randomUUID();
            allocation.organizationId = payment.organizationId;
            allocation.paymentId = payment.id;
            allocation.invoiceId = invoice.id;
            allocation.amount = amount;
            allocation.createdAt = now;
            allocations.persist(allocation);
            Map<String, Object> payload = received(payment, invoice, allocation);
            outbox.publish(new OutboxPublisher.Event("payment.received", "payment", payment.id, "received-" + allocation.id, payload));
        }
        payments.flush();
        audit.record(new AuditLog.Change("payment.allocated", "payment", payment.id, before, describe(payment), null));
        return payment;
    }

    /** Unreconciles one allocation: the payment gets the amount back as unallocated, the invoice its balance. */
    public Payment unreconcile(UUID paymentId, UUID allocationId) {
        Payment payment = payments.lock(get(paymentId));
        PaymentAllocation allocation = allocations.find("id = ?1 and paymentId = ?2", allocationId, payment.id).firstResultOptional()
                .filter(PaymentAllocation::isActive).orElseThrow(() -> ApiException.notFound("allocation", allocationId));
        Invoice invoice = invoices.lockAll(caller.organizationId(), List.of(allocation.invoiceId)).get(0);
        Map<String, Object> before = describe(payment);
        Map<String, Object> invoiceBefore = invoice.describe();
        Instant now = Timestamps.now();
        payment.release(allocation.amount, now);
        invoice.removePayment(allocation.amount, now);
        allocation.removedAt = now;
        payments.flush();
        audit.record(new AuditLog.Change("payment.unreconciled", "payment", payment.id, before, describe(payment), null));
        audit.record(new AuditLog.Change("invoice.payment_removed", "invoice", invoice.id, invoiceBefore, invoice.describe(), null));
        Map<String, Object> payload = received(payment, invoice, allocation);
        outbox.publish(new OutboxPublisher.Event("payment.unreconciled", "payment", payment.id, "unreconciled-" + allocation.id, payload));
        return payment;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Payment get(UUID id) {
        return payments.findInOrganization(caller.organizationId(), id).orElseThrow(() -> ApiException.notFound("payment", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Payment> search(UUID customerId, String currency, PageRequest page) {
        return payments.search(caller.organizationId(), customerId, currency, page);
    }

    /** The payment's live allocations with the numbers of their invoices. */
    public record AllocationView(PaymentAllocation allocation, String invoiceNumber) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AllocationView> allocations(Payment payment) {
        List<PaymentAllocation> active = allocations.activeOfPayment(payment.id);
        Set<UUID> ids = new HashSet<>(active.stream().map(a -> a.invoiceId).toList());
        Map<UUID, String> numbers = ids.isEmpty() ? Map.of() : invoices.list("id in ?1", ids).stream()
                .collect(Collectors.toMap(i -> i.id, i -> i.number));
        return active.stream().map(a -> new AllocationView(a, numbers.get(a.invoiceId))).toList();
    }

    private Map<String, Object> describe(Payment payment) {
        Map<String, Object> state = payment.describe();
        state.put("allocations", allocations.activeOfPayment(payment.id).stream().map(a -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("allocation_id", a.id.toString());
            row.put("invoice_id", a.invoiceId.toString());
            row.put("amount", a.amount);
            return row;
        }).toList());
        return state;
    }

    private static Map<String, Object> received(Payment payment, Invoice invoice, PaymentAllocation allocation) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("payment_id", payment.id.toString());
        payload.put("allocation_id", allocation.id.toString());
        payload.put("invoice_id", invoice.id.toString());
        payload.put("invoice_number", invoice.number);
        payload.put("customer_id", payment.customerId.toString());
        payload.put("amount", allocation.amount);
        payload.put("currency", payment.currency);
        payload.put("method", payment.method.value());
        payload.put("reference", payment.reference);
        payload.put("invoice_status", invoice.status.value());
        payload.put("invoice_balance", invoice.balance);
        return payload;
    }
}
