package com.lotastro.timeline;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lotastro.support.Api;
import com.lotastro.support.CrmEvents;
import com.lotastro.support.CustomerFixtures;
import com.lotastro.support.Db;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.OrderFixtures;
import com.lotastro.support.ShipmentFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import com.lotastro.support.WebhookFixtures;
import com.lotastro.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The timelines of an order and of its shipment, read back from what each step recorded, through the contract. */
@QuarkusTest
class TimelineTest {
    @Inject
    DataSource dataSource;

    private WebhookReceiver receiver;
    private Tenant tenant;
    private String orderId;
    private String shipmentId;

    @BeforeEach
    void start() {
        receiver = WebhookReceiver.start();
        tenant = Tenants.create();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    /** Reservation, override, CRM approval, staging, picking, fulfilment, shipment, courier events, webhook deliveries. */
    private void playTheWholeStory() {
        WebhookFixtures.endpoint(tenant, receiver.url(), "shipment.posted", "shipment.delivered");
        String crmKey = Tenants.keyWithScopes(tenant, "integration:crm");
        String crmSecret = CrmEvents.connect(tenant, "http://127.0.0.1:9/crm");
        JsonPath item = InventoryFixtures.item(tenant);
        InventoryFixtures.lot(tenant, item.getString("id"), 40);
        String reservationId = OrderFixtures.allocatedReservation(tenant, item, 25, "immediate").getString("id");
        orderId = OrderFixtures.orderByOverride(tenant, reservationId).getString("id");
        CrmEvents.send(crmKey, crmSecret, OrderFixtures.approval(reservationId)).then().statusCode(200);
        Api.as(tenant.adminKey()).header("X-Actor", "depo-ali").post("/v1/orders/" + orderId + "/stage").then().statusCode(200);
        OrderFixtures.pickAll(tenant, OrderFixtures.order(tenant, orderId));
        Api.as(tenant.adminKey()).post("/v1/orders/" + orderId + "/fulfil").then().statusCode(200);

        String courierSecret = Api.as(tenant.adminKey()).body(Map.of("code", "hizli", "name", "Hızlı Kargo",
                        "tracking_url_template", "https://track.hizli.example/{tracking_number}", "sends_events", true))
                .post("/v1/couriers").then().statusCode(201).extract().path("signing_secret");
        shipmentId = Api.as(tenant.adminKey())
                .body(Map.of("address", CustomerFixtures.address("Liman Yolu 9", "Mersin"), "contact", Map.of("name", "Kapıdaki Görevli")))
                .post("/v1/orders/" + orderId + "/shipments").then().statusCode(201).extract().path("id");
        Api.as(tenant.adminKey()).body(ShipmentFixtures.ready("hizli", "HZ-77")).post("/v1/shipments/" + shipmentId + "/ready")
                .then().statusCode(200);
        String courierKey = Tenants.keyWithScopes(tenant, "integration:courier");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ShipmentFixtures.send(courierKey, "hizli", courierSecret,
                ShipmentFixtures.courierEvent("trk-a", "HZ-77", "picked_up", now.minusSeconds(3600).toString())).then().statusCode(200);
        ShipmentFixtures.send(courierKey, "hizli", courierSecret,
                ShipmentFixtures.courierEvent("trk-b", "HZ-77", "delivered", now.minusSeconds(60).toString())).then().statusCode(200);
        // Both events reach the subscriber; their attempts are part of the story.
        await().atMost(Duration.ofSeconds(15)).until(() -> timeline("/v1/shipments/" + shipmentId + "/timeline?limit=200")
                .getList("data.kind").stream().filter("webhook.delivered"::equals).count() == 2);
    }

    private JsonPath timeline(String path) {
        return Api.as(tenant.adminKey()).get(path).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> summaries(JsonPath page, String kind) {
        List<Map<String, Object>> entries = page.getList("data");
        return entries.stream().filter(entry -> entry.get("kind").equals(kind)).map(entry -> (String) entry.get("summary"))
                .map(summary -> summary.contains(" (") ? summary.substring(0, summary.indexOf(" (")) : summary).toList();
    }

    private static Map<String, Object> first(JsonPath page, String kind) {
        List<Map<String, Object>> entries = page.getList("data");
        return entries.stream().filter(entry -> entry.get("kind").equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void shouldTellWhatHappenedToAnOrderInOrderFromWhatWasRecorded() {
        playTheWholeStory();
        long audit = Db.queryLong(dataSource, "select count(*) from audit_events where organization_id = ?", tenant.organizationId());
        long outbox = Db.queryLong(dataSource, "select count(*) from outbox_events where organization_id = ?", tenant.organizationId());

        JsonPath full = timeline("/v1/orders/" + orderId + "/timeline?limit=200");
        assertThat(full.getString("next_cursor")).isNull();
        List<String> kinds = full.getList("data.kind");
        assertThat(kinds).contains("reservation.created", "override.recorded",
                "order.approval_attached", "crm_event.received", "order.status_changed", "shipment.status_changed",
                "courier.picked_up", "courier.delivered", "email.queued", "event.recorded", "webhook.delivered");
        assertThat(summaries(full, "order.status_changed")).containsExactly("Order created", "Order created → staged",
                "Order staged → picked", "Order picked → fulfilled", "Order fulfilled → shipped", "Order shipped → delivered");
        assertThat(summaries(full, "shipment.status_changed")).containsExactly("Shipment draft", "Shipment draft → ready",
                "Shipment ready → in_transit", "Shipment in_transit → delivered");
        List<OffsetDateTime> times = full.getList("data.at", String.class).stream().map(OffsetDateTime::parse).toList();
        assertThat(times).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(kinds.indexOf("reservation.created")).isLessThan(kinds.indexOf("override.recorded"));
        assertThat(kinds.indexOf("override.recorded")).isLessThan(kinds.indexOf("crm_event.received"));
        assertThat(kinds.indexOf("crm_event.received")).isLessThan(kinds.indexOf("courier.picked_up"));

        assertThat(first(full, "override.recorded")).containsEntry("actor", "manager-mira").containsEntry("source", "audit");
        assertThat(full.getList("data.findAll { it.summary.startsWith('Order created → staged') }.actor")).containsExactly("depo-ali");
        assertThat(first(full, "crm_event.received")).containsEntry("actor", "crm").containsEntry("source", "crm_event");
        assertThat((String) first(full, "crm_event.received").get("summary")).startsWith("CRM shipment.approved evt_").contains("applied");
        assertThat(first(full, "courier.delivered")).containsEntry("actor", "hizli")
                .containsEntry("link", Map.of("type", "shipment", "id", shipmentId, "path", "/v1/shipments/" + shipmentId));
        List<String> emails = full.getList("data.findAll { it.kind == 'email.queued' }.summary");
        assertThat(emails).anyMatch(summary -> summary.startsWith("Email \"[LotAstro] Approval needed: reservation for CRM deal"))
                .anyMatch(summary -> summary.startsWith("Email \"[LotAstro] Override used: " + OrderFixtures.order(tenant, orderId)
                        .getString("po_number")) && summary.endsWith("queued for sales-managers@lotastro.local"));
        Map<String, Object> delivered = first(full, "webhook.delivered");
        assertThat(delivered).containsEntry("actor", receiver.url()).containsEntry("source", "webhook");
        assertThat((String) delivered.get("summary")).startsWith("Delivery of shipment.posted to").endsWith("HTTP 200");
        @SuppressWarnings("unchecked")
        Map<String, String> link = (Map<String, String>) delivered.get("link");
        Api.as(tenant.adminKey()).get(link.get("path")).then().statusCode(200);

        // Page by page it is the same list.
        List<Object> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = Api.as(tenant.adminKey()).queryParam("limit", 7);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/v1/orders/" + orderId + "/timeline").then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("data")).hasSizeLessThanOrEqualTo(7);
            paged.addAll(page.getList("data"));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        assertThat(paged).isEqualTo(full.getList("data"));
        problem(Api.raw(tenant.adminKey()).queryParam("cursor", "bm90LWEtY3Vyc29y").get("/v1/orders/" + orderId + "/timeline").then(),
                400, "invalid_cursor");

        // Reading it wrote nothing.
        assertThat(Db.queryLong(dataSource, "select count(*) from audit_events where organization_id = ?", tenant.organizationId()))
                .isEqualTo(audit);
        assertThat(Db.queryLong(dataSource, "select count(*) from outbox_events where organization_id = ?", tenant.organizationId()))
                .isEqualTo(outbox);
    }

    @Test
    void shouldTellWhatHappenedToAShipmentOnly() {
        playTheWholeStory();
        JsonPath shipment = timeline("/v1/shipments/" + shipmentId + "/timeline?limit=200");
        List<String> kinds = shipment.getList("data.kind");
        assertThat(kinds).contains("shipment.status_changed", "courier.picked_up", "courier.delivered", "event.recorded",
                "webhook.delivered").doesNotContain("reservation.created", "order.status_changed", "crm_event.received");
        assertThat(summaries(shipment, "event.recorded")).containsExactly("Event shipment.posted recorded for subscribers",
                "Event shipment.delivered recorded for subscribers");
        assertThat(summaries(shipment, "courier.picked_up")).hasSize(1).allMatch(s -> s.startsWith("Courier hizli reports picked_up for HZ-77"));
        assertThat(shipment.getList("data.at", String.class).stream().map(OffsetDateTime::parse).toList())
                .isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void shouldKeepTimelinesToTheirOrganizationAndScopes() {
        JsonPath order = ShipmentFixtures.fulfilledOrder(tenant, 12);
        String id = Api.as(tenant.adminKey()).body(Map.of("address", CustomerFixtures.address("Yol 1", "Bursa")))
                .post("/v1/orders/" + order.getString("id") + "/shipments").then().statusCode(201).extract().path("id");
        Tenant other = Tenants.create();
        problem(Api.as(other.adminKey()).get("/v1/orders/" + order.getString("id") + "/timeline").then(), 404, "not_found");
        problem(Api.as(other.adminKey()).get("/v1/shipments/" + id + "/timeline").then(), 404, "not_found");
        problem(Api.as(tenant.adminKey()).get("/v1/orders/" + UUID.randomUUID() + "/timeline").then(), 404, "not_found");
        String shipmentsReader = Tenants.keyWithScopes(tenant, "shipments:read");
        problem(Api.as(shipmentsReader).get("/v1/orders/" + order.getString("id") + "/timeline").then(), 403, "insufficient_scope");
        Api.as(shipmentsReader).get("/v1/shipments/" + id + "/timeline").then().statusCode(200);
        Api.as(Tenants.keyWithScopes(tenant, "orders:read")).get("/v1/orders/" + order.getString("id") + "/timeline").then()
                .statusCode(200);
    }
}
