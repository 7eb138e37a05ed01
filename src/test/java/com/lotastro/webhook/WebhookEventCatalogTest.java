package com.lotastro.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lotastro.support.Api;
import com.lotastro.support.CustomerFixtures;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.OrderFixtures;
import com.lotastro.support.ShipmentFixtures;
import com.lotastro.support.SupplyFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import com.lotastro.support.WebhookEnvelopes;
import com.lotastro.support.WebhookFixtures;
import com.lotastro.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The event catalog as receivers get it: one endpoint subscribed to every type follows a day of work (stock in, a
 * supply request, a customer, a reservation shipped by a manager's override, a correction, endpoint upkeep), and every
 * envelope it receives matches the contract's schema for its type, {@code data} included.
 */
@QuarkusTest
class WebhookEventCatalogTest {

    @Test
    void shouldDeliverEveryEventTypeOfADayOfWorkAsTheContractDescribesIt() {
        Tenant tenant = Tenants.create();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonPath endpoint = WebhookFixtures.endpoint(tenant, receiver.url());
            String endpointId = endpoint.getString("id");
            Api.as(tenant.adminKey()).post("/v1/webhook-endpoints/" + endpointId + "/test").then().statusCode(200);

            JsonPath item = InventoryFixtures.item(tenant, 5);
            Api.as(tenant.adminKey()).header("If-Match", "\"0\"").body(Map.of("description", "Blackout, 280 cm"))
                    .patch("/v1/catalog-items/" + item.getString("id")).then().statusCode(200);
            JsonPath lot = InventoryFixtures.lot(tenant, item.getString("id"), 10);
            Api.as(tenant.adminKey()).body(Map.of("roll_id", lot.getString("rolls[0].id"), "meters", -6, "reason", "Water damage"))
                    .post("/v1/inventory/corrections").then().statusCode(201);
            SupplyFixtures.create(tenant, item, 500, LocalDate.now().plusDays(30));
            String customerId = CustomerFixtures.customer(tenant, "Bursa Perde A.Ş.").getString("id");
            String addressId = CustomerFixtures.addAddress(tenant, customerId, CustomerFixtures.address("Organize Sanayi 4. Cadde", "Bursa"))
                    .getString("id");
            String contactId = CustomerFixtures.addContact(tenant, customerId, Map.of("name", "Ayşe Yılmaz", "phone", "+90 224 555 01 02"))
                    .getString("id");

            JsonPath order = ShipmentFixtures.fulfilledOrder(tenant, 12.5);
            String shipmentId = Api.as(tenant.adminKey())
                    .body(Map.of("customer_id", customerId, "address_id", addressId, "contact_id", contactId))
                    .post("/v1/orders/" + order.getString("id") + "/shipments").then().statusCode(201).extract().path("id");
            Api.as(tenant.adminKey()).body(ShipmentFixtures.ready("yurtici", "YK778899")).post("/v1/shipments/" + shipmentId + "/ready")
                    .then().statusCode(200);
            Api.as(tenant.adminKey()).post("/v1/shipments/" + shipmentId + "/post").then().statusCode(200);
            Api.as(tenant.adminKey()).post("/v1/shipments/" + shipmentId + "/deliver").then().statusCode(200);

            JsonPath other = InventoryFixtures.item(tenant);
            InventoryFixtures.lot(tenant, other.getString("id"), 40);
            String released = OrderFixtures.allocatedReservation(tenant, other, 20, "unknown").getString("id");
            Api.as(tenant.adminKey()).body(Map.of("reason", "customer_cancelled")).post("/v1/reservations/" + released + "/release")
                    .then().statusCode(200);

            Api.as(tenant.adminKey()).post("/v1/webhook-endpoints/" + endpointId + "/rotate-secret").then().statusCode(200);
            Api.as(tenant.adminKey()).body(Map.of("reconciler", false)).put("/v1/integration/feature-flags").then().statusCode(200);

            Set<String> expected = new TreeSet<>(List.of("ping", "webhook_endpoint.created", "webhook_endpoint.pinged",
                    "catalog_item.created", "catalog_item.updated", "lot.received", "inventory.corrected", "inventory.low_stock",
                    "supply_request.status_updated", "customer_master.created", "reservation.created", "reservation.allocated",
                    "reservation.released", "order.created", "override.used", "order.staged", "order.picked", "order.fulfilled",
                    "shipment.posted", "shipment.delivered", "webhook_endpoint.secret_rotated", "integration_flags.updated"));
            assertThat(WebhookEnvelopes.documentedTypes()).containsAll(expected);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(types(receiver.acknowledged())).containsAll(expected));

            List<WebhookReceiver.Received> received = receiver.received();
            assertThat(received).allSatisfy(r -> assertThat(WebhookEnvelopes.violations(r.body())).as(r.body()).isEmpty());
            assertThat(receiver.contractViolations()).isEmpty();

            // The check bites: a body whose data lacks a field its type requires, or carries one it does not know, fails.
            String lotReceived = received.stream().map(WebhookReceiver.Received::body)
                    .filter(body -> "lot.received".equals(new JsonPath(body).getString("type"))).findFirst().orElseThrow();
            assertThat(WebhookEnvelopes.violations(lotReceived.replace("\"lot_number\"", "\"lot_no\""))).isNotEmpty();
            assertThat(WebhookEnvelopes.violations(lotReceived.replace("\"type\":\"lot.received\"", "\"type\":\"lot.lost\"")))
                    .isNotEmpty();
        }
    }

    private static Set<String> types(List<WebhookReceiver.Received> received) {
        return received.stream().map(r -> new JsonPath(r.body()).getString("type")).collect(Collectors.toCollection(TreeSet::new));
    }
}
