package com.lotastro.reservation;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.lotastro.support.Api;
import com.lotastro.support.EmailDelivery;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.ReservationFixtures;
import com.lotastro.support.SmtpServer;
import com.lotastro.support.SupplyFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AllocationPlanningTest {
    private Tenant tenant;
    private JsonPath item;
    private JsonPath supply;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
        item = InventoryFixtures.item(tenant);
        supply = SupplyFixtures.create(tenant, item, 500, LocalDate.of(2027, 1, 10));
    }

    private JsonPath linkedReservation(Number meters) {
        Map<String, Object> body = ReservationFixtures.body(item, meters);
        body.put("crm_supply_request_id", supply.getString("crm_supply_request_id"));
        return ReservationFixtures.create(tenant, body);
    }

    private void arrive(Number meters) {
        SupplyFixtures.move(tenant, supply.getString("id"), Map.of("to_status", "in_transit"));
        SupplyFixtures.move(tenant, supply.getString("id"), Map.of("to_status", "arrived_soft", "arrived_meters", meters));
    }

    private static Map<String, Object> planned(JsonPath reservation, Number meters) {
        return Map.of("reservation_id", reservation.getString("id"),
                "lines", List.of(Map.of("reservation_line_id", reservation.getString("lines[0].id"), "planned_meters", meters)));
    }

    private io.restassured.response.ValidatableResponse plan(List<Map<String, Object>> reservations) {
        return Api.raw(tenant.adminKey()).body(Map.of("reservations", reservations))
                .post("/v1/supply-requests/" + supply.getString("id") + "/allocation-plan").then();
    }

    private io.restassured.response.ValidatableResponse decide(Map<String, Object> decision) {
        return Api.raw(tenant.adminKey()).header("X-Actor", "manager-1").body(decision).post("/v1/shortage-decisions").then();
    }

    @Test
    void shouldPlanAnArrivedSupplyWithoutShortageAndThenTakeRollEntry() {
        JsonPath first = linkedReservation(300);
        JsonPath second = linkedReservation(200);
        arrive(500);

        Api.as(tenant.adminKey()).get("/v1/allocation-planning").then().statusCode(200)
                .body("data[0].supply_request_id", equalTo(supply.getString("id")))
                .body("data[0].arrived_meters", equalTo(500.00f))
                .body("data[0].promised_meters", equalTo(500.00f))
                .body("data[0].shortage_meters", equalTo(0.00f))
                .body("data[0].reservations.reservation_id", equalTo(List.of(first.getString("id"), second.getString("id"))))
                .body("data[0].reservations.linked", equalTo(List.of(true, true)));

        plan(List.of(planned(first, 300), planned(second, 200))).statusCode(201)
                .body("planned_meters", equalTo(500.00f))
                .body("shortage_meters", equalTo(0.00f))
                .body("reservations.action_required_reason", equalTo(List.of("needs_roll_entry", "needs_roll_entry")));

        Api.as(tenant.adminKey()).get("/v1/supply-requests/" + supply.getString("id")).then().body("status", equalTo("allocated"));
        Api.as(tenant.adminKey()).get("/v1/reservations/" + first.getString("id")).then()
                .body("allocation_state", equalTo("planned"))
                .body("lines[0].planned_meters", equalTo(300.00f));
        Api.as(tenant.adminKey()).get("/v1/outbox-events?type=reservation.allocation_planned&aggregate_id=" + first.getString("id"))
                .then().body("data[0].payload.lines[0].planned_meters", equalTo(300.00f))
                .body("data[0].payload.lines[0].wms_reservation_line_id", equalTo(first.getString("lines[0].id")));

        // The goods are received into a lot against the supply; roll entry binds them.
        Map<String, Object> lot = InventoryFixtures.lotBody(item.getString("id"), 300, 200);
        lot.put("supply_request_id", supply.getString("id"));
        JsonPath received = Api.as(tenant.adminKey()).body(lot).post("/v1/lots").then().statusCode(201).extract().jsonPath();
        ReservationFixtures.allocate(tenant, first, received.getString("rolls.find { it.meters == 300.0 }.id"), 300);
        Api.as(tenant.adminKey()).get("/v1/reservations/" + first.getString("id")).then()
                .body("allocation_state", equalTo("allocated"))
                .body("action_required", equalTo(false));
    }

    @Test
    void shouldRefusePlansBeyondWhatArrivedOrBeforeArrival() {
        JsonPath first = linkedReservation(300);
        problem(plan(List.of(planned(first, 100))), 409, "supply_not_arrived");
        arrive(250);
        problem(plan(List.of(planned(first, 300))), 422, "plan_exceeds_arrival");
        Api.as(tenant.adminKey()).get("/v1/reservations/" + first.getString("id")).then().body("allocation_state", equalTo("unallocated"));
        Api.as(tenant.adminKey()).get("/v1/supply-requests/" + supply.getString("id")).then().body("status", equalTo("arrived_soft"));
    }

    @Test
    void shouldBlockReservationsAShortSupplyCannotServe() {
        JsonPath first = linkedReservation(300);
        JsonPath second = linkedReservation(200);
        arrive(400);
        Api.as(tenant.adminKey()).get("/v1/allocation-planning").then().body("data[0].shortage_meters", equalTo(100.00f));

        plan(List.of(planned(first, 300), planned(second, 100))).statusCode(201)
                .body("shortage_meters", equalTo(100.00f));
        Api.as(tenant.adminKey()).get("/v1/reservations/" + second.getString("id")).then()
                .body("allocation_state", equalTo("planned"))
                .body("action_required_reason", equalTo("needs_shortage_decision"));
        Api.as(tenant.adminKey()).get("/v1/reservations?action_required_reason=needs_shortage_decision").then()
                .body("data.id", equalTo(List.of(second.getString("id"))));

        String roll = InventoryFixtures.lot(tenant, item.getString("id"), 100).getString("rolls[0].id");
        problem(Api.raw(tenant.adminKey()).body(Map.of("lines", List.of(Map.of("reservation_line_id",
                        second.getString("lines[0].id"), "roll_id", roll, "meters", 10))))
                .post("/v1/reservations/" + second.getString("id") + "/allocations").then(), 409, "reservation_blocked");
    }

    @Test
    void shouldCutThePromiseOnPartialFulfilment() {
        JsonPath first = linkedReservation(300);
        JsonPath second = linkedReservation(200);
        arrive(400);
        plan(List.of(planned(first, 300), planned(second, 100))).statusCode(201);

        decide(Map.of("supply_request_id", supply.getString("id"), "reservation_ids", List.of(second.getString("id")),
                "decision", "partial_fulfil", "notes", "Customer takes 100 m")).statusCode(201)
                .body("decision", equalTo("partial_fulfil"))
                .body("actor", equalTo("manager-1"));
        Api.as(tenant.adminKey()).get("/v1/reservations/" + second.getString("id")).then()
                .body("lines[0].meters", equalTo(100.00f))
                .body("allocation_state", equalTo("planned"))
                .body("action_required_reason", equalTo("needs_roll_entry"));
        Api.as(tenant.adminKey()).get("/v1/outbox-events?type=shortage.decision_recorded").then()
                .body("data[0].payload.decision", equalTo("partial_fulfil"));
        Api.as(tenant.adminKey()).get("/v1/shortage-decisions?supply_request_id=" + supply.getString("id")).then()
                .body("data.size()", equalTo(1));
        Api.as(tenant.adminKey()).get("/v1/audit-events?action=reservation.shortage_decided&entity_id=" + second.getString("id"))
                .then().body("data[0].before.lines[0].meters", equalTo(200.00f))
                .body("data[0].after.lines[0].meters", equalTo(100.00f));
        EmailDelivery.deliverAll(tenant);
        assertThat(SmtpServer.received("Shortage decision: partial_fulfil for supply request " + supply.getString("id")))
                .singleElement().satisfies(mail -> assertThat(mail.recipients()).containsExactly("sales-managers@lotastro.local"));
        problem(decide(Map.of("supply_request_id", supply.getString("id"), "reservation_ids", List.of(second.getString("id")),
                "decision", "cancel")), 409, "no_shortage_pending");
    }

    @Test
    void shouldDelayAReservationToALaterSupply() {
        JsonPath first = linkedReservation(300);
        JsonPath second = linkedReservation(200);
        arrive(300);
        plan(List.of(planned(first, 300))).statusCode(201)
                .body("reservations.find { it.reservation_id == '" + second.getString("id") + "' }.action_required_reason",
                        equalTo("needs_shortage_decision"));

        problem(decide(Map.of("supply_request_id", supply.getString("id"), "reservation_ids", List.of(second.getString("id")),
                "decision", "delay")), 422, "validation_failed");
        decide(Map.of("supply_request_id", supply.getString("id"), "reservation_ids", List.of(second.getString("id")),
                "decision", "delay", "expected_date", "2027-02-15")).statusCode(201);
        Api.as(tenant.adminKey()).get("/v1/reservations/" + second.getString("id")).then()
                .body("allocation_state", equalTo("unallocated"))
                .body("expected_date", equalTo("2027-02-15"))
                .body("action_required_reason", equalTo("needs_allocation_plan"))
                .body("lines[0].planned_meters", equalTo(0.00f));
    }

    @Test
    void shouldCancelAReservationOnAShortSupply() {
        JsonPath first = linkedReservation(300);
        JsonPath second = linkedReservation(200);
        arrive(300);
        plan(List.of(planned(first, 300))).statusCode(201);

        decide(Map.of("supply_request_id", supply.getString("id"), "reservation_ids", List.of(second.getString("id")),
                "decision", "cancel")).statusCode(201);
        Api.as(tenant.adminKey()).get("/v1/reservations/" + second.getString("id")).then()
                .body("status", equalTo("released"))
                .body("release_reason", equalTo("shortage_cancelled"))
                .body("action_required_reason", nullValue());
    }

    @Test
    void shouldReallocatePlannedMetersBetweenReservations() {
        JsonPath first = linkedReservation(300);
        JsonPath second = linkedReservation(100);
        arrive(350);
        plan(List.of(planned(first, 300), planned(second, 50))).statusCode(201);

        problem(decide(Map.of("supply_request_id", supply.getString("id"), "reservation_ids", List.of(second.getString("id")),
                "decision", "reallocate")), 422, "validation_failed");
        // The first is whole (waiting for roll entry): it awaits no decision, so it cannot be named.
        problem(decide(Map.of("supply_request_id", supply.getString("id"),
                "reservation_ids", List.of(first.getString("id"), second.getString("id")), "decision", "reallocate",
                "moves", List.of(Map.of("from_reservation_line_id", first.getString("lines[0].id"),
                        "to_reservation_line_id", second.getString("lines[0].id"), "meters", 50)))), 409, "no_shortage_pending");
        // A move from a line to itself changes nothing and is refused rather than recorded as a decision.
        problem(decide(Map.of("supply_request_id", supply.getString("id"),
                "reservation_ids", List.of(second.getString("id")), "decision", "reallocate",
                "moves", List.of(Map.of("from_reservation_line_id", second.getString("lines[0].id"),
                        "to_reservation_line_id", second.getString("lines[0].id"), "meters", 10)))), 422, "validation_failed");
    }

    @Test
    void shouldMovePlannedMetersFromOneShortReservationToAnother() {
        JsonPath first = linkedReservation(300);
        JsonPath second = linkedReservation(100);
        arrive(350);
        plan(List.of(planned(first, 280), planned(second, 70))).statusCode(201);

        decide(Map.of("supply_request_id", supply.getString("id"),
                "reservation_ids", List.of(first.getString("id"), second.getString("id")), "decision", "reallocate",
                "moves", List.of(Map.of("from_reservation_line_id", first.getString("lines[0].id"),
                        "to_reservation_line_id", second.getString("lines[0].id"), "meters", 30)))).statusCode(201);
        Api.as(tenant.adminKey()).get("/v1/reservations/" + second.getString("id")).then()
                .body("lines[0].planned_meters", equalTo(100.00f))
                .body("action_required_reason", equalTo("needs_roll_entry"));
        Api.as(tenant.adminKey()).get("/v1/reservations/" + first.getString("id")).then()
                .body("lines[0].planned_meters", equalTo(250.00f))
                .body("action_required_reason", equalTo("needs_shortage_decision"));
    }

    @Test
    void shouldKeepPlanningAndDecisionsWithinTheOrganization() {
        JsonPath first = linkedReservation(300);
        arrive(200);
        plan(List.of(planned(first, 200))).statusCode(201);

        Tenant other = Tenants.create();
        Api.as(other.adminKey()).get("/v1/allocation-planning").then().body("data.size()", equalTo(0));
        Api.as(other.adminKey()).get("/v1/shortage-decisions").then().body("data.size()", equalTo(0));
        problem(Api.raw(other.adminKey()).body(Map.of("reservations", List.of(planned(first, 10))))
                .post("/v1/supply-requests/" + supply.getString("id") + "/allocation-plan").then(), 404, "not_found");
        problem(Api.raw(other.adminKey()).body(Map.of("supply_request_id", supply.getString("id"),
                "reservation_ids", List.of(first.getString("id")), "decision", "cancel")).post("/v1/shortage-decisions").then(),
                404, "not_found");
        Api.as(tenant.adminKey()).get("/v1/reservations/" + first.getString("id")).then()
                .body("status", equalTo("active"))
                .body("action_required_reason", equalTo("needs_shortage_decision"));
    }
}
