package com.lotastro.crm;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CrmConnections implements PanacheRepositoryBase<CrmConnection, UUID> {
    public Optional<CrmConnection> ofOrganization(UUID organizationId) {
        return find("organizationId", organizationId).firstResultOptional();
    }
}
