package com.lotastro.invoice;

import com.lotastro.api.model.PaymentReceiptDto;
import com.lotastro.shared.Timestamps;

final class PaymentReceiptMapper {
    private PaymentReceiptMapper() {
    }

    static PaymentReceiptDto toDto(ReceiptStore.Stored stored) {
        return new PaymentReceiptDto()
                .paymentId(stored.paymentId())
                .contentType(PaymentReceiptDto.ContentTypeEnum.fromValue(stored.contentType()))
                .sizeBytes(stored.sizeBytes())
                .sha256(stored.sha256())
                .fileName(stored.fileName())
                .uploadedAt(Timestamps.utc(stored.uploadedAt()));
    }
}
