package com.lotastro.payment;

import com.lotastro.api.model.PaymentProviderDto;
import com.lotastro.shared.Timestamps;

final class PaymentProviderMapper {
    private PaymentProviderMapper() {
    }

    static PaymentProviderDto toDto(PaymentProvider provider, String generatedSecret) {
        return new PaymentProviderDto()
                .code(provider.code)
                .enabled(provider.enabled)
                .webhookSecret(generatedSecret)
                .previousSecretValidUntil(provider.previousSecretValidUntil == null ? null
                        : Timestamps.utc(provider.previousSecretValidUntil))
                .createdAt(Timestamps.utc(provider.createdAt))
                .updatedAt(Timestamps.utc(provider.updatedAt));
    }
}
