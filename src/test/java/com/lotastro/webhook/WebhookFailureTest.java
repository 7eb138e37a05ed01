package com.lotastro.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.lotastro.support.Api;
import com.lotastro.support.Concurrently;
import com.lotastro.support.Db;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import com.lotastro.support.WebhookFixtures;
import com.lotastro.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A receiver that fails, stalls, unsubscribes or comes back; several senders at once. */
@QuarkusTest
class WebhookFailureTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    DeliveryWorker worker;

    @Inject
    WebhookSender sender;

    @Inject
    DataSource dataSource;

    private WebhookReceiver receiver;
    private Tenant tenant;

    @BeforeEach
    void start() {
        receiver = WebhookReceiver.start();
        tenant = Tenants.create();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void shouldDeliverEveryEventInAggregateOrderOnceADownReceiverIsBack() {
        receiver.answer(503);
        WebhookFixtures.endpoint(tenant, receiver.url(), "catalog_item.created", "catalog_item.updated");
        JsonPath first = InventoryFixtures.item(tenant);
        for (int version = 0; version < 3; version++) {
            Api.as(tenant.adminKey()).header("If-Match", "\"" + version + "\"")
                    .body(Map.of("description", "change " + version))
                    .patch("/v1/catalog-items/" + first.getString("id")).then().statusCode(200);
        }
        JsonPath second = InventoryFixtures.item(tenant);
        List<String> firstEvents = eventIds(first.getString("id"));
        List<String> secondEvents = eventIds(second.getString("id"));
        assertThat(firstEvents).hasSize(4);

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).until(() -> receiver.received().size() >= 2);
        receiver.answer(200);

        await().atMost(PATIENCE).until(() -> acknowledgedIds().containsAll(firstEvents) && acknowledgedIds().containsAll(secondEvents));
        List<WebhookReceiver.Received> all = receiver.received();
        // An event of the aggregate is only ever sent once the one before it was acknowledged.
        for (int k = 1; k < firstEvents.size(); k++) {
            int firstSent = indexOfFirst(all, firstEvents.get(k), false);
            int previousAcknowledged = indexOfFirst(all, firstEvents.get(k - 1), true);
            assertThat(previousAcknowledged).as("event %d acknowledged before event %d is sent", k - 1, k).isLessThan(firstSent);
        }
        // Repeats carry the same webhook-id and the same body; no event is acknowledged twice.
        Map<String, Set<String>> bodies = all.stream().collect(Collectors.groupingBy(WebhookReceiver.Received::id,
                Collectors.mapping(WebhookReceiver.Received::body, Collectors.toSet())));
        assertThat(bodies.values()).allMatch(set -> set.size() == 1);
        assertThat(receiver.acknowledged()).extracting(WebhookReceiver.Received::id).doesNotHaveDuplicates();
    }

    @Test
    void shouldKillADeliveryAfterItsLastRetryAndBringItBackByReplay() {
        receiver.answer(500);
        JsonPath endpoint = WebhookFixtures.endpoint(tenant, receiver.url(), "catalog_item.created");
        Instant before = Instant.now().minusSeconds(1);
        JsonPath item = InventoryFixtures.item(tenant);
        String eventId = eventIds(item.getString("id")).get(0);
        String endpointId = endpoint.getString("id");

        await().atMost(PATIENCE).until(() -> "dead".equals(WebhookFixtures.deliveries(tenant, endpointId, "").getString("data[0].status")));
        JsonPath dead = WebhookFixtures.deliveries(tenant, endpointId, "&status=dead");
        assertThat(dead.getInt("data[0].attempts")).isEqualTo(4);
        assertThat(dead.getInt("data[0].last_status_code")).isEqualTo(500);
        assertThat(receiver.received()).hasSize(4).allMatch(r -> r.id().equals(eventId));

        receiver.answer(200);
        Api.as(tenant.adminKey()).body(Map.of("from", before.toString(), "to", Instant.now().plusSeconds(1).toString(), "statuses", List.of("dead")))
                .post("/v1/webhook-endpoints/" + endpointId + "/replay")
                .then().statusCode(200).body("queued", equalTo(1));

        await().atMost(PATIENCE).until(() -> receiver.acknowledged().size() == 1);
        assertThat(receiver.acknowledged().get(0).id()).isEqualTo(eventId);
        await().atMost(PATIENCE).until(() -> "succeeded".equals(WebhookFixtures.deliveries(tenant, endpointId, "").getString("data[0].status")));
        Api.as(tenant.adminKey()).get("/v1/audit-events?entity_id=" + endpointId).then().statusCode(200)
                .body("data.action", org.hamcrest.Matchers.hasItem("webhook_endpoint.replayed"));
    }

    @Test
    void shouldRetryAFailedDeliveryByHandOnlyWhenItFailed() {
        receiver.answer(500);
        JsonPath endpoint = WebhookFixtures.endpoint(tenant, receiver.url(), "catalog_item.created");
        InventoryFixtures.item(tenant);
        String endpointId = endpoint.getString("id");
        await().atMost(PATIENCE).until(() -> "dead".equals(WebhookFixtures.deliveries(tenant, endpointId, "").getString("data[0].status")));
        String deliveryId = WebhookFixtures.deliveries(tenant, endpointId, "").getString("data[0].id");
        receiver.answer(200);

        Api.as(tenant.adminKey()).post("/v1/webhook-deliveries/" + deliveryId + "/retry").then().statusCode(200)
                .body("status", equalTo("pending")).body("attempts", equalTo(0));
        await().atMost(PATIENCE).until(() -> "succeeded".equals(Api.as(tenant.adminKey())
                .get("/v1/webhook-deliveries/" + deliveryId).then().extract().path("status")));
        com.lotastro.support.Problems.problem(Api.as(tenant.adminKey()).post("/v1/webhook-deliveries/" + deliveryId + "/retry").then(),
                409, "invalid_transition");
    }

    @Test
    void shouldDisableAnEndpointAtOnceWhenItAnswersGoneAndTellOps() {
        receiver.answer(410);
        JsonPath endpoint = WebhookFixtures.endpoint(tenant, receiver.url(), "catalog_item.created");
        String endpointId = endpoint.getString("id");
        InventoryFixtures.item(tenant);

        await().atMost(PATIENCE).until(() -> !Api.as(tenant.adminKey()).get("/v1/webhook-endpoints/" + endpointId)
                .then().extract().jsonPath().getBoolean("enabled"));
        Api.as(tenant.adminKey()).get("/v1/webhook-endpoints/" + endpointId).then()
                .body("disabled_reason", containsString("410"));
        assertThat(receiver.received()).hasSize(1);
        Api.as(tenant.adminKey()).get("/v1/emails?kind=webhook_endpoint.disabled").then().statusCode(200)
                .body("data", org.hamcrest.Matchers.hasSize(1))
                .body("data[0].subject", containsString(receiver.url()));

        // Nothing more is queued for a disabled endpoint.
        String later = InventoryFixtures.item(tenant).getString("id");
        await().atMost(PATIENCE).until(() -> Db.queryLong(dataSource,
                "select count(*) from outbox_events where aggregate_id = ? and fanned_out_at is null", java.util.UUID.fromString(later)) == 0);
        assertThat(WebhookFixtures.deliveries(tenant, endpointId, "").getList("data")).hasSize(1);
    }

    @Test
    void shouldGiveUpOnASlowReceiverAfterTheTimeout() {
        receiver.stall();
        JsonPath endpoint = WebhookFixtures.endpoint(tenant, receiver.url(), "catalog_item.created");
        InventoryFixtures.item(tenant);
        String endpointId = endpoint.getString("id");

        await().atMost(PATIENCE).until(() -> WebhookFixtures.deliveries(tenant, endpointId, "").getInt("data[0].attempts") >= 1);
        String deliveryId = WebhookFixtures.deliveries(tenant, endpointId, "").getString("data[0].id");
        JsonPath delivery = Api.as(tenant.adminKey()).get("/v1/webhook-deliveries/" + deliveryId).then().statusCode(200).extract().jsonPath();
        assertThat(delivery.getString("attempt_log[0].error")).contains("Timed out");
        assertThat(delivery.getLong("attempt_log[0].duration_ms")).isBetween(900L, 5000L);
        assertThat(delivery.getString("status")).isIn("failed", "pending", "dead");
    }

    @Test
    void shouldOpenTheBreakerOnAFailingReceiverAndCloseItWhenTheReceiverRecovers() {
        receiver.answer(503);
        JsonPath endpoint = WebhookFixtures.endpoint(tenant, receiver.url(), "catalog_item.created");
        String endpointId = endpoint.getString("id");
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            items.add(InventoryFixtures.item(tenant).getString("id"));
        }

        await().atMost(PATIENCE).until(() -> Api.as(tenant.adminKey()).get("/v1/webhook-endpoints/" + endpointId)
                .then().extract().path("circuit_open_until") != null);
        Instant openUntil = Instant.parse(Api.as(tenant.adminKey()).get("/v1/webhook-endpoints/" + endpointId)
                .then().extract().path("circuit_open_until"));
        Instant openedAt = openUntil.minusSeconds(1);
        await().atMost(PATIENCE).until(() -> Instant.now().isAfter(openUntil));
        // While open (after the sends already in flight), nothing is tried, so no delivery uses up its retries.
        assertThat(receiver.received(r -> r.at().isAfter(openedAt.plusMillis(300)) && r.at().isBefore(openUntil))).isEmpty();
        assertThat(WebhookFixtures.deliveries(tenant, endpointId, "&status=dead").getList("data")).isEmpty();

        receiver.answer(200);
        await().atMost(PATIENCE).until(() -> receiver.acknowledged().size() == 6);
        await().atMost(PATIENCE).until(() -> Api.as(tenant.adminKey()).get("/v1/webhook-endpoints/" + endpointId)
                .then().extract().path("circuit_open_until") == null);
        assertThat(WebhookFixtures.deliveries(tenant, endpointId, "&status=succeeded").getList("data")).hasSize(6);
    }

    @Test
    void shouldDeliverEachEventOnceWhileSeveralWorkersClaimAtTheSameTime() throws Exception {
        WebhookFixtures.endpoint(tenant, receiver.url(), "catalog_item.created");
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String itemId = InventoryFixtures.item(tenant).getString("id");
            // The feed shows an event once every earlier transaction has ended, which can take a moment under load.
            await().atMost(PATIENCE).until(() -> !eventIds(itemId).isEmpty());
            expected.add(eventIds(itemId).get(0));
        }
        // Two more workers beside this instance's own dispatcher, racing for the same rows.
        Concurrently.run(2, worker -> {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!acknowledgedIds().containsAll(expected) && System.nanoTime() < deadline) {
                this.worker.fanOut(100);
                for (DeliveryWorker.Claim claim : this.worker.claim(5)) {
                    this.worker.record(claim, sender.send(claim.url(), claim.eventId(), claim.body(), claim.secrets()));
                }
            }
            return null;
        });
        await().atMost(PATIENCE).until(() -> acknowledgedIds().containsAll(expected));
        List<String> ours = receiver.received().stream().map(WebhookReceiver.Received::id).filter(expected::contains).toList();
        assertThat(ours).hasSize(expected.size()).doesNotHaveDuplicates();
    }

    private Set<String> acknowledgedIds() {
        return receiver.acknowledged().stream().map(WebhookReceiver.Received::id).collect(Collectors.toSet());
    }

    private static int indexOfFirst(List<WebhookReceiver.Received> all, String id, boolean acknowledged) {
        for (int i = 0; i < all.size(); i++) {
            WebhookReceiver.Received r = all.get(i);
            if (r.id().equals(id) && (!acknowledged || r.answeredWith() == 200)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private List<String> eventIds(String aggregateId) {
        return Api.as(tenant.adminKey()).get("/v1/outbox-events?aggregate_id=" + aggregateId)
                .then().statusCode(200).extract().jsonPath().getList("data.id");
    }
}
