package com.lotastro.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lotastro.support.Api;
import com.lotastro.support.Db;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import com.lotastro.support.WebhookFixtures;
import com.lotastro.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Nothing is lost when a sender dies mid-delivery, and the outbox feed never skips an event that commits late. */
@QuarkusTest
class WebhookRecoveryTest {
    @Inject
    DataSource dataSource;

    @Test
    void shouldSendADeliveryAgainWithTheSameIdOnceTheLeaseOfASenderThatDiedRunsOut() throws Exception {
        Tenant tenant = Tenants.create();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String endpointId = WebhookFixtures.endpoint(tenant, receiver.url(), "catalog_item.created").getString("id");
            // Paused, so the delivery is queued but not sent; then a sender "claims" it and dies: a lease, no attempt.
            Api.as(tenant.adminKey()).body(Map.of("outbound_delivery", false)).put("/v1/integration/feature-flags").then().statusCode(200);
            String itemId = InventoryFixtures.item(tenant).getString("id");
            await().atMost(Duration.ofSeconds(10)).until(() -> WebhookFixtures.deliveries(tenant, endpointId, "").getList("data").size() == 1);
            Instant leaseEnds = Instant.now().plusSeconds(2);
            Db.update(dataSource, "update webhook_deliveries set lease_until = ? where endpoint_id = ?", Timestamp.from(leaseEnds),
                    UUID.fromString(endpointId));
            Api.as(tenant.adminKey()).body(Map.of("outbound_delivery", true)).put("/v1/integration/feature-flags").then().statusCode(200);

            await().atMost(Duration.ofSeconds(15)).until(() -> receiver.acknowledged().size() == 1);
            WebhookReceiver.Received received = receiver.received().get(0);
            assertThat(received.at()).isAfterOrEqualTo(leaseEnds.minusMillis(50));
            String eventId = Api.as(tenant.adminKey()).get("/v1/outbox-events?aggregate_id=" + itemId).then().extract().path("data[0].id");
            assertThat(received.id()).isEqualTo(eventId);
        }
    }

    @Test
    void shouldListAnEventThatCommitsLateBeforeNewerOnesAndNeverBehindAHandedOutCursor() throws Exception {
        Tenant tenant = Tenants.create();
        InventoryFixtures.item(tenant);
        String lastItem = InventoryFixtures.item(tenant).getString("id");
        List<String> before = Api.as(tenant.adminKey()).get("/v1/outbox-events?limit=200").then().statusCode(200).extract()
                .jsonPath().getList("data.aggregate_id");
        assertThat(before).hasSizeGreaterThanOrEqualTo(2).last().isEqualTo(lastItem);
        // A reader that has read all but the last event holds this cursor.
        String cursor = Api.as(tenant.adminKey()).get("/v1/outbox-events?limit=" + (before.size() - 1)).then().statusCode(200)
                .extract().path("next_cursor");
        UUID lateAggregate = UUID.randomUUID();
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            try (PreparedStatement insert = slow.prepareStatement("""
                    insert into outbox_events (id, organization_id, event_type, aggregate_type, aggregate_id, idempotency_key, payload, status, created_at, fanned_out_at)
                    values (?, ?, 'test.late', 'test', ?, ?, '{}'::jsonb, 'pending', now(), now())""")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, tenant.organizationId());
                insert.setObject(3, lateAggregate);
                insert.setString(4, "wms:test:" + lateAggregate + ":late:v1");
                insert.executeUpdate();
            }
            // A newer transaction commits while the older one is still open.
            String newerItem = InventoryFixtures.item(tenant).getString("id");
            JsonPath meanwhile = Api.as(tenant.adminKey()).get("/v1/outbox-events?limit=200").then().statusCode(200).extract().jsonPath();
            assertThat(meanwhile.getList("data.aggregate_id")).isEqualTo(before);
            slow.commit();

            await().atMost(Duration.ofSeconds(10)).until(() -> Api.as(tenant.adminKey()).get("/v1/outbox-events?limit=200")
                    .then().extract().jsonPath().getList("data").size() == before.size() + 2);
            List<String> afterCursor = Api.as(tenant.adminKey()).get("/v1/outbox-events?limit=200&cursor=" + cursor)
                    .then().statusCode(200).extract().jsonPath().getList("data.aggregate_id");
            assertThat(afterCursor).containsExactly(lastItem, lateAggregate.toString(), newerItem);
        }
    }
}
