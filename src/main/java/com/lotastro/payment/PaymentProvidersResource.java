package com.lotastro.payment;

import com.lotastro.api.PaymentProvidersApi;
import com.lotastro.api.model.PaymentProviderDto;
import com.lotastro.api.model.PaymentProviderListDto;
import com.lotastro.api.model.PaymentProviderUpdateDto;
import com.lotastro.shared.security.RequiresScope;
import com.lotastro.shared.security.Scope;
import jakarta.inject.Inject;

public class PaymentProvidersResource implements PaymentProvidersApi {
    @Inject
    PaymentProviderService providers;

    @Override
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public PaymentProviderListDto listPaymentProviders() {
        return new PaymentProviderListDto().data(providers.list().stream().map(p -> PaymentProviderMapper.toDto(p, null)).toList());
    }

    @Override
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public PaymentProviderDto putPaymentProvider(String code, PaymentProviderUpdateDto body, String actor) {
        PaymentProviderService.Saved saved = providers.put(code, new PaymentProviderService.Changes(body.getWebhookSecret(), body.getEnabled()));
        return PaymentProviderMapper.toDto(saved.provider(), saved.generatedSecret());
    }

    @Override
    @RequiresScope(Scope.INTEGRATION_ADMIN)
    public PaymentProviderDto rotatePaymentProviderSecret(String code, String actor) {
        PaymentProviderService.Saved saved = providers.rotateSecret(code);
        return PaymentProviderMapper.toDto(saved.provider(), saved.generatedSecret());
    }
}
