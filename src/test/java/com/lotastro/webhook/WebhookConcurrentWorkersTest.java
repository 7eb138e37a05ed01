package com.lotastro.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lotastro.support.Api;
import com.lotastro.support.Concurrently;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import com.lotastro.support.WebhookFixtures;
import com.lotastro.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Several workers against one database, as several instances would run: this instance's own dispatcher and four more
 * workers race for the same due deliveries ({@code FOR UPDATE SKIP LOCKED}), and every event reaches the receiver
 * exactly once.
 */
@QuarkusTest
class WebhookConcurrentWorkersTest {
    private static final int EVENTS = 40;
    private static final int WORKERS = 4;

    @Inject
    DeliveryWorker worker;

    @Inject
    WebhookSender sender;

    @Test
    void shouldDeliverEachEventOnceWhileWorkersRaceForTheSameDeliveries() throws Exception {
        Tenant tenant = Tenants.create();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String endpointId = WebhookFixtures.endpoint(tenant, receiver.url(), "catalog_item.created").getString("id");
            // Outbound delivery off: the events queue up, so all workers find the whole backlog due at once.
            Api.as(tenant.adminKey()).body(Map.of("outbound_delivery", false)).put("/v1/integration/feature-flags").then().statusCode(200);
            for (int i = 0; i < EVENTS; i++) {
                InventoryFixtures.item(tenant);
            }
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    WebhookFixtures.deliveries(tenant, endpointId, "&status=pending").getList("data").size() == EVENTS);
            assertThat(receiver.received()).isEmpty();

            Api.as(tenant.adminKey()).body(Map.of("outbound_delivery", true)).put("/v1/integration/feature-flags").then().statusCode(200);
            List<Integer> sentByWorker = Concurrently.run(WORKERS, index -> {
                int sent = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (receiver.acknowledged().size() < EVENTS && System.nanoTime() < deadline) {
                    worker.fanOut(500);
                    for (DeliveryWorker.Claim claim : worker.claim(1)) {
                        worker.record(claim, sender.send(claim.url(), claim.eventId(), claim.body(), claim.secrets()));
                        sent++;
                    }
                }
                return sent;
            });

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.acknowledged().size() >= EVENTS);
            Map<String, Long> timesReceived = receiver.received().stream()
                    .collect(Collectors.groupingBy(WebhookReceiver.Received::id, Collectors.counting()));
            assertThat(timesReceived).hasSize(EVENTS);
            assertThat(Set.copyOf(timesReceived.values())).as("each webhook-id received once").containsExactly(1L);
            assertThat(sentByWorker.stream().mapToInt(Integer::intValue).sum())
                    .as("the racing workers sent part of the backlog, the dispatcher the rest").isPositive().isLessThanOrEqualTo(EVENTS);
            List<Map<String, Object>> deliveries = WebhookFixtures.deliveries(tenant, endpointId, "").getList("data");
            assertThat(deliveries).hasSize(EVENTS).allSatisfy(d -> {
                assertThat(d.get("status")).isEqualTo("succeeded");
                assertThat(d.get("attempts")).isEqualTo(1);
            });
            assertThat(deliveries.stream().map(d -> (String) d.get("event_id")).collect(Collectors.toSet()))
                    .isEqualTo(timesReceived.keySet());
        }
    }
}
