package com.lotastro.invoice;

import com.lotastro.api.PaymentsApi;
import com.lotastro.api.model.AllocationCreateDto;
import com.lotastro.api.model.PaymentCreateDto;
import com.lotastro.api.model.PaymentDto;
import com.lotastro.api.model.PaymentPageDto;
import com.lotastro.api.model.PaymentReceiptDto;
import com.lotastro.shared.BinaryContent;
import com.lotastro.shared.idempotency.Idempotent;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.RequiresScope;
import com.lotastro.shared.security.Scope;
import jakarta.inject.Inject;
import java.io.File;
import java.util.UUID;
import org.jboss.resteasy.reactive.multipart.FileUpload;

public class PaymentsResource implements PaymentsApi {
    @Inject
    PaymentService payments;

    @Inject
    ReceiptService receipts;

    @Override
    @Idempotent
    @RequiresScope(Scope.PAYMENTS_WRITE)
    public PaymentDto createPayment(PaymentCreateDto body, String idempotencyKey, String actor) {
        return toDto(payments.create(InvoiceMapper.toPayment(body)));
    }

    @Override
    @RequiresScope(Scope.PAYMENTS_READ)
    public PaymentPageDto listPayments(UUID customerId, String currency, Integer limit, String cursor) {
        Page<Payment> page = payments.search(customerId, currency, PageRequest.of(limit, cursor));
        return new PaymentPageDto().data(page.map(this::toDto).items()).nextCursor(page.nextCursor());
    }

    @Override
    @RequiresScope(Scope.PAYMENTS_READ)
    public PaymentDto getPayment(UUID paymentId) {
        return toDto(payments.get(paymentId));
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.PAYMENTS_WRITE)
    public PaymentDto allocatePayment(UUID paymentId, AllocationCreateDto body, String idempotencyKey, String actor) {
        return toDto(payments.allocate(paymentId, body.getAllocations().stream()
                .map(a -> new PaymentService.Part(a.getInvoiceId(), a.getAmount())).toList()));
    }

    @Override
    @RequiresScope(Scope.PAYMENTS_WRITE)
    public PaymentDto unreconcileAllocation(UUID paymentId, UUID allocationId, String actor) {
        return toDto(payments.unreconcile(paymentId, allocationId));
    }

    @Override
    @RequiresScope(Scope.PAYMENTS_WRITE)
    public PaymentReceiptDto uploadPaymentReceipt(UUID paymentId, FileUpload file, String actor) {
        return PaymentReceiptMapper.toDto(receipts.attach(paymentId,
                file == null ? null : new ReceiptService.Upload(file.uploadedFile(), file.size(), file.fileName())));
    }

    @Override
    @RequiresScope(Scope.PAYMENTS_READ)
    public File getPaymentReceipt(UUID paymentId) {
        ReceiptService.Download download = receipts.download(paymentId);
        return new BinaryContent(download.content(), download.receipt().contentType());
    }

    private PaymentDto toDto(Payment payment) {
        return InvoiceMapper.toDto(payment, payments.allocations(payment));
    }
}
