package com.lotastro.reservation;

import static com.lotastro.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lotastro.support.Api;
import com.lotastro.support.Concurrently;
import com.lotastro.support.CrmEvents;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.ReservationFixtures;
import com.lotastro.support.SupplyFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The meters promises stand on stay exact: earmarked supply, one reservation per deal, losses, the past. */
@QuarkusTest
class PromiseIntegrityTest {
    private Tenant tenant;
    private JsonPath item;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
        item = InventoryFixtures.item(tenant);
    }

    @Test
    void shouldKeepPlannedSupplyEarmarkedFromPlanThroughReceiptToRollEntry() {
        JsonPath supply = SupplyFixtures.create(tenant, item, 300, LocalDate.of(2027, 1, 10));
        Map<String, Object> body = ReservationFixtures.body(item, 300);
        body.put("crm_supply_request_id", supply.getString("crm_supply_request_id"));
        JsonPath reservation = ReservationFixtures.create(tenant, body);
        SupplyFixtures.move(tenant, supply.getString("id"), Map.of("to_status", "in_transit"));
        SupplyFixtures.move(tenant, supply.getString("id"), Map.of("to_status", "arrived_soft", "arrived_meters", 300));
        Api.as(tenant.adminKey()).body(Map.of("reservations", List.of(Map.of("reservation_id", reservation.getString("id"),
                        "lines", List.of(Map.of("reservation_line_id", reservation.getString("lines[0].id"), "planned_meters", 300))))))
                .post("/v1/supply-requests/" + supply.getString("id") + "/allocation-plan").then().statusCode(201);

        Map<String, Object> lot = InventoryFixtures.lotBody(item.getString("id"), 100, 200);
        lot.put("supply_request_id", supply.getString("id"));
        Api.as(tenant.adminKey()).body(lot).post("/v1/lots").then().statusCode(201);

        JsonPath received = InventoryFixtures.availability(tenant, item);
        assertEquals(0, InventoryFixtures.meters(received, "data[0].on_hand_meters").compareTo(new BigDecimal("300")));
        assertEquals(0, InventoryFixtures.meters(received, "data[0].earmarked_meters").compareTo(new BigDecimal("300")));
        assertEquals(0, InventoryFixtures.meters(received, "data[0].available_meters").signum(), "received supply stays earmarked for its plan");
        problem(Api.raw(tenant.adminKey()).body(ReservationFixtures.body(item, 300)).post("/v1/reservations").then(),
                409, "insufficient_stock");

        Api.as(tenant.adminKey()).post("/v1/reservations/" + reservation.getString("id") + "/auto-allocate").then()
                .statusCode(201).body("reservation.allocation_state", equalTo("allocated"));
        JsonPath bound = InventoryFixtures.availability(tenant, item);
        assertEquals(0, InventoryFixtures.meters(bound, "data[0].reserved_meters").compareTo(new BigDecimal("300")));
        assertEquals(0, InventoryFixtures.meters(bound, "data[0].earmarked_meters").signum());
        assertEquals(0, InventoryFixtures.meters(bound, "data[0].available_meters").signum());
    }

    @Test
    void shouldKeepReceivedSupplyEarmarkedForReservationsMadeAgainstItBeforeAnyPlan() {
        JsonPath supply = SupplyFixtures.create(tenant, item, 100, LocalDate.of(2027, 1, 10));
        Map<String, Object> body = ReservationFixtures.body(item, 80);
        body.put("crm_supply_request_id", supply.getString("crm_supply_request_id"));
        ReservationFixtures.create(tenant, body);
        Map<String, Object> lot = InventoryFixtures.lotBody(item.getString("id"), 100);
        lot.put("supply_request_id", supply.getString("id"));
        Api.as(tenant.adminKey()).body(lot).post("/v1/lots").then().statusCode(201);

        JsonPath received = InventoryFixtures.availability(tenant, item);
        assertEquals(0, InventoryFixtures.meters(received, "data[0].earmarked_meters").compareTo(new BigDecimal("80")));
        assertEquals(0, InventoryFixtures.meters(received, "data[0].available_meters").compareTo(new BigDecimal("20")));
        problem(Api.raw(tenant.adminKey()).body(ReservationFixtures.body(item, 21)).post("/v1/reservations").then(),
                409, "insufficient_stock");
        ReservationFixtures.create(tenant, item, 20);
    }

    @Test
    void shouldRefuseASecondActiveReservationForOneDeal() throws Exception {
        InventoryFixtures.lot(tenant, item.getString("id"), 100);
        Map<String, Object> first = ReservationFixtures.body(item, 10);
        String existing = ReservationFixtures.create(tenant, first).getString("id");

        Map<String, Object> second = ReservationFixtures.body(item, 20);
        second.put("crm_deal_id", first.get("crm_deal_id"));
        problem(Api.raw(tenant.adminKey()).body(second).post("/v1/reservations").then(), 409, "deal_already_reserved")
                .body("reservation_id", equalTo(existing));

        // Racing creations for one new deal: exactly one wins, the rest are told which one did.
        String deal = UUID.randomUUID().toString();
        List<Integer> statuses = Concurrently.run(8, i -> {
            Map<String, Object> racing = ReservationFixtures.body(item, 5);
            racing.put("crm_deal_id", deal);
            return Api.raw(tenant.adminKey()).body(racing).post("/v1/reservations").then().extract().statusCode();
        });
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        Api.as(tenant.adminKey()).get("/v1/reservations?crm_deal_id=" + deal + "&status=active").then().body("data.size()", equalTo(1));

        // Once released, the deal may be reserved again.
        Api.as(tenant.adminKey()).body(Map.of("reason", "customer_cancelled"))
                .post("/v1/reservations/" + existing + "/release").then().statusCode(200);
        ReservationFixtures.create(tenant, second);
    }

    @Test
    void shouldPromiseExactlyTheCrmLinesWhenTheDealIsWonTwice() {
        String crmKey = Tenants.keyWithScopes(tenant, "integration:crm");
        String secret = CrmEvents.connect(tenant, "http://127.0.0.1:9/crm");
        InventoryFixtures.lot(tenant, item.getString("id"), 200);
        UUID deal = UUID.randomUUID();
        UUID lineA = UUID.randomUUID();
        UUID lineB = UUID.randomUUID();
        String quality = item.getString("quality_code");
        String color = item.getString("color_code");
        CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.won", CrmEvents.dealWon(deal,
                List.of(CrmEvents.line(lineA, quality, color, "40")), "unknown"))).then().statusCode(200);
        problem(CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.won", CrmEvents.dealWon(deal,
                List.of(CrmEvents.line(lineB, quality, color, "30")), "unknown"))).then(), 422, "deal_already_reserved");

        String lines = "{\"crm_deal_id\":\"" + deal + "\",\"lines\":[" + CrmEvents.line(lineA, quality, color, "40") + ","
                + CrmEvents.line(lineB, quality, color, "30") + "]}";
        CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.lines_updated", lines)).then().statusCode(200);
        assertEquals(0, InventoryFixtures.meters(InventoryFixtures.availability(tenant, item), "data[0].promised_meters").compareTo(new BigDecimal("70")));
        String cut = "{\"crm_deal_id\":\"" + deal + "\",\"lines\":[" + CrmEvents.line(lineA, quality, color, "4") + "]}";
        CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.lines_updated", cut)).then().statusCode(200);
        assertEquals(0, InventoryFixtures.meters(InventoryFixtures.availability(tenant, item), "data[0].promised_meters").compareTo(new BigDecimal("4")));
    }

    @Test
    void shouldRefuseARevisedDealLineWithAPriceButNoCurrency() {
        String crmKey = Tenants.keyWithScopes(tenant, "integration:crm");
        String secret = CrmEvents.connect(tenant, "http://127.0.0.1:9/crm");
        InventoryFixtures.lot(tenant, item.getString("id"), 200);
        UUID deal = UUID.randomUUID();
        UUID line = UUID.randomUUID();
        String quality = item.getString("quality_code");
        String color = item.getString("color_code");
        CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.won", CrmEvents.dealWon(deal,
                List.of(CrmEvents.line(line, quality, color, "40")), "unknown"))).then().statusCode(200);
        String priced = "{\"crm_deal_id\":\"" + deal + "\",\"lines\":[{\"crm_deal_line_id\":\"" + line + "\",\"quality_code\":\""
                + quality + "\",\"color_code\":\"" + color + "\",\"meters\":40,\"unit_price\":4.5}]}";
        problem(CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.lines_updated", priced)).then(), 422, "validation_failed")
                .body("errors[0].field", equalTo("lines[0].currency"));
    }

    @Test
    void shouldNotReleaseRollsOfAPartiallyAllocatedReservationWhenItsHoldExpires() {
        JsonPath lot = InventoryFixtures.lot(tenant, item.getString("id"), 30, 50);
        Map<String, Object> body = ReservationFixtures.body(item, 60);
        body.put("hold_until", "2026-01-01T00:00:00Z");
        JsonPath reservation = ReservationFixtures.create(tenant, body);
        ReservationFixtures.allocate(tenant, reservation, lot.getString("rolls.find { it.meters == 30.0 }.id"), 30);

        Api.as(tenant.adminKey()).post("/v1/jobs/hold-expiry/trigger").then().statusCode(201);
        Api.as(tenant.adminKey()).get("/v1/reservations/" + reservation.getString("id")).then()
                .body("status", equalTo("active"))
                .body("allocation_state", equalTo("partially_allocated"))
                .body("promised_meters", equalTo(60.00f))
                .body("allocated_meters", equalTo(30.00f))
                .body("planned_meters", equalTo(0.00f));
    }

    @Test
    void shouldRefuseALossThatLeavesPromisesUnbackedUnlessAcknowledged() {
        JsonPath lot = InventoryFixtures.lot(tenant, item.getString("id"), 10);
        String roll = lot.getString("rolls[0].id");
        JsonPath reservation = ReservationFixtures.create(tenant, item, 10);
        Map<String, Object> loss = new HashMap<>(Map.of("roll_id", roll, "meters", -5, "reason", "Water damage"));

        problem(Api.raw(tenant.adminKey()).body(loss).post("/v1/inventory/corrections").then(), 409, "promises_unbacked")
                .body("promises[0].reservation_id", equalTo(reservation.getString("id")))
                .body("promises[0].unbacked_meters", equalTo(5.00f));
        JsonPath unchanged = InventoryFixtures.availability(tenant, item);
        assertEquals(0, InventoryFixtures.meters(unchanged, "data[0].on_hand_meters").compareTo(BigDecimal.TEN));
        assertEquals(0, InventoryFixtures.meters(unchanged, "data[0].available_meters").signum());

        loss.put("acknowledge_shortage", true);
        String clerk = Tenants.keyWithScopes(tenant, "inventory:write");
        problem(Api.raw(clerk).body(loss).post("/v1/inventory/corrections").then(), 403, "insufficient_scope");

        Api.as(tenant.adminKey()).body(loss).post("/v1/inventory/corrections").then().statusCode(201);
        JsonPath after = InventoryFixtures.availability(tenant, item);
        assertEquals(0, InventoryFixtures.meters(after, "data[0].on_hand_meters").compareTo(new BigDecimal("5")));
        assertEquals(0, InventoryFixtures.meters(after, "data[0].promised_meters").compareTo(new BigDecimal("5")));
        assertEquals(0, InventoryFixtures.meters(after, "data[0].available_meters").signum(), "never silently negative");
        Api.as(tenant.adminKey()).get("/v1/reservations/" + reservation.getString("id")).then()
                .body("action_required_reason", equalTo("needs_shortage_decision"))
                .body("unbacked_meters", equalTo(5.00f))
                .body("lines[0].unbacked_meters", equalTo(5.00f));
        Api.as(tenant.adminKey()).get("/v1/outbox-events?type=reservation.promise_unbacked").then()
                .body("data.findAll { it.aggregate_id == '" + reservation.getString("id") + "' }.size()", equalTo(1));
        problem(Api.raw(tenant.adminKey()).body(Map.of("lines", List.of(Map.of("reservation_line_id",
                        reservation.getString("lines[0].id"), "roll_id", roll, "meters", 5))))
                .post("/v1/reservations/" + reservation.getString("id") + "/allocations").then(), 409, "reservation_blocked");

        // The manager settles it: the promise shrinks to what is backed.
        problem(Api.raw(tenant.adminKey()).body(Map.of("reservation_ids", List.of(reservation.getString("id")), "decision", "delay",
                "expected_date", "2027-01-01")).post("/v1/shortage-decisions").then(), 422, "validation_failed");
        Api.as(tenant.adminKey()).body(Map.of("reservation_ids", List.of(reservation.getString("id")), "decision", "partial_fulfil"))
                .post("/v1/shortage-decisions").then().statusCode(201);
        Api.as(tenant.adminKey()).get("/v1/reservations/" + reservation.getString("id")).then()
                .body("promised_meters", equalTo(5.00f))
                .body("unbacked_meters", equalTo(0.00f))
                .body("action_required", equalTo(false));
        assertEquals(0, InventoryFixtures.meters(InventoryFixtures.availability(tenant, item), "data[0].available_meters").signum());
    }

    @Test
    void shouldNeverLetRacingLossesAndPromisesDriveAvailabilityNegative() throws Exception {
        JsonPath lot = InventoryFixtures.lot(tenant, item.getString("id"), 100);
        String roll = lot.getString("rolls[0].id");
        List<Integer> statuses = Concurrently.run(120, i -> i % 2 == 0
                ? Api.raw(tenant.adminKey()).body(ReservationFixtures.body(item, 1)).post("/v1/reservations").then().extract().statusCode()
                : Api.raw(tenant.adminKey()).body(Map.of("roll_id", roll, "meters", -1, "reason", "Cut sample"))
                .post("/v1/inventory/corrections").then().extract().statusCode());
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), statuses.toString());
        JsonPath after = InventoryFixtures.availability(tenant, item);
        assertTrue(InventoryFixtures.meters(after, "data[0].available_meters").signum() >= 0, after.prettify());
        BigDecimal onHand = InventoryFixtures.meters(after, "data[0].on_hand_meters");
        BigDecimal promised = InventoryFixtures.meters(after, "data[0].promised_meters");
        assertTrue(promised.compareTo(onHand) <= 0, after.prettify());
        Api.as(tenant.adminKey()).get("/v1/inventory/consistency").then().body("healthy", equalTo(true));
    }

    @Test
    void shouldAnswerPromisedMetersAsTheyStoodAtAnyInstant() {
        String crmKey = Tenants.keyWithScopes(tenant, "integration:crm");
        String secret = CrmEvents.connect(tenant, "http://127.0.0.1:9/crm");
        // The instants asked about are the server's own: each change's time, between it and the next change.
        Instant before = Instant.parse(InventoryFixtures.lot(tenant, item.getString("id"), 200).getString("rolls[0].updated_at"));
        UUID deal = UUID.randomUUID();
        UUID line = UUID.randomUUID();
        String quality = item.getString("quality_code");
        String color = item.getString("color_code");
        String reservation = CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.won", CrmEvents.dealWon(deal,
                List.of(CrmEvents.line(line, quality, color, "50")), "unknown"))).then().statusCode(200)
                .extract().path("reservation_ids[0]");
        Instant promisedFifty = Instant.parse(Api.as(tenant.adminKey()).get("/v1/reservations/" + reservation).then()
                .extract().path("updated_at"));
        String cut = "{\"crm_deal_id\":\"" + deal + "\",\"lines\":[" + CrmEvents.line(line, quality, color, "20") + "]}";
        CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.lines_updated", cut)).then().statusCode(200);
        Instant promisedTwenty = Instant.parse(Api.as(tenant.adminKey()).get("/v1/reservations/" + reservation).then()
                .extract().path("updated_at"));
        CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.lost", "{\"crm_deal_id\":\"" + deal + "\"}")).then().statusCode(200);

        assertEquals(0, InventoryFixtures.meters(InventoryFixtures.availability(tenant, item, before), "data[0].promised_meters").signum());
        assertEquals(0, InventoryFixtures.meters(InventoryFixtures.availability(tenant, item, promisedFifty), "data[0].promised_meters").compareTo(new BigDecimal("50")));
        assertEquals(0, InventoryFixtures.meters(InventoryFixtures.availability(tenant, item, promisedTwenty), "data[0].promised_meters").compareTo(new BigDecimal("20")));
        assertEquals(0, InventoryFixtures.meters(InventoryFixtures.availability(tenant, item), "data[0].promised_meters").signum());
        assertEquals(0, InventoryFixtures.meters(InventoryFixtures.availability(tenant, item, promisedTwenty), "data[0].available_meters").compareTo(new BigDecimal("180")));
    }
}
