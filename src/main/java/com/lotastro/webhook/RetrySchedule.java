package com.lotastro.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * When a delivery is tried again: the configured pause before each attempt, spread by a random share (jitter) so
 * that deliveries failed together do not return together. After the last attempt there is none: the delivery is dead.
 */
public record RetrySchedule(List<Duration> pauses, double jitter) {

    public RetrySchedule {
        if (pauses.isEmpty()) {
            throw new IllegalArgumentException("A retry schedule needs at least one attempt");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("Jitter is a share between 0 and 1");
        }
        pauses = List.copyOf(pauses);
    }

    public int maxAttempts() {
        return pauses.size();
    }

    /** The instant of the next attempt after {@code attemptsMade} failed ones, or null when none is left. */
    public Instant nextAttemptAfter(int attemptsMade, Instant now, RandomGenerator random) {
        if (attemptsMade >= pauses.size()) {
            return null;
        }
        long millis = pauses.get(attemptsMade).toMillis();
        double spread = jitter == 0 ? 0 : (random.nextDouble() * 2 - 1) * jitter;
        return now.plusMillis(Math.max(0, Math.round(millis * (1 + spread))));
    }

    /** The longest a delivery can stay undelivered before it is dead (without jitter). */
    public Duration span() {
        return pauses.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
