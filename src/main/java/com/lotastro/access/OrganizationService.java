package com.lotastro.access;

import com.lotastro.audit.AuditLog;
import com.lotastro.outbox.OutboxPublisher;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.security.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class OrganizationService {
    /** Serialises the first-start check across instances starting at the same time. */
    private static final long BOOTSTRAP_LOCK = 0x4C6F74417374726FL;

    @Inject
    Organizations organizations;

    @Inject
    ApiKeyService apiKeys;

    @Inject
    AuditLog audit;

    @Inject
    OutboxPublisher outbox;

    @Inject
    EntityManager em;

    @Inject
    Event<OrganizationBootstrapped> bootstrapped;

    public record CreatedOrganization(Organization organization, ApiKeyService.IssuedKey adminKey) {
    }

    /** A new organization with its first admin key; the caller is a platform administrator. */
    public CreatedOrganization create(String name) {
        CreatedOrganization created = createWithAdminKey(name, Set.of(Scope.ADMIN), Optional.empty());
        audit.record(new AuditLog.Change("organization.created", "organization", created.organization().id, null,
                Map.of("name", name), null));
        return created;
    }

    /**
     * On first start (no organization at all) creates one whose admin key also holds platform:admin.
     * Returns empty when organizations already exist.
     */
    public Optional<CreatedOrganization> bootstrapIfEmpty(String name, Optional<String> presetKey) {
        em.createNativeQuery("select pg_advisory_xact_lock(:lock)").setParameter("lock", BOOTSTRAP_LOCK).getSingleResult();
        if (organizations.count() > 0) {
            return Optional.empty();
        }
        CreatedOrganization created = createWithAdminKey(name, Set.of(Scope.ADMIN, Scope.PLATFORM_ADMIN), presetKey);
        audit.recordIn(created.organization().id, new AuditLog.Change("organization.bootstrapped", "organization",
                created.organization().id, null, Map.of("name", name), "first start"));
        bootstrapped.fire(new OrganizationBootstrapped(created.organization().id));
        return Optional.of(created);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isActiveKey(String plainKey) {
        return apiKeys.authenticate(plainKey).isPresent();
    }

    private CreatedOrganization createWithAdminKey(String name, Set<Scope> scopes, Optional<String> presetKey) {
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.name = name;
        organization.createdAt = Timestamps.now();
        organizations.persist(organization);
        outbox.publishIn(organization.id, new OutboxPublisher.Event("organization.created", "organization", organization.id,
                "created", Map.of("organization_id", organization.id, "name", name)));
        ApiKeyService.IssuedKey key = apiKeys.issue(organization.id, name + " admin", scopes,
                presetKey.orElseGet(ApiKeySecrets::generate));
        return new CreatedOrganization(organization, key);
    }
}
