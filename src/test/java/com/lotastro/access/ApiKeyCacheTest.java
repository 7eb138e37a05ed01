package com.lotastro.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lotastro.shared.security.Scope;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The API key cache keeps an active key for its bound at most, and never keeps an unknown one. */
class ApiKeyCacheTest {
    private final ApiKeyCache.Caller caller = new ApiKeyCache.Caller(UUID.randomUUID(), UUID.randomUUID(), Set.of(Scope.ADMIN));
    private final AtomicInteger lookUps = new AtomicInteger();

    private Optional<ApiKeyCache.Caller> active(String hash) {
        lookUps.incrementAndGet();
        return Optional.of(caller);
    }

    private Optional<ApiKeyCache.Caller> unknown(String hash) {
        lookUps.incrementAndGet();
        return Optional.empty();
    }

    @Test
    void shouldLookAnActiveKeyUpAgainOnlyOnceItsEntryExpired() {
        ApiKeyCache cache = new ApiKeyCache(Duration.ofMillis(200));
        assertThat(cache.get("h", this::active)).contains(caller);
        assertThat(cache.get("h", this::unknown)).as("within the bound: still the cached key").contains(caller);
        assertThat(lookUps).hasValue(1);

        await().atMost(Duration.ofSeconds(5)).until(() -> cache.get("h", this::unknown).isEmpty());
        assertThat(cache.get("h", this::active)).contains(caller);
    }

    @Test
    void shouldNeverKeepAnUnknownKeyNorAForgottenOne() {
        ApiKeyCache cache = new ApiKeyCache(Duration.ofMinutes(1));
        assertThat(cache.get("h", this::unknown)).isEmpty();
        assertThat(cache.get("h", this::active)).as("a key created after a miss works at once").contains(caller);
        cache.forget("h");
        assertThat(cache.get("h", this::unknown)).as("revoked through this instance: refused at once").isEmpty();
        assertThat(lookUps).hasValue(3);
    }
}
