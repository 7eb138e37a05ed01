package com.lotastro.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook metrics at /q/metrics: attempts by outcome ({@code lotastro_webhook_attempts_total}), attempt latency
 * ({@code lotastro_webhook_attempt_seconds}), commit-to-success latency ({@code lotastro_webhook_delivery_lag_seconds}),
 * dead deliveries ({@code lotastro_webhook_dead_deliveries}) and the age of the oldest undelivered event per endpoint
 * ({@code lotastro_webhook_oldest_undelivered_seconds}). The gauges are refreshed by the dispatcher.
 */
@ApplicationScoped
public class WebhookMetrics {
    @Inject
    MeterRegistry registry;

    private final AtomicLong dead = new AtomicLong();
    private volatile MultiGauge oldest;

    void attempted(WebhookSender.Outcome outcome, String deliveryStatus, Instant eventCreatedAt) {
        String result = outcome.succeeded() ? "succeeded" : outcome.statusCode() != null ? "http_error" : "no_answer";
        Counter.builder("lotastro_webhook_attempts_total").description("Webhook attempts by outcome")
                .tag("outcome", result).register(registry).increment();
        Counter.builder("lotastro_webhook_deliveries_total").description("Webhook deliveries finished, by final status")
                .tag("status", deliveryStatus).register(registry).increment();
        Timer.builder("lotastro_webhook_attempt_seconds").description("Duration of one webhook attempt")
                .publishPercentiles(0.5, 0.99).register(registry).record(Duration.ofMillis(outcome.durationMs()));
        if (outcome.succeeded() && eventCreatedAt != null) {
            Timer.builder("lotastro_webhook_delivery_lag_seconds").description("From the event's commit to its successful delivery")
                    .publishPercentiles(0.5, 0.99).register(registry)
                    .record(Duration.between(eventCreatedAt, Instant.now()).abs());
        }
    }

    void refresh(long deadDeliveries, Map<UUID, Instant> oldestUndelivered) {
        if (oldest == null) {
            Gauge.builder("lotastro_webhook_dead_deliveries", dead, AtomicLong::get).description("Deliveries that used up their retries")
                    .register(registry);
            oldest = MultiGauge.builder("lotastro_webhook_oldest_undelivered_seconds")
                    .description("Age of the oldest undelivered event, per endpoint").register(registry);
        }
        dead.set(deadDeliveries);
        Instant now = Instant.now();
        oldest.register(oldestUndelivered.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("endpoint_id", e.getKey().toString()),
                        Duration.between(e.getValue(), now).toMillis() / 1000.0))
                .toList(), true);
    }
}
