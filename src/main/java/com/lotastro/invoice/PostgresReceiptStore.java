package com.lotastro.invoice;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Receipts in PostgreSQL: one row per payment, the bytes in a {@code bytea} column. */
@ApplicationScoped
public class PostgresReceiptStore implements ReceiptStore {
    @ApplicationScoped
    public static class Rows implements PanacheRepositoryBase<PaymentReceipt, UUID> {
        Optional<PaymentReceipt> ofPayment(UUID organizationId, UUID paymentId) {
            return find("organizationId = ?1 and paymentId = ?2", organizationId, paymentId).firstResultOptional();
        }
    }

    @Inject
    Rows rows;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Stored put(UUID organizationId, UUID paymentId, Receipt receipt, Instant at) {
        PaymentReceipt row = rows.ofPayment(organizationId, paymentId).orElse(null);
        if (row == null) {
            row = new PaymentReceipt();
            row.paymentId = paymentId;
            row.organizationId = organizationId;
        }
        row.contentType = receipt.contentType();
        row.sizeBytes = receipt.content().length;
        row.sha256 = receipt.sha256();
        row.fileName = receipt.fileName();
        row.content = receipt.content();
        row.uploadedAt = at;
        rows.persist(row);
        rows.flush();
        return describe(row);
    }

    @Override
    public Optional<Stored> describe(UUID organizationId, UUID paymentId) {
        return rows.ofPayment(organizationId, paymentId).map(PostgresReceiptStore::describe);
    }

    @Override
    public Optional<byte[]> content(UUID organizationId, UUID paymentId) {
        return rows.ofPayment(organizationId, paymentId).map(row -> row.content);
    }

    private static Stored describe(PaymentReceipt row) {
        return new Stored(row.paymentId, row.contentType, row.sizeBytes, row.sha256, row.fileName, row.uploadedAt);
    }
}
