package com.lotastro.reservation;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.lotastro.support.Api;
import com.lotastro.support.Concurrently;
import com.lotastro.support.Db;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.ReservationFixtures;
import com.lotastro.support.SupplyFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReservationTest {
    @Inject
    DataSource dataSource;

    private Tenant tenant;
    private JsonPath item;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
        item = InventoryFixtures.item(tenant);
    }

    private String availability() {
        return "/v1/inventory/availability?quality_code=" + item.getString("quality_code");
    }

    @Test
    void shouldPromiseOnHandStockAndShowItInAvailability() {
        InventoryFixtures.lot(tenant, item.getString("id"), 60, 40);
        Map<String, Object> body = ReservationFixtures.body(item, 70);
        @SuppressWarnings("unchecked")
        Map<String, Object> line = ((List<Map<String, Object>>) body.get("lines")).get(0);
        line.put("unit_price", 4.75);
        line.put("currency", "EUR");
        JsonPath reservation = Api.as(tenant.adminKey()).header("X-Actor", "crm").body(body).post("/v1/reservations").then()
                .statusCode(201)
                .body("status", equalTo("active"))
                .body("allocation_state", equalTo("unallocated"))
                .body("action_required", equalTo(false))
                .body("lines[0].meters", equalTo(70.00f))
                .body("lines[0].unit_price", equalTo(4.75f))
                .body("lines[0].allocated_meters", equalTo(0.00f))
                .extract().jsonPath();

        Api.as(tenant.adminKey()).get(availability()).then()
                .body("data[0].on_hand_meters", equalTo(100.00f))
                .body("data[0].promised_meters", equalTo(70.00f))
                .body("data[0].available_meters", equalTo(30.00f));
        Api.as(tenant.adminKey()).get("/v1/outbox-events?type=reservation.created&aggregate_id=" + reservation.getString("id")).then()
                .body("data[0].idempotency_key", equalTo("wms:reservation:" + reservation.getString("id") + ":created:v1"))
                .body("data[0].payload.lines[0].crm_deal_line_id", equalTo(line.get("crm_deal_line_id")))
                .body("data[0].payload.lines[0].wms_reservation_line_id", equalTo(reservation.getString("lines[0].id")));
    }

    @Test
    void shouldRefuseToPromiseMoreThanIsAvailableSayingWhatIs() {
        String lot = InventoryFixtures.lot(tenant, item.getString("id"), 30, 20).getString("lot_number");
        SupplyFixtures.create(tenant, item, 400, LocalDate.of(2027, 1, 10));
        ReservationFixtures.create(tenant, item, 10);
        Map<String, Long> before = Db.counts(dataSource, tenant.organizationId());

        problem(Api.raw(tenant.adminKey()).body(ReservationFixtures.body(item, 40.01)).post("/v1/reservations").then(),
                409, "insufficient_stock")
                .body("lines[0].requested_meters", equalTo(40.01f))
                .body("lines[0].available_meters", equalTo(40.00f))
                .body("lines[0].lots[0].lot_number", equalTo(lot))
                .body("lines[0].lots[0].free_meters", equalTo(50.00f))
                .body("lines[0].nearest_incoming.eta_date", equalTo("2027-01-10"))
                .body("lines[0].nearest_incoming.meters", equalTo(400.00f));
        assertThat(Db.counts(dataSource, tenant.organizationId())).isEqualTo(before);
        ReservationFixtures.create(tenant, item, 40);
    }

    @Test
    void shouldLetExactly33Of50ConcurrentReservationsOf3MetersIntoOneHundred() throws Exception {
        InventoryFixtures.lot(tenant, item.getString("id"), 100);
        List<Integer> statuses = Concurrently.run(50, i ->
                Api.raw(tenant.adminKey()).body(ReservationFixtures.body(item, 3)).post("/v1/reservations").then().extract().statusCode());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(33);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(17);
        Api.as(tenant.adminKey()).get(availability()).then()
                .body("data[0].promised_meters", equalTo(99.00f))
                .body("data[0].available_meters", equalTo(1.00f));
    }

    @Test
    void shouldRefuseInvalidReservations() {
        InventoryFixtures.lot(tenant, item.getString("id"), 100);
        Map<String, Object> repeated = ReservationFixtures.body("unknown", List.of(ReservationFixtures.line(item, 1)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) repeated.get("lines");
        Map<String, Object> copy = new java.util.HashMap<>(lines.get(0));
        lines.add(copy);
        problem(Api.raw(tenant.adminKey()).body(repeated).post("/v1/reservations").then(), 422, "validation_failed")
                .body("errors[0].field", equalTo("lines[1].crm_deal_line_id"));

        Map<String, Object> unknownItem = ReservationFixtures.body(item, 1);
        ((List<Map<String, Object>>) unknownItem.get("lines")).get(0).put("color_code", "NOPE");
        problem(Api.raw(tenant.adminKey()).body(unknownItem).post("/v1/reservations").then(), 422, "unknown_catalog_item")
                .body("errors[0].field", equalTo("lines[0].quality_code"));

        Map<String, Object> priceOnly = ReservationFixtures.body(item, 1);
        ((List<Map<String, Object>>) priceOnly.get("lines")).get(0).put("unit_price", 3);
        problem(Api.raw(tenant.adminKey()).body(priceOnly).post("/v1/reservations").then(), 422, "validation_failed")
                .body("errors[0].field", equalTo("lines[0].currency"));

        Map<String, Object> badIntent = ReservationFixtures.body(item, 1);
        badIntent.put("ship_intent", "yesterday");
        problem(Api.raw(tenant.adminKey()).body(badIntent).post("/v1/reservations").then(), 422, "validation_failed")
                .body("errors[0].field", equalTo("ship_intent"));
        Api.as(tenant.adminKey()).get("/v1/reservations").then().body("data.size()", equalTo(0));
    }

    @Test
    void shouldReserveAgainstIncomingSupplyUpToItsMeters() {
        JsonPath supply = SupplyFixtures.create(tenant, item, 100, LocalDate.of(2027, 1, 10));
        Map<String, Object> body = ReservationFixtures.body(item, 60);
        body.put("crm_supply_request_id", supply.getString("crm_supply_request_id"));
        Api.as(tenant.adminKey()).body(body).post("/v1/reservations").then().statusCode(201)
                .body("supply_request_id", equalTo(supply.getString("id")));

        Map<String, Object> second = ReservationFixtures.body(item, 41);
        second.put("crm_supply_request_id", supply.getString("crm_supply_request_id"));
        problem(Api.raw(tenant.adminKey()).body(second).post("/v1/reservations").then(), 409, "insufficient_stock")
                .body("lines[0].available_meters", equalTo(40.00f));
        ((List<Map<String, Object>>) second.get("lines")).get(0).put("meters", 40);
        Api.as(tenant.adminKey()).body(second).post("/v1/reservations").then().statusCode(201);

        Map<String, Object> unknown = ReservationFixtures.body(item, 1);
        unknown.put("crm_supply_request_id", UUID.randomUUID().toString());
        problem(Api.raw(tenant.adminKey()).body(unknown).post("/v1/reservations").then(), 422, "unknown_supply_request");
    }

    @Test
    void shouldChangeShipIntentOnlyWithTheCurrentVersion() {
        InventoryFixtures.lot(tenant, item.getString("id"), 100);
        String id = ReservationFixtures.create(tenant, item, 10).getString("id");
        String etag = Api.as(tenant.adminKey()).get("/v1/reservations/" + id).then().statusCode(200)
                .header("ETag", "\"0\"").extract().header("ETag");

        problem(Api.raw(tenant.adminKey()).body(Map.of("ship_intent", "immediate")).patch("/v1/reservations/" + id).then(),
                428, "precondition_required");
        Api.as(tenant.adminKey()).header("If-Match", etag).body(Map.of("ship_intent", "ship_on_date", "ship_date", "2026-12-20"))
                .patch("/v1/reservations/" + id).then().statusCode(200)
                .body("ship_intent", equalTo("ship_on_date"))
                .body("ship_date", equalTo("2026-12-20"))
                .body("version", equalTo(1));
        problem(Api.raw(tenant.adminKey()).header("If-Match", etag).body(Map.of("ship_intent", "immediate"))
                .patch("/v1/reservations/" + id).then(), 412, "stale_version");
        Api.as(tenant.adminKey()).get("/v1/reservations/" + id).then().body("ship_intent", equalTo("ship_on_date"));
    }

    @Test
    void shouldReturnEveryMeterOnRelease() {
        String roll = InventoryFixtures.lot(tenant, item.getString("id"), 100).getString("rolls[0].id");
        JsonPath reservation = ReservationFixtures.create(tenant, item, 30);
        ReservationFixtures.allocate(tenant, reservation, roll, 30);
        Api.as(tenant.adminKey()).get("/v1/rolls/" + roll).then().body("reserved_meters", equalTo(30.00f));

        Api.as(tenant.adminKey()).body(Map.of("reason", "customer_cancelled"))
                .post("/v1/reservations/" + reservation.getString("id") + "/release").then().statusCode(200)
                .body("status", equalTo("released"))
                .body("release_reason", equalTo("customer_cancelled"))
                .body("released_at", notNullValue())
                .body("lines[0].allocated_meters", equalTo(0.00f));

        Api.as(tenant.adminKey()).get("/v1/rolls/" + roll).then().body("reserved_meters", equalTo(0.00f)).body("meters", equalTo(100.00f));
        Api.as(tenant.adminKey()).get("/v1/inventory/transactions?roll_id=" + roll + "&type=RESERVATION_RELEASE").then()
                .body("data.size()", equalTo(1))
                .body("data[0].reserved_meters", equalTo(-30.00f))
                .body("data[0].meters", equalTo(0.00f));
        Api.as(tenant.adminKey()).get("/v1/inventory/consistency").then().body("healthy", equalTo(true));
        Api.as(tenant.adminKey()).get(availability()).then().body("data[0].available_meters", equalTo(100.00f));
        Api.as(tenant.adminKey()).get("/v1/outbox-events?type=reservation.released&aggregate_id=" + reservation.getString("id"))
                .then().body("data[0].payload.reason", equalTo("customer_cancelled"));
        problem(Api.raw(tenant.adminKey()).body(Map.of("reason", "again"))
                .post("/v1/reservations/" + reservation.getString("id") + "/release").then(), 409, "reservation_not_active");
    }

    @Test
    void shouldReleaseExpiredHoldsButNotAllocatedReservations() {
        String roll = InventoryFixtures.lot(tenant, item.getString("id"), 100).getString("rolls[0].id");
        Map<String, Object> expired = ReservationFixtures.body(item, 20);
        expired.put("hold_until", "2026-01-01T00:00:00Z");
        String expiredId = ReservationFixtures.create(tenant, expired).getString("id");
        Map<String, Object> allocatedBody = ReservationFixtures.body(item, 10);
        allocatedBody.put("hold_until", "2026-01-01T00:00:00Z");
        JsonPath allocated = ReservationFixtures.create(tenant, allocatedBody);
        ReservationFixtures.allocate(tenant, allocated, roll, 10);
        Map<String, Object> future = ReservationFixtures.body(item, 5);
        future.put("hold_until", "2099-01-01T00:00:00Z");
        String futureId = ReservationFixtures.create(tenant, future).getString("id");

        JsonPath run = Api.as(tenant.adminKey()).post("/v1/jobs/hold-expiry/trigger").then().statusCode(201).extract().jsonPath();
        assertThat(run.getString("outcome")).isEqualTo("succeeded");
        assertThat(run.getLong("counts.released")).isEqualTo(1);

        Api.as(tenant.adminKey()).get("/v1/reservations/" + expiredId).then()
                .body("status", equalTo("released")).body("release_reason", equalTo("hold_expired"));
        Api.as(tenant.adminKey()).get("/v1/reservations/" + allocated.getString("id")).then().body("status", equalTo("active"));
        Api.as(tenant.adminKey()).get("/v1/reservations/" + futureId).then().body("status", equalTo("active"));
        Api.as(tenant.adminKey()).get(availability()).then().body("data[0].available_meters", equalTo(85.00f));
        Api.as(tenant.adminKey()).get("/v1/inventory/consistency").then().body("healthy", equalTo(true));
    }

    @Test
    void shouldFilterReservationsAndHideOtherOrganizations() {
        InventoryFixtures.lot(tenant, item.getString("id"), 100);
        Map<String, Object> immediate = ReservationFixtures.body("immediate", List.of(ReservationFixtures.line(item, 5)));
        String immediateId = ReservationFixtures.create(tenant, immediate).getString("id");
        ReservationFixtures.create(tenant, item, 5);

        Api.as(tenant.adminKey()).get("/v1/reservations?ship_intent=immediate").then().body("data.id", equalTo(List.of(immediateId)));
        Api.as(tenant.adminKey()).get("/v1/reservations?crm_deal_id=" + immediate.get("crm_deal_id")).then()
                .body("data.id", equalTo(List.of(immediateId)));
        Api.as(tenant.adminKey()).get("/v1/reservations?allocation_state=unallocated&action_required=false").then()
                .body("data.size()", equalTo(2));

        Tenant other = Tenants.create();
        problem(Api.raw(other.adminKey()).get("/v1/reservations/" + immediateId).then(), 404, "not_found");
        problem(Api.raw(other.adminKey()).body(Map.of("reason", "x")).post("/v1/reservations/" + immediateId + "/release").then(),
                404, "not_found");
        problem(Api.raw(other.adminKey()).post("/v1/reservations/" + immediateId + "/auto-allocate").then(), 404, "not_found");
        Api.as(other.adminKey()).get("/v1/reservations").then().body("data.size()", equalTo(0));
    }

    @Test
    void shouldReturnEveryMeterWhenSeveralAllocationsShareARoll() {
        String roll = InventoryFixtures.lot(tenant, item.getString("id"), 100).getString("rolls[0].id");
        JsonPath reservation = ReservationFixtures.create(tenant, ReservationFixtures.body("unknown",
                List.of(ReservationFixtures.line(item, 20), ReservationFixtures.line(item, 30))));
        Api.as(tenant.adminKey()).body(Map.of("lines", List.of(
                        Map.of("reservation_line_id", reservation.getString("lines[0].id"), "roll_id", roll, "meters", 20),
                        Map.of("reservation_line_id", reservation.getString("lines[1].id"), "roll_id", roll, "meters", 30))))
                .post("/v1/reservations/" + reservation.getString("id") + "/allocations").then().statusCode(201)
                .body("allocation_state", equalTo("allocated"));
        Api.as(tenant.adminKey()).get("/v1/rolls/" + roll).then().body("reserved_meters", equalTo(50.00f));

        Api.as(tenant.adminKey()).body(Map.of("reason", "customer_cancelled"))
                .post("/v1/reservations/" + reservation.getString("id") + "/release").then().statusCode(200);
        Api.as(tenant.adminKey()).get("/v1/rolls/" + roll).then().body("reserved_meters", equalTo(0.00f));
        Api.as(tenant.adminKey()).get("/v1/inventory/consistency").then().body("healthy", equalTo(true));
    }
}
