package com.lotastro.access;

import com.lotastro.audit.AuditLog;
import com.lotastro.outbox.OutboxPublisher;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.CallerContext;
import com.lotastro.shared.security.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class ApiKeyService {
    @Inject
    ApiKeys apiKeys;

    @Inject
    AuditLog audit;

    @Inject
    OutboxPublisher outbox;

    @Inject
    CallerContext caller;

    @Inject
    ApiKeyCache cache;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** A freshly issued key: the only moment its plain value exists. */
    public record IssuedKey(ApiKey apiKey, String plainKey) {
    }

    public IssuedKey create(String name, Set<Scope> scopes) {
        if (scopes.contains(Scope.PLATFORM_ADMIN)) {
            caller.require(Scope.PLATFORM_ADMIN);
        }
        IssuedKey issued = issue(caller.organizationId(), name, scopes, ApiKeySecrets.generate());
        return issued;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ApiKey> list(PageRequest page) {
        return apiKeys.list(caller.organizationId(), page);
    }

    public void revoke(UUID id) {
        ApiKey key = apiKeys.findInOrganization(caller.organizationId(), id)
                .orElseThrow(() -> ApiException.notFound("API key", id));
        if (key.revokedAt != null) {
            return;
        }
        Map<String, Object> before = describe(key);
        key.revokedAt = Timestamps.now();
        forgetWhenDone(key.keyHash);
        audit.record(new AuditLog.Change("api_key.revoked", "api_key", key.id, before, describe(key), null));
        outbox.publish(new OutboxPublisher.Event("api_key.revoked", "api_key", key.id, "revoked", describe(key)));
    }

    /** The active key's caller, from {@link ApiKeyCache} when it was looked up in the last few seconds. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ApiKeyCache.Caller> authenticate(String plainKey) {
        return cache.get(ApiKeySecrets.hash(plainKey), hash -> apiKeys.findActiveByHash(hash)
                .map(key -> new ApiKeyCache.Caller(key.id, key.organizationId, Set.copyOf(key.scopes))));
    }

    /** Drops the key from this instance's cache now and again once the revocation committed (or not). */
    private void forgetWhenDone(String keyHash) {
        cache.forget(keyHash);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                cache.forget(keyHash);
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    IssuedKey issue(UUID organizationId, String name, Set<Scope> scopes, String plainKey) {
        if (apiKeys.count("keyHash", ApiKeySecrets.hash(plainKey)) > 0) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "This API key value is already in use");
        }
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.organizationId = organizationId;
        key.name = name;
        key.keyHash = ApiKeySecrets.hash(plainKey);
        key.keyPrefix = ApiKeySecrets.shownPrefix(plainKey);
        key.scopes = EnumSet.copyOf(scopes);
        key.createdAt = Timestamps.now();
        apiKeys.persist(key);
        // Never the key itself: only its name, prefix and scopes are recorded.
        audit.recordIn(organizationId, new AuditLog.Change("api_key.created", "api_key", key.id, null, describe(key), null));
        outbox.publishIn(organizationId, new OutboxPublisher.Event("api_key.created", "api_key", key.id, "created", describe(key)));
        return new IssuedKey(key, plainKey);
    }

    static Map<String, Object> describe(ApiKey key) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", key.name);
        state.put("key_prefix", key.keyPrefix);
        state.put("scopes", List.copyOf(key.scopes.stream().map(Scope::value).toList()));
        state.put("revoked_at", key.revokedAt == null ? null : key.revokedAt.toString());
        return state;
    }
}
