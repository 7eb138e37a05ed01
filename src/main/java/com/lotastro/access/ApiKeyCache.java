package com.lotastro.access;

import com.lotastro.shared.security.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Active API keys by hash, kept for at most {@code lotastro.api-keys.cache-ttl} (a few seconds), so most requests
 * authenticate without a database round trip. A key revoked through this instance is dropped at once; on other
 * instances it stops working when their entry expires, so a revocation takes effect everywhere within that bound.
 * Unknown or revoked keys are not kept: a new key works at once.
 */
@ApplicationScoped
public class ApiKeyCache {
    /** What a request needs of its key: who it is and what it may do. */
    public record Caller(UUID apiKeyId, UUID organizationId, Set<Scope> scopes) {
    }

    private record Entry(Caller caller, long expiresAtNanos) {
    }

    /** Enough for every key a deployment has; beyond it the cache starts over rather than grow. */
    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Entry> byHash = new ConcurrentHashMap<>();
    private final long ttlNanos;

    ApiKeyCache(@ConfigProperty(name = "lotastro.api-keys.cache-ttl", defaultValue = "PT5S") Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    Optional<Caller> get(String keyHash, Function<String, Optional<Caller>> load) {
        long now = System.nanoTime();
        Entry entry = byHash.get(keyHash);
        if (entry != null && now - entry.expiresAtNanos() < 0) {
            return Optional.of(entry.caller());
        }
        Optional<Caller> loaded = load.apply(keyHash);
        if (loaded.isPresent() && ttlNanos > 0) {
            if (byHash.size() >= MAX_ENTRIES) {
                byHash.clear();
            }
            byHash.put(keyHash, new Entry(loaded.get(), now + ttlNanos));
        } else {
            byHash.remove(keyHash);
        }
        return loaded;
    }

    void forget(String keyHash) {
        byHash.remove(keyHash);
    }
}
