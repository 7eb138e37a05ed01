package com.lotastro.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lotastro.support.Api;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.OrderFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import com.lotastro.support.WebhookFixtures;
import com.lotastro.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An override's {@code crm_notified} turns true, with its time, once the CRM's webhook endpoint acknowledged the
 * override's {@code override.used} event, and not while the CRM refuses it.
 */
@QuarkusTest
class OverrideCrmNotifiedTest {

    @Test
    void shouldMarkTheOverrideNotifiedOnlyOnceTheCrmAcknowledgedItsEvent() {
        Tenant tenant = Tenants.create();
        try (WebhookReceiver crm = WebhookReceiver.start()) {
            crm.answer(500);
            String endpointId = WebhookFixtures.endpoint(tenant, crm.url(), "override.used").getString("id");
            JsonPath item = InventoryFixtures.item(tenant);
            InventoryFixtures.lot(tenant, item.getString("id"), 100);
            String reservation = OrderFixtures.allocatedReservation(tenant, item, 25, "unknown").getString("id");
            JsonPath override = OrderFixtures.override(tenant, reservation, "customer_confirmed_phone", "Buyer confirmed by phone")
                    .then().statusCode(201).extract().jsonPath();
            String overrideId = override.getString("id");
            assertThat(override.getBoolean("crm_notified")).isFalse();

            await().atMost(Duration.ofSeconds(10)).until(() ->
                    WebhookFixtures.deliveries(tenant, endpointId, "&status=failed").getList("data").size() == 1);
            Map<String, Object> refused = find(tenant, overrideId);
            assertThat(refused.get("crm_notified")).as("the CRM answered 500").isEqualTo(false);
            assertThat(refused).doesNotContainKey("crm_notified_at");

            Instant before = Instant.now();
            crm.answer(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> crm.acknowledged().size() == 1);
            WebhookReceiver.Received acknowledged = crm.acknowledged().get(0);
            assertThat(new JsonPath(acknowledged.body()).getString("data.override_id")).isEqualTo(overrideId);

            await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(find(tenant, overrideId).get("crm_notified")));
            Map<String, Object> notified = find(tenant, overrideId);
            Instant notifiedAt = Instant.parse((String) notified.get("crm_notified_at"));
            assertThat(notifiedAt).isAfter(before.minusSeconds(1)).isBefore(Instant.now().plusSeconds(1));
            assertThat(WebhookFixtures.deliveries(tenant, endpointId, "&status=succeeded").getList("data")).hasSize(1);
        }
    }

    private static Map<String, Object> find(Tenant tenant, String overrideId) {
        return Api.as(tenant.adminKey()).get("/v1/overrides?limit=200").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("data").stream().filter(o -> overrideId.equals(o.get("id"))).findFirst()
                .orElseThrow();
    }
}
