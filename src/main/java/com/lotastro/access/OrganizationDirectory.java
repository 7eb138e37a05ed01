package com.lotastro.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** Which organizations exist, for work that runs for each of them (scheduled jobs). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OrganizationDirectory {
    @Inject
    Organizations organizations;

    public List<UUID> allIds() {
        return organizations.getEntityManager()
                .createQuery("select o.id from Organization o order by o.createdAt, o.id", UUID.class)
                .getResultList();
    }
}
