package com.lotastro.shared.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "lotastro.idempotency")
public interface IdempotencyConfig {
    /**
     * How long a request waits for a concurrent one with the same key to finish before it is answered 409
     * idempotency_request_in_progress. A waiting request holds a database connection, so this stays short.
     */
    @WithDefault("PT5S")
    Duration duplicateWait();
}
