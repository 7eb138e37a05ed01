package com.lotastro.payment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PaymentProviders implements PanacheRepositoryBase<PaymentProvider, UUID> {
    public Optional<PaymentProvider> ofOrganization(UUID organizationId, String code) {
        return find("organizationId = ?1 and code = ?2", organizationId, code).firstResultOptional();
    }

    public List<PaymentProvider> allOfOrganization(UUID organizationId) {
        return list("organizationId = ?1 order by code", organizationId);
    }
}
