package com.lotastro.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import com.lotastro.support.WebhookFixtures;
import com.lotastro.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Not part of the build (its name ends neither in Test nor IT): run it on purpose with
 * {@code ./mvnw -o test -Dtest=WebhookThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false} (add
 * {@code -Dbench.webhooks.rate=40} for another offered load). Commits outbox
 * events at a steady rate, one per transaction, to one endpoint on loopback, and prints deliveries per second and
 * commit-to-delivery latency percentiles (the README quotes the figure).
 */
@QuarkusTest
class WebhookThroughputBenchmark {
    /** The offered load ({@code -Dbench.webhooks.rate}, events per second) and how long it lasts ({@code -Dbench.webhooks.seconds}). */
    private static final int EVENTS_PER_SECOND = Integer.getInteger("bench.webhooks.rate", 100);
    private static final int SECONDS = Integer.getInteger("bench.webhooks.seconds", 20);

    @Inject
    DataSource dataSource;

    @Test
    void reportThroughputAndLatencyAtASteadyLoad() throws Exception {
        Tenant tenant = Tenants.create();
        try (WebhookReceiver receiver = WebhookReceiver.startWithoutContractCheck()) {
            WebhookFixtures.endpoint(tenant, receiver.url(), "bench.event");
            Map<String, Instant> committedAt = new HashMap<>();
            long interval = 1_000_000_000L / EVENTS_PER_SECOND;
            long next = System.nanoTime();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement("""
                         insert into outbox_events (id, organization_id, event_type, aggregate_type, aggregate_id, idempotency_key,
                                                    payload, status, created_at)
                         values (?, ?, 'bench.event', 'bench', ?, ?, '{"n":1}'::jsonb, 'pending', clock_timestamp())""")) {
                connection.setAutoCommit(true);
                for (int i = 0; i < EVENTS_PER_SECOND * SECONDS; i++) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    next += interval;
                    UUID id = UUID.randomUUID();
                    UUID aggregate = UUID.randomUUID();
                    insert.setObject(1, id);
                    insert.setObject(2, tenant.organizationId());
                    insert.setObject(3, aggregate);
                    insert.setString(4, "wms:bench:" + aggregate + ":event:v1");
                    insert.executeUpdate();
                    committedAt.put(id.toString(), Instant.now());
                }
            }
            int total = committedAt.size();
            await().atMost(Duration.ofMinutes(5)).until(() -> receiver.acknowledged().size() >= total);
            List<WebhookReceiver.Received> received = receiver.acknowledged();
            List<Long> lags = new ArrayList<>();
            Instant first = Instant.MAX;
            Instant last = Instant.MIN;
            for (WebhookReceiver.Received r : received) {
                Instant committed = committedAt.get(r.id());
                if (committed != null) {
                    lags.add(Duration.between(committed, r.at()).toMillis());
                    first = r.at().isBefore(first) ? r.at() : first;
                    last = r.at().isAfter(last) ? r.at() : last;
                }
            }
            Collections.sort(lags);
            double seconds = Duration.between(first, last).toMillis() / 1000.0;
            System.out.printf("WEBHOOK BENCHMARK: %d events offered at %d/s; %d delivered in %.1f s = %.0f deliveries/s; "
                            + "commit-to-delivery p50 %d ms, p99 %d ms, max %d ms%n",
                    total, EVENTS_PER_SECOND, lags.size(), seconds, lags.size() / seconds,
                    lags.get(lags.size() / 2), lags.get((int) (lags.size() * 0.99)), lags.get(lags.size() - 1));
            assertThat(lags).hasSize(total);
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "select count(*) from webhook_deliveries where organization_id = ? and status = 'succeeded'")) {
                ps.setObject(1, tenant.organizationId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(total);
                }
            }
        }
    }
}
