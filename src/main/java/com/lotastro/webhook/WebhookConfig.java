package com.lotastro.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Outbound webhooks: who may be called, how fast, how long we keep trying ({@code lotastro.webhooks.*}). */
@ConfigMapping(prefix = "lotastro.webhooks")
public interface WebhookConfig {
    /**
     * Hosts or CIDRs (comma-separated) that may be called although they are loopback, link-local or private, and over
     * plain http (LOTASTRO_WEBHOOKS_ALLOWED_HOSTS). Empty: only public https URLs.
     */
    Optional<List<String>> allowedHosts();

    /** How often an idle worker looks for new events and due deliveries. */
    @WithDefault("PT0.2S")
    Duration pollInterval();

    /** Sends in flight at once on this instance. */
    @WithDefault("8")
    int concurrency();

    /** Whether this instance sends deliveries at all (an API-only instance can leave it to others). */
    @WithDefault("true")
    boolean workerEnabled();

    @WithDefault("PT5S")
    Duration connectTimeout();

    /** How long one attempt may take in total. */
    @WithDefault("PT15S")
    Duration requestTimeout();

    /** How long a claimed delivery is reserved for its sender; after a crash it is sent again once this passes. */
    @WithDefault("PT45S")
    Duration lease();

    /**
     * The pause before each attempt, the first one included; after the last one the delivery is dead. The default
     * spreads ten attempts over about two and a half days.
     */
    @WithDefault("PT0S,PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H,PT14H,PT20H")
    List<Duration> retrySchedule();

    /** A random share of each pause added or taken away, so failed deliveries do not come back all at once. */
    @WithDefault("0.2")
    double retryJitter();

    /** How long a rotated-out secret still signs deliveries, beside the new one. */
    @WithDefault("PT24H")
    Duration secretRotationOverlap();

    /** An endpoint that failed every attempt for this long is disabled, and ops get an email. */
    @WithDefault("P5D")
    Duration disableAfter();

    CircuitBreaker circuitBreaker();

    interface CircuitBreaker {
        /** Consecutive failed attempts to one endpoint that open its breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open breaker sends nothing; then one delivery goes as a probe. */
        @WithDefault("PT1M")
        Duration cooldown();
    }

    /** The first organization's CRM webhook endpoint, created at first start (LOTASTRO_WEBHOOKS_CRM_URL). */
    Optional<String> crmUrl();

    /** Its secret (LOTASTRO_WEBHOOKS_CRM_SECRET, {@code whsec_…}); without one a secret is generated and logged once. */
    Optional<String> crmSecret();
}
