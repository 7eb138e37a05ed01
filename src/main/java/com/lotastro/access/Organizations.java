package com.lotastro.access;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class Organizations implements PanacheRepositoryBase<Organization, UUID> {
}
