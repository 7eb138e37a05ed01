package com.lotastro.email;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Who gets the internal emails and how their delivery is retried. */
@ConfigMapping(prefix = "lotastro.email")
public interface EmailConfig {
    /** The operations team (supply request created, ETA near). */
    Optional<List<String>> ops();

    /** Sales managers (copied when a sales owner is unknown, shortage decisions, overrides). */
    Optional<List<String>> salesManagers();

    /** Delay before the first retry of a failed send; doubles with every attempt. */
    @WithDefault("PT30S")
    Duration retryInitialDelay();

    /** Longest delay between two attempts. */
    @WithDefault("PT1H")
    Duration retryMaxDelay();

    /** After this many failed attempts an email is marked failed and no longer retried. */
    @WithDefault("10")
    int maxAttempts();

    /** How many emails one delivery run sends at most. */
    @WithDefault("100")
    int batchSize();
}
