package com.lotastro.shipment;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasItem;

import com.lotastro.support.Api;
import com.lotastro.support.CrmEvents;
import com.lotastro.support.CustomerFixtures;
import com.lotastro.support.Db;
import com.lotastro.support.OrderFixtures;
import com.lotastro.support.ShipmentFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Shipments of fulfilled orders: snapshots, states and their events, the order's last steps, courier events. */
@QuarkusTest
class ShipmentsTest {
    @Inject
    DataSource dataSource;

    private Tenant tenant;
    private JsonPath order;
    private String customerId;
    private String addressId;
    private String contactId;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
        order = ShipmentFixtures.fulfilledOrder(tenant, 52.5);
        customerId = CustomerFixtures.customer(tenant, "Bursa Perde A.Ş.").getString("id");
        addressId = CustomerFixtures.addAddress(tenant, customerId, CustomerFixtures.address("Organize Sanayi 4. Cadde No 12", "Bursa"))
                .getString("id");
        contactId = CustomerFixtures.addContact(tenant, customerId, Map.of("name", "Ayşe Yılmaz", "phone", "+90 224 555 01 02"))
                .getString("id");
    }

    private JsonPath createShipment() {
        return Api.as(tenant.adminKey())
                .body(Map.of("customer_id", customerId, "address_id", addressId, "contact_id", contactId))
                .post("/v1/orders/" + order.getString("id") + "/shipments").then().statusCode(201).extract().jsonPath();
    }

    private io.restassured.response.ValidatableResponse act(String shipmentId, String action, Object body) {
        var request = Api.as(tenant.adminKey()).header("X-Actor", "depo-ali");
        if (body != null) {
            request.body(body);
        }
        return request.post("/v1/shipments/" + shipmentId + "/" + action).then();
    }

    private String orderStatus() {
        return OrderFixtures.order(tenant, order.getString("id")).getString("status");
    }

    @Test
    void shouldKeepTheSnapshotWhenTheAddressBookChanges() {
        JsonPath shipment = createShipment();
        assertThat(shipment.getString("status")).isEqualTo("draft");
        assertThat(shipment.getString("ship_to.name")).isEqualTo("Bursa Perde A.Ş.");
        assertThat(shipment.getString("ship_to.line1")).isEqualTo("Organize Sanayi 4. Cadde No 12");
        assertThat(shipment.getString("contact.name")).isEqualTo("Ayşe Yılmaz");
        assertThat(shipment.getList("rolls.barcode")).hasSize(1);
        assertThat(shipment.getDouble("total_meters")).isEqualTo(52.5);

        // Making the shipment stamped the address's last use: a change, so it is at version 1.
        Api.as(tenant.adminKey()).header("If-Match", "\"1\"").body(Map.of("line1", "Yeni Adres 1", "city", "İzmir"))
                .patch("/v1/customers/" + customerId + "/addresses/" + addressId).then().statusCode(200);
        Api.as(tenant.adminKey()).header("If-Match", "\"0\"").body(Map.of("name", "Someone Else"))
                .patch("/v1/customers/" + customerId + "/contacts/" + contactId).then().statusCode(200);
        Api.as(tenant.adminKey()).get("/v1/shipments/" + shipment.getString("id")).then().statusCode(200)
                .body("ship_to.line1", equalTo("Organize Sanayi 4. Cadde No 12"))
                .body("ship_to.city", equalTo("Bursa"))
                .body("contact.name", equalTo("Ayşe Yılmaz"));
        Api.as(tenant.adminKey()).get("/v1/customers/" + customerId).then()
                .body("addresses[0].last_used_at", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void shouldMoveThroughItsStatesAndTakeTheOrderToShippedAndDelivered() {
        String id = createShipment().getString("id");
        problem(Api.as(tenant.adminKey()).body(Map.of("customer_id", customerId, "address_id", addressId))
                .post("/v1/orders/" + order.getString("id") + "/shipments").then(), 409, "invalid_transition");
        problem(act(id, "post", null), 409, "invalid_transition").body("allowed_next_states", contains("ready", "cancelled"));
        problem(act(id, "ready", ShipmentFixtures.ready("yurtici", null)), 422, "validation_failed");
        problem(act(id, "ready", ShipmentFixtures.ready("no-such-courier", "1")), 422, "validation_failed");
        act(id, "ready", ShipmentFixtures.ready("yurtici", "YK123456")).statusCode(200)
                .body("status", equalTo("ready"))
                .body("courier_name", equalTo("Yurtiçi Kargo"))
                .body("tracking_url", equalTo("https://www.yurticikargo.com/tr/online-servisler/gonderi-sorgula?code=YK123456"));
        assertThat(orderStatus()).isEqualTo("fulfilled");

        act(id, "post", null).statusCode(200).body("status", equalTo("in_transit")).body("allowed_next_states", contains("delivered"));
        assertThat(orderStatus()).isEqualTo("shipped");
        problem(act(id, "cancel", null), 409, "invalid_transition");
        JsonPath posted = OrderFixtures.outbox(tenant, id);
        assertThat(posted.getList("data.type")).containsExactly("shipment.posted");
        assertThat(posted.getString("data[0].payload.po_number")).isEqualTo(order.getString("po_number"));
        assertThat(posted.getString("data[0].payload.tracking_number")).isEqualTo("YK123456");
        assertThat(posted.getString("data[0].payload.tracking_url")).endsWith("YK123456");
        assertThat(posted.getList("data[0].payload.rolls.barcode")).isEqualTo(shipmentBarcodes(id));
        assertThat(posted.getString("data[0].idempotency_key")).isEqualTo("wms:shipment:" + id + ":posted:v1");

        act(id, "deliver", null).statusCode(200).body("status", equalTo("delivered"));
        assertThat(orderStatus()).isEqualTo("delivered");
        assertThat(OrderFixtures.outbox(tenant, id).getList("data.type")).containsExactly("shipment.posted", "shipment.delivered");
        Api.as(tenant.adminKey()).get("/v1/orders/" + order.getString("id") + "/transitions").then().statusCode(200)
                .body("data.to_status", hasItem("delivered"));
        assertThat(Db.queryLong(dataSource, "select count(*) from shipment_transitions where shipment_id = ?", UUID.fromString(id)))
                .isEqualTo(4);
        Api.as(tenant.adminKey()).get("/v1/shipments?status=delivered").then().statusCode(200).body("data.id", contains(id));
    }

    private List<String> shipmentBarcodes(String id) {
        return Api.as(tenant.adminKey()).get("/v1/shipments/" + id).then().extract().jsonPath().getList("rolls.barcode");
    }

    @Test
    void shouldCancelBeforeTransitAndAllowANewShipmentThen() {
        String id = createShipment().getString("id");
        act(id, "cancel", null).statusCode(200).body("status", equalTo("cancelled"));
        assertThat(orderStatus()).isEqualTo("fulfilled");
        // An ad-hoc address and contact, saved to the book.
        Map<String, Object> address = CustomerFixtures.address("Liman Yolu 9", "Mersin");
        address.remove("label");
        Api.as(tenant.adminKey()).body(Map.of("customer_id", customerId, "address", address, "save_address", true,
                        "contact", Map.of("name", "Kapıdaki Görevli")))
                .post("/v1/orders/" + order.getString("id") + "/shipments").then().statusCode(201)
                .body("ship_to.city", equalTo("Mersin")).body("contact.name", equalTo("Kapıdaki Görevli"));
        Api.as(tenant.adminKey()).get("/v1/customers/" + customerId).then().body("addresses", hasSize(2));
    }

    @Test
    void shouldRefuseWhatCannotShip() {
        JsonPath item = com.lotastro.support.InventoryFixtures.item(tenant);
        com.lotastro.support.InventoryFixtures.lot(tenant, item.getString("id"), 10);
        JsonPath unfulfilled = OrderFixtures.orderByOverride(tenant,
                OrderFixtures.allocatedReservation(tenant, item, 10, "immediate").getString("id"));
        problem(Api.as(tenant.adminKey()).body(Map.of("customer_id", customerId, "address_id", addressId))
                .post("/v1/orders/" + unfulfilled.getString("id") + "/shipments").then(), 409, "invalid_transition");
        problem(Api.as(tenant.adminKey()).body(Map.of("customer_id", customerId))
                .post("/v1/orders/" + order.getString("id") + "/shipments").then(), 422, "validation_failed");
        String otherCustomer = CustomerFixtures.customer(tenant, "Başka Firma").getString("id");
        problem(Api.as(tenant.adminKey()).body(Map.of("customer_id", otherCustomer, "address_id", addressId))
                .post("/v1/orders/" + order.getString("id") + "/shipments").then(), 422, "validation_failed");
        assertThat(Db.queryLong(dataSource, "select count(*) from shipments where organization_id = ?", tenant.organizationId()))
                .isZero();
    }

    @Test
    void shouldApplySignedCourierEventsOnceAndInOrder() {
        JsonPath courier = Api.as(tenant.adminKey()).body(Map.of("code", "hizli", "name", "Hızlı Kargo",
                "tracking_url_template", "https://track.hizli.example/{tracking_number}", "sends_events", true))
                .post("/v1/couriers").then().statusCode(201).extract().jsonPath();
        String secret = courier.getString("signing_secret");
        assertThat(secret).startsWith("whsec_");
        Api.as(tenant.adminKey()).get("/v1/couriers?limit=200").then().statusCode(200)
                .body("data.code", hasItem("hizli")).body("data.signing_secret", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()))
                .body("data.name", hasItem("Sürat Kargo"));
        String id = createShipment().getString("id");
        act(id, "ready", ShipmentFixtures.ready("hizli", "HZ-1")).statusCode(200);
        String key = Tenants.keyWithScopes(tenant, "integration:courier");

        String pickedUp = ShipmentFixtures.courierEvent("trk-1", "HZ-1", "picked_up", "2026-11-25T08:00:00Z");
        long now = Instant.now().getEpochSecond();
        problem(ShipmentFixtures.sendSigned(key, "hizli", "trk-1", now, "v1,bm90IHRoZSBzaWduYXR1cmU=", pickedUp).then(), 401,
                "invalid_signature");
        problem(ShipmentFixtures.sendSigned(key, "hizli", "trk-1", now, CrmEvents.signature(secret, "trk-1", now, pickedUp),
                pickedUp.replace("picked_up", "delivered")).then(), 401, "invalid_signature");
        problem(Api.raw(key).body(pickedUp).post("/v1/integration/couriers/hizli/events").then(), 401, "invalid_signature");
        assertThat(orderStatus()).isEqualTo("fulfilled");

        ShipmentFixtures.send(key, "hizli", secret, pickedUp).then().statusCode(200).body("outcome", equalTo("applied"));
        ShipmentFixtures.send(key, "hizli", secret, pickedUp).then().statusCode(200).body("outcome", equalTo("applied"));
        assertThat(orderStatus()).isEqualTo("shipped");
        ShipmentFixtures.send(key, "hizli", secret, ShipmentFixtures.courierEvent("trk-3", "HZ-1", "delivered", "2026-11-25T15:00:00Z"))
                .then().statusCode(200).body("outcome", equalTo("applied"));
        // Sent before the delivery, arriving after it: recorded, the shipment stays delivered.
        ShipmentFixtures.send(key, "hizli", secret, ShipmentFixtures.courierEvent("trk-2", "HZ-1", "out_for_delivery", "2026-11-25T11:00:00Z"))
                .then().statusCode(200).body("outcome", equalTo("ignored_older"));
        ShipmentFixtures.send(key, "hizli", secret, ShipmentFixtures.courierEvent("trk-9", "NOPE-1", "in_transit", "2026-11-25T11:00:00Z"))
                .then().statusCode(200).body("outcome", equalTo("unknown_tracking_number"));
        Api.as(tenant.adminKey()).get("/v1/shipments/" + id).then().statusCode(200)
                .body("status", equalTo("delivered"))
                .body("carrier_status", equalTo("delivered"))
                .body("courier_events.event_id", contains("trk-1", "trk-2", "trk-3"));
        assertThat(orderStatus()).isEqualTo("delivered");
        assertThat(Db.queryLong(dataSource, "select count(*) from courier_events where organization_id = ?", tenant.organizationId()))
                .isEqualTo(4);
        problem(ShipmentFixtures.send(key, "yurtici-nope", secret, pickedUp).then(), 404, "not_found");
    }

    @Test
    void shouldKeepShipmentsAndCouriersToTheirOrganization() {
        String id = createShipment().getString("id");
        Tenant other = Tenants.create();
        problem(Api.as(other.adminKey()).get("/v1/shipments/" + id).then(), 404, "not_found");
        problem(Api.as(other.adminKey()).post("/v1/shipments/" + id + "/cancel").then(), 404, "not_found");
        problem(Api.as(other.adminKey()).body(Map.of("address", CustomerFixtures.address("x", "y")))
                .post("/v1/orders/" + order.getString("id") + "/shipments").then(), 404, "not_found");
        Api.as(other.adminKey()).get("/v1/shipments").then().body("data", hasSize(0));
        String courierId = Api.as(tenant.adminKey()).get("/v1/couriers").then().extract().path("data[0].id");
        problem(Api.as(other.adminKey()).header("If-Match", "\"0\"").body(Map.of("name", "x")).patch("/v1/couriers/" + courierId)
                .then(), 404, "not_found");
        String reader = Tenants.keyWithScopes(tenant, "shipments:read");
        Api.as(reader).get("/v1/shipments/" + id).then().statusCode(200);
        problem(Api.as(reader).post("/v1/shipments/" + id + "/cancel").then(), 403, "insufficient_scope");
        Api.as(tenant.adminKey()).header("If-Match", "\"0\"").body(Map.of("rotate_secret", true)).patch("/v1/couriers/" + courierId)
                .then().statusCode(200).body("signing_secret", org.hamcrest.Matchers.startsWith("whsec_"));
    }

    @Test
    void shouldRenderThePackingListWithItsRollsAndTurkishLetters() {
        String turkish = CustomerFixtures.customer(tenant, "Şişli Güneş İplik A.Ş.").getString("id");
        String address = CustomerFixtures.addAddress(tenant, turkish, CustomerFixtures.address("Büyükdere Cad. Işık Sok. No 3", "İstanbul"))
                .getString("id");
        String contact = CustomerFixtures.addContact(tenant, turkish, Map.of("name", "Ayşegül Çağlar", "phone", "+90 212 555 03 04"))
                .getString("id");
        String id = Api.as(tenant.adminKey()).body(Map.of("customer_id", turkish, "address_id", address, "contact_id", contact))
                .post("/v1/orders/" + order.getString("id") + "/shipments").then().statusCode(201).extract().path("id");
        act(id, "ready", ShipmentFixtures.ready("yurtici", "YK777001")).statusCode(200);
        JsonPath shipment = Api.as(tenant.adminKey()).get("/v1/shipments/" + id).then().extract().jsonPath();

        byte[] pdf = Api.as(tenant.adminKey()).accept("application/pdf").get("/v1/shipments/" + id + "/packing-list").then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text = com.lotastro.support.PdfText.of(pdf);
        assertThat(text).contains("Packing list " + order.getString("po_number"))
                .contains("Şişli Güneş İplik A.Ş.")
                .contains("Büyükdere Cad. Işık Sok. No 3")
                .contains("İstanbul")
                .contains("Ayşegül Çağlar")
                .contains("Yurtiçi Kargo")
                .contains("YK777001")
                .contains(shipment.getString("rolls[0].quality_code") + " / " + shipment.getString("rolls[0].color_code"))
                .contains(shipment.getString("rolls[0].barcode"))
                .contains(shipment.getString("rolls[0].lot_number"))
                .contains("52.50")
                .contains("Line total: 1 roll")
                .contains("Rolls: 1")
                .contains("Meters: 52.50");
        assertThat(com.lotastro.support.PdfText.fontsOfFirstPage(pdf)).allMatch(font -> font.endsWith("(embedded)"));

        // Any media type is fine too; one the operation cannot answer with is 406, and a key of another organization gets 404.
        Api.as(tenant.adminKey()).accept("*/*").get("/v1/shipments/" + id + "/packing-list").then().statusCode(200)
                .contentType("application/pdf");
        problem(Api.unvalidated(tenant.adminKey()).accept("text/csv").get("/v1/shipments/" + id + "/packing-list").then(), 406,
                "not_acceptable");
        problem(Api.as(Tenants.create().adminKey()).accept("application/pdf").get("/v1/shipments/" + id + "/packing-list").then(),
                404, "not_found");
        problem(Api.as(tenant.adminKey()).accept("application/pdf").get("/v1/shipments/" + UUID.randomUUID() + "/packing-list").then(),
                404, "not_found");
    }

    @Test
    void shouldKeepShipmentTransitionsToTheirOrganization() {
        String id = createShipment().getString("id");
        Tenant other = Tenants.create();
        problem(Api.as(other.adminKey()).body(ShipmentFixtures.ready("yurtici", "YK-OTHER")).post("/v1/shipments/" + id + "/ready")
                .then(), 404, "not_found");
        act(id, "ready", ShipmentFixtures.ready("yurtici", "YK-MINE")).statusCode(200);
        problem(Api.as(other.adminKey()).post("/v1/shipments/" + id + "/post").then(), 404, "not_found");
        act(id, "post", null).statusCode(200);
        problem(Api.as(other.adminKey()).post("/v1/shipments/" + id + "/deliver").then(), 404, "not_found");
        Api.as(tenant.adminKey()).get("/v1/shipments/" + id).then().body("status", equalTo("in_transit"))
                .body("tracking_number", equalTo("YK-MINE"));
        assertThat(Db.queryLong(dataSource, "select count(*) from shipment_transitions where shipment_id = ?", UUID.fromString(id)))
                .isEqualTo(3);
    }
}
