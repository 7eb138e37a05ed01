package com.lotastro.reservation;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.lotastro.support.Api;
import com.lotastro.support.EmailDelivery;
import com.lotastro.support.Concurrently;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.ReservationFixtures;
import com.lotastro.support.SmtpServer;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AllocationTest {
    private Tenant tenant;
    private JsonPath item;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
        item = InventoryFixtures.item(tenant);
    }

    private io.restassured.response.ValidatableResponse allocate(String reservationId, String lineId, String rollId, Object meters) {
        return Api.raw(tenant.adminKey())
                .body(Map.of("lines", List.of(Map.of("reservation_line_id", lineId, "roll_id", rollId, "meters", meters))))
                .post("/v1/reservations/" + reservationId + "/allocations").then();
    }

    @Test
    void shouldBindLinesToRollsAndAskForShipmentApprovalWhenShippingImmediately() {
        JsonPath lot = InventoryFixtures.lot(tenant, item.getString("id"), 30, 50);
        Map<String, Object> body = ReservationFixtures.body("immediate", List.of(ReservationFixtures.line(item, 60)));
        JsonPath reservation = ReservationFixtures.create(tenant, body);
        String id = reservation.getString("id");
        String line = reservation.getString("lines[0].id");

        allocate(id, line, lot.getString("rolls.find { it.meters == 30.0 }.id"), 30).statusCode(201)
                .body("allocation_state", equalTo("partially_allocated"))
                .body("action_required_reason", equalTo("needs_roll_entry"))
                .body("promised_meters", equalTo(60.00f))
                .body("allocated_meters", equalTo(30.00f))
                .body("lines[0].allocated_meters", equalTo(30.00f));
        allocate(id, line, lot.getString("rolls.find { it.meters == 50.0 }.id"), 30).statusCode(201)
                .body("allocation_state", equalTo("allocated"))
                .body("action_required", equalTo(true))
                .body("action_required_reason", equalTo("needs_shipment_approval"))
                .body("lines[0].allocations.size()", equalTo(2));

        Api.as(tenant.adminKey()).get("/v1/inventory/transactions?type=RESERVATION_ALLOCATION&lot_id=" + lot.getString("id")).then()
                .body("data.size()", equalTo(2))
                .body("data[0].meters", equalTo(0.00f))
                .body("data[0].reserved_meters", equalTo(30.00f));
        Api.as(tenant.adminKey()).get("/v1/lots/" + lot.getString("id")).then().body("total_meters", equalTo(80.00f));
        Api.as(tenant.adminKey()).get("/v1/outbox-events?type=reservation.allocated&aggregate_id=" + id).then()
                .body("data.size()", equalTo(1))
                .body("data[0].payload.lines.size()", equalTo(2))
                .body("data[0].payload.lines[0].crm_deal_line_id", equalTo(reservation.getString("lines[0].crm_deal_line_id")))
                .body("data[0].payload.lines[0].wms_reservation_line_id", equalTo(line))
                .body("data[0].payload.lines[0].lot_id", equalTo(lot.getString("id")));
        Api.as(tenant.adminKey()).get("/v1/outbox-events?type=reservation.action_required&aggregate_id=" + id).then()
                .body("data.payload.action_required_reason", equalTo(List.of("needs_roll_entry", "needs_shipment_approval")));
        Api.as(tenant.adminKey()).get("/v1/inventory/consistency").then().body("healthy", equalTo(true));

        EmailDelivery.deliverAll(tenant);
        assertThat(SmtpServer.recipientsOf("Approval needed: reservation for CRM deal " + body.get("crm_deal_id")))
                .containsExactlyInAnyOrder((String) body.get("sales_owner_email"), "sales-managers@lotastro.local");
    }

    @Test
    void shouldAskForAShipDateAndClearItOnceGiven() {
        String roll = InventoryFixtures.lot(tenant, item.getString("id"), 40).getString("rolls[0].id");
        JsonPath reservation = ReservationFixtures.create(tenant,
                ReservationFixtures.body("ship_on_date", List.of(ReservationFixtures.line(item, 40))));
        JsonPath allocated = ReservationFixtures.allocate(tenant, reservation, roll, 40);
        assertThat(allocated.getString("action_required_reason")).isEqualTo("needs_ship_date");

        Api.as(tenant.adminKey()).header("If-Match", "\"" + allocated.getLong("version") + "\"")
                .body(Map.of("ship_date", "2026-12-20")).patch("/v1/reservations/" + reservation.getString("id")).then()
                .statusCode(200)
                .body("action_required", equalTo(false));
        Api.as(tenant.adminKey()).get("/v1/reservations?action_required_reason=needs_ship_date").then().body("data.size()", equalTo(0));
    }

    @Test
    void shouldRefuseAllocationsThatDoNotFit() {
        JsonPath lot = InventoryFixtures.lot(tenant, item.getString("id"), 20, 50);
        JsonPath other = InventoryFixtures.lot(tenant, InventoryFixtures.item(tenant).getString("id"), 50);
        JsonPath reservation = ReservationFixtures.create(tenant, item, 40);
        String id = reservation.getString("id");
        String line = reservation.getString("lines[0].id");
        String small = lot.getString("rolls.find { it.meters == 20.0 }.id");

        problem(allocate(id, line, other.getString("rolls[0].id"), 10), 422, "validation_failed")
                .body("errors[0].field", equalTo("lines[0].roll_id"));
        problem(allocate(id, line, small, 25), 409, "insufficient_roll_meters");
        problem(allocate(id, line, lot.getString("rolls.find { it.meters == 50.0 }.id"), 41), 409, "allocation_exceeds_line");
        problem(allocate(id, java.util.UUID.randomUUID().toString(), small, 5), 422, "validation_failed")
                .body("errors[0].field", equalTo("lines[0].reservation_line_id"));
        problem(allocate(id, line, small, 1.005), 422, "validation_failed");
        Api.as(tenant.adminKey()).get("/v1/rolls/" + small).then().body("reserved_meters", equalTo(0.00f));
    }

    @Test
    void shouldNeverOverReserveARollUnderTwentyConcurrentAllocations() throws Exception {
        String roll = InventoryFixtures.lot(tenant, item.getString("id"), 100).getString("rolls[0].id");
        List<JsonPath> reservations = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            reservations.add(ReservationFixtures.create(tenant, item, 10));
        }
        List<Integer> statuses = Concurrently.run(20, i -> {
            JsonPath reservation = reservations.get(i / 2);
            return allocate(reservation.getString("id"), reservation.getString("lines[0].id"), roll, 10).extract().statusCode();
        });

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(10);
        Api.as(tenant.adminKey()).get("/v1/rolls/" + roll).then()
                .body("reserved_meters", equalTo(100.00f))
                .body("status", equalTo("fully_reserved"));
        Api.as(tenant.adminKey()).get("/v1/reservations?allocation_state=allocated").then().body("data.size()", equalTo(10));
        Api.as(tenant.adminKey()).get("/v1/inventory/consistency").then().body("healthy", equalTo(true));
    }

    @Test
    void shouldAutoAllocateFromOneLotEvenIfANewerOne() {
        InventoryFixtures.lot(tenant, item.getString("id"), 30, 30);
        JsonPath newer = InventoryFixtures.lot(tenant, item.getString("id"), 100);
        JsonPath reservation = ReservationFixtures.create(tenant, item, 80);

        Api.as(tenant.adminKey()).post("/v1/reservations/" + reservation.getString("id") + "/auto-allocate").then().statusCode(201)
                .body("choices.size()", equalTo(1))
                .body("choices[0].lot_id", equalTo(newer.getString("id")))
                .body("choices[0].meters", equalTo(80.00f))
                .body("choices[0].rule", equalTo("single_lot"))
                .body("reservation.allocation_state", equalTo("allocated"));
    }

    @Test
    void shouldAutoAllocateFromTheFewestLotsWhenNoLotCan() {
        JsonPath oldest = InventoryFixtures.lot(tenant, item.getString("id"), 40);
        JsonPath largest = InventoryFixtures.lot(tenant, item.getString("id"), 70);
        JsonPath newest = InventoryFixtures.lot(tenant, item.getString("id"), 30);
        JsonPath reservation = ReservationFixtures.create(tenant, item, 100);

        JsonPath result = Api.as(tenant.adminKey()).post("/v1/reservations/" + reservation.getString("id") + "/auto-allocate")
                .then().statusCode(201).extract().jsonPath();
        assertThat(result.getList("choices.lot_id")).containsExactly(largest.getString("id"), oldest.getString("id"));
        assertThat(result.getList("choices.rule")).containsOnly("fewest_lots");
        assertThat(result.getList("choices.lot_id")).doesNotContain(newest.getString("id"));
    }

    @Test
    void shouldAutoAllocateWithoutLeavingAShortRemnant() {
        JsonPath lot = InventoryFixtures.lot(tenant, item.getString("id"), 52, 60);
        JsonPath reservation = ReservationFixtures.create(tenant, item, 50);

        Api.as(tenant.adminKey()).post("/v1/reservations/" + reservation.getString("id") + "/auto-allocate").then().statusCode(201)
                .body("choices.size()", equalTo(1))
                .body("choices[0].roll_id", equalTo(lot.getString("rolls.find { it.meters == 60.0 }.id")))
                .body("choices[0].rule", equalTo("no_short_remnant"));
        Api.as(tenant.adminKey()).get("/v1/rolls?lot_id=" + lot.getString("id") + "&min_free_meters=10").then()
                .body("data.size()", equalTo(2));
    }
}
