package com.lotastro.invoice;

import com.lotastro.audit.AuditLog;
import com.lotastro.outbox.OutboxPublisher;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Receipts of payments: checked (type by content, size), kept in the {@link ReceiptStore}, audited. */
@ApplicationScoped
@Transactional
public class ReceiptService {
    @ConfigMapping(prefix = "lotastro.receipts")
    public interface ReceiptConfig {
        /** The largest receipt accepted, in bytes. */
        @WithDefault("10485760")
        long maxBytes();
    }

    /** A file received for a payment: where it was spooled to, its size and the name the client gave it. */
    public record Upload(Path path, long size, String fileName) {
    }

    public record Download(ReceiptStore.Stored receipt, byte[] content) {
    }

    @Inject
    ReceiptStore store;

    @Inject
    ReceiptConfig config;

    @Inject
    PaymentService payments;

    @Inject
    InvoiceRepositories.Payments paymentRows;

    @Inject
    AuditLog audit;

    @Inject
    OutboxPublisher outbox;

    /** Attaches the receipt, replacing any earlier one; the same bytes again change nothing. */
    public ReceiptStore.Stored attach(UUID paymentId, Upload upload) {
        Payment payment = paymentRows.lock(payments.get(paymentId));
        if (upload == null) {
            throw ApiException.invalid("file", "is required: the receipt as the form part named file");
        }
        if (upload.size() > config.maxBytes()) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "A receipt may have at most " + config.maxBytes()
                    + " bytes; this one has " + upload.size());
        }
        Receipt receipt = Receipt.of(read(upload.path()), upload.fileName());
        Optional<ReceiptStore.Stored> earlier = store.describe(payment.organizationId, payment.id);
        if (earlier.isPresent() && earlier.get().sha256().equals(receipt.sha256())) {
            return earlier.get();
        }
        ReceiptStore.Stored stored = store.put(payment.organizationId, payment.id, receipt, Timestamps.now());
        audit.record(new AuditLog.Change(earlier.isPresent() ? "payment.receipt_replaced" : "payment.receipt_attached",
                "payment", payment.id, earlier.map(ReceiptService::describe).orElse(null), describe(stored), null));
        outbox.publish(new OutboxPublisher.Event("payment.receipt_attached", "payment", payment.id, "receipt-" + stored.sha256() + "-" + stored.uploadedAt().toEpochMilli(),
                describe(stored)));
        return stored;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Download download(UUID paymentId) {
        Payment payment = payments.get(paymentId);
        ReceiptStore.Stored stored = store.describe(payment.organizationId, payment.id)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "Payment " + paymentId + " has no receipt"));
        return new Download(stored, store.content(payment.organizationId, payment.id).orElseThrow());
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> describe(ReceiptStore.Stored stored) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("payment_id", stored.paymentId().toString());
        state.put("content_type", stored.contentType());
        state.put("size_bytes", stored.sizeBytes());
        state.put("sha256", stored.sha256());
        state.put("file_name", stored.fileName());
        return state;
    }
}
