package com.lotastro.order;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.lotastro.support.Api;
import com.lotastro.support.Db;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.OrderFixtures;
import com.lotastro.support.ReservationFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Working a PO: staging, measured cuts within tolerance, substitutions, full fulfilment only, cancel at any state. */
@QuarkusTest
class OrderFlowTest {
    @Inject
    DataSource dataSource;

    private Tenant tenant;
    private JsonPath item;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
        item = InventoryFixtures.item(tenant);
    }

    /** A PO of one line bound to the given roll. */
    private JsonPath orderOn(String rollId, Number meters) {
        JsonPath reservation = ReservationFixtures.create(tenant, item, meters);
        ReservationFixtures.allocate(tenant, reservation, rollId, meters);
        return OrderFixtures.orderByOverride(tenant, reservation.getString("id"));
    }

    private ValidatableResponse post(JsonPath order, String action, Object body) {
        var request = Api.raw(tenant.adminKey()).header("X-Actor", "floor-fatma");
        if (body != null) {
            request.body(body);
        }
        return request.post("/v1/orders/" + order.getString("id") + "/" + action).then();
    }

    private static Map<String, Object> cut(String lotId, Object meters, String substitute, String reason) {
        Map<String, Object> cut = new LinkedHashMap<>();
        cut.put("order_lot_id", lotId);
        cut.put("picked_meters", meters);
        if (substitute != null) {
            cut.put("substitute_roll_id", substitute);
        }
        if (reason != null) {
            cut.put("substitution_reason", reason);
        }
        return cut;
    }

    private static Map<String, Object> pick(Map<String, Object>... cuts) {
        return Map.of("lots", List.of(cuts));
    }

    private JsonPath roll(String id) {
        return Api.as(tenant.adminKey()).get("/v1/rolls/" + id).then().statusCode(200).extract().jsonPath();
    }

    private long ledgerRows() {
        return Db.queryLong(dataSource, "select count(*) from inventory_transactions where organization_id = ?", tenant.organizationId());
    }

    private void assertConsistent() {
        Api.as(tenant.adminKey()).get("/v1/inventory/consistency").then().statusCode(200).body("healthy", equalTo(true));
    }

    @Test
    void shouldPickWithinToleranceFulfilInFullAndLowerOnHandAndReservedTogether() {
        String rollId = InventoryFixtures.lot(tenant, item.getString("id"), 100).getString("rolls[0].id");
        JsonPath order = orderOn(rollId, 50);
        String lot = order.getString("lines[0].lots[0].id");

        problem(post(order, "pick", pick(cut(lot, 50, null, null))), 409, "invalid_transition")
                .body("allowed_next_states", equalTo(List.of("staged", "cancelled")));
        problem(post(order, "fulfil", null), 409, "invalid_transition");
        post(order, "stage", null).statusCode(200).body("status", equalTo("staged")).body("staged_at", org.hamcrest.Matchers.notNullValue());
        problem(post(order, "stage", null), 409, "invalid_transition")
                .body("allowed_next_states", equalTo(List.of("picked", "cancelled")));

        long rows = ledgerRows();
        problem(post(order, "pick", pick(cut(lot, 51.5, null, null))), 422, "pick_outside_tolerance")
                .body("out_of_tolerance[0].order_lot_id", equalTo(lot))
                .body("out_of_tolerance[0].ordered_meters", equalTo(50.00f))
                .body("out_of_tolerance[0].picked_meters", equalTo(51.50f))
                .body("out_of_tolerance[0].min_meters", equalTo(49.00f))
                .body("out_of_tolerance[0].max_meters", equalTo(51.00f));
        problem(post(order, "pick", pick(cut(lot, 48.99, null, null))), 422, "pick_outside_tolerance");
        assertThat(ledgerRows()).isEqualTo(rows);
        assertThat(InventoryFixtures.meters(roll(rollId), "reserved_meters")).isEqualByComparingTo("50");

        post(order, "pick", pick(cut(lot, 50.8, null, null))).statusCode(200)
                .body("status", equalTo("picked"))
                .body("lines[0].fully_picked", equalTo(true))
                .body("lines[0].lots[0].picked_meters", equalTo(50.80f))
                .body("lines[0].lots[0].bound_meters", equalTo(50.80f));
        assertThat(InventoryFixtures.meters(roll(rollId), "reserved_meters")).isEqualByComparingTo("50.8");
        JsonPath availability = InventoryFixtures.availability(tenant, item);
        assertThat(InventoryFixtures.meters(availability, "data[0].reserved_meters")).isEqualByComparingTo("50.8");
        assertThat(InventoryFixtures.meters(availability, "data[0].available_meters")).isEqualByComparingTo("49.2");

        post(order, "fulfil", null).statusCode(200).body("status", equalTo("fulfilled")).body("allowed_next_states", equalTo(List.of("shipped")));
        JsonPath ledger = Api.as(tenant.adminKey()).get("/v1/inventory/transactions?roll_id=" + rollId + "&type=ORDER_FULFILLMENT")
                .then().statusCode(200).extract().jsonPath();
        assertThat(ledger.getList("data")).hasSize(1);
        assertThat(InventoryFixtures.meters(ledger, "data[0].meters")).isEqualByComparingTo("-50.8");
        assertThat(InventoryFixtures.meters(ledger, "data[0].roll_meters_after")).isEqualByComparingTo("49.2");
        JsonPath after = roll(rollId);
        assertThat(InventoryFixtures.meters(after, "meters")).isEqualByComparingTo("49.2");
        assertThat(InventoryFixtures.meters(after, "reserved_meters")).isEqualByComparingTo("0");
        JsonPath shipped = InventoryFixtures.availability(tenant, item);
        assertThat(InventoryFixtures.meters(shipped, "data[0].on_hand_meters")).isEqualByComparingTo("49.2");
        assertThat(InventoryFixtures.meters(shipped, "data[0].available_meters")).isEqualByComparingTo("49.2");
        assertConsistent();
        Api.as(tenant.adminKey()).get("/v1/reservations/" + order.getString("reservation_id")).then().body("status", equalTo("fulfilled"));

        problem(post(order, "cancel", Map.of("reason", "too late")), 409, "invalid_transition")
                .body("allowed_next_states", equalTo(List.of("shipped")));
        JsonPath transitions = Api.as(tenant.adminKey()).get("/v1/orders/" + order.getString("id") + "/transitions").then()
                .statusCode(200).extract().jsonPath();
        assertThat(transitions.getList("data.to_status")).containsExactly("created", "staged", "picked", "fulfilled");
        assertThat(transitions.getList("data.from_status")).containsExactly(null, "created", "staged", "picked");
        assertThat(transitions.getList("data.actor")).containsExactly("manager-mira", "floor-fatma", "floor-fatma", "floor-fatma");
        JsonPath events = OrderFixtures.outbox(tenant, order.getString("id"));
        assertThat(events.getList("data.type")).containsExactly("order.created", "order.staged", "order.picked", "order.fulfilled");
        assertThat(events.getList("data.idempotency_key")).containsExactly("wms:order:" + order.getString("id") + ":created:v1",
                "wms:order:" + order.getString("id") + ":staged:v1", "wms:order:" + order.getString("id") + ":picked:v1",
                "wms:order:" + order.getString("id") + ":fulfilled:v1");
        OrderFixtures.assertMatchesSchema("orders.yaml", "OrderStatusEvent", payload(order, 1));
        OrderFixtures.assertMatchesSchema("orders.yaml", "OrderStatusEvent", payload(order, 2));
        OrderFixtures.assertMatchesSchema("orders.yaml", "OrderFulfilledEvent", payload(order, 3));
        assertThat(events.getString("data[3].payload.shipped_rolls[0].roll_id")).isEqualTo(rollId);
        assertThat(events.getString("data[3].payload.shipped_rolls[0].crm_deal_line_id")).isEqualTo(order.getString("lines[0].crm_deal_line_id"));
        Api.as(tenant.adminKey()).get("/v1/audit-events?entity_id=" + order.getString("id")).then()
                .body("data.action", equalTo(List.of("order.created", "order.staged", "order.picked", "order.fulfilled")));
    }

    @Test
    void shouldSubstituteARollOfTheSameItemAndRefuseAnotherColorOrAnUnexplainedLot() {
        JsonPath lotA = InventoryFixtures.lot(tenant, item.getString("id"), 100, 100);
        String r1 = lotA.getString("rolls[0].id");
        String r1b = lotA.getString("rolls[1].id");
        String r2 = InventoryFixtures.lot(tenant, item.getString("id"), 100).getString("rolls[0].id");
        JsonPath otherColor = InventoryFixtures.item(tenant);
        String y1 = InventoryFixtures.lot(tenant, otherColor.getString("id"), 100).getString("rolls[0].id");
        JsonPath order = orderOn(r1, 40);
        String lot = order.getString("lines[0].lots[0].id");
        post(order, "stage", null).statusCode(200);
        long rows = ledgerRows();

        problem(post(order, "pick", pick(cut(lot, 40, y1, "any"))), 422, "validation_failed")
                .body("errors[0].field", equalTo("lots[0].substitute_roll_id"));
        problem(post(order, "pick", pick(cut(lot, 40, r2, null))), 422, "validation_failed")
                .body("errors[0].field", equalTo("lots[0].substitution_reason"));
        problem(post(order, "pick", pick(cut(lot, 40, UUID.randomUUID().toString(), null))), 422, "validation_failed");
        problem(post(order, "pick", pick(cut(UUID.randomUUID().toString(), 40, null, null))), 422, "validation_failed");
        problem(post(order, "pick", pick(cut(lot, 40, null, null), cut(lot, 40, null, null))), 422, "validation_failed");
        problem(post(order, "pick", pick(cut(lot, 40.001, null, null))), 422, "validation_failed");
        assertThat(ledgerRows()).isEqualTo(rows);

        post(order, "pick", pick(cut(lot, 40, r1b, null))).statusCode(200)
                .body("lines[0].lots[0].roll_id", equalTo(r1b))
                .body("lines[0].lots[0].substituted_roll_id", equalTo(r1));
        post(order, "pick", pick(cut(lot, 39.5, r2, "Lot A roll damaged at the core"))).statusCode(200)
                .body("status", equalTo("picked"))
                .body("lines[0].lots[0].roll_id", equalTo(r2))
                .body("lines[0].lots[0].substitution_reason", equalTo("Lot A roll damaged at the core"))
                .body("lines[0].lots[0].picked_meters", equalTo(39.50f));
        assertThat(InventoryFixtures.meters(roll(r1), "reserved_meters")).isEqualByComparingTo("0");
        assertThat(InventoryFixtures.meters(roll(r1b), "reserved_meters")).isEqualByComparingTo("0");
        assertThat(InventoryFixtures.meters(roll(r2), "reserved_meters")).isEqualByComparingTo("39.5");
        assertThat(InventoryFixtures.meters(InventoryFixtures.availability(tenant, item), "data[0].reserved_meters"))
                .isEqualByComparingTo("39.5");
        assertConsistent();
        JsonPath events = OrderFixtures.outbox(tenant, order.getString("id"));
        assertThat(events.getList("data.type")).containsExactly("order.created", "order.staged", "order.picked", "order.picked");
        OrderFixtures.assertMatchesSchema("orders.yaml", "OrderStatusEvent", payload(order, 3));
    }

    @Test
    void shouldRefuseToFulfilWithOneLineShortNamingWhatIsMissing() {
        JsonPath second = InventoryFixtures.item(tenant);
        InventoryFixtures.lot(tenant, item.getString("id"), 100);
        InventoryFixtures.lot(tenant, second.getString("id"), 100);
        JsonPath reservation = ReservationFixtures.create(tenant, ReservationFixtures.body("immediate",
                List.of(ReservationFixtures.line(item, 20), ReservationFixtures.line(second, 30))));
        Api.as(tenant.adminKey()).post("/v1/reservations/" + reservation.getString("id") + "/auto-allocate").then().statusCode(201);
        JsonPath order = OrderFixtures.orderByOverride(tenant, reservation.getString("id"));
        post(order, "stage", null).statusCode(200);
        post(order, "pick", pick(cut(order.getString("lines[0].lots[0].id"), 20, null, null))).statusCode(200)
                .body("status", equalTo("picked"))
                .body("lines[1].fully_picked", equalTo(false));
        long rows = ledgerRows();

        problem(post(order, "fulfil", null), 409, "partial_fulfilment_not_allowed")
                .body("missing_picks.size()", equalTo(1))
                .body("missing_picks[0].order_lot_id", equalTo(order.getString("lines[1].lots[0].id")))
                .body("missing_picks[0].crm_deal_line_id", equalTo(reservation.getString("lines[1].crm_deal_line_id")));
        assertThat(ledgerRows()).isEqualTo(rows);
        assertThat(OrderFixtures.order(tenant, order.getString("id")).getString("status")).isEqualTo("picked");

        post(order, "pick", pick(cut(order.getString("lines[1].lots[0].id"), 30, null, null))).statusCode(200);
        post(order, "fulfil", null).statusCode(200).body("status", equalTo("fulfilled"));
        assertConsistent();
    }

    @Test
    void shouldReturnEveryMeterWhenCancelledAtEachState() {
        for (String state : List.of("created", "staged", "picked")) {
            String rollId = InventoryFixtures.lot(tenant, item.getString("id"), 60).getString("rolls[0].id");
            JsonPath order = orderOn(rollId, 45);
            if (!state.equals("created")) {
                post(order, "stage", null).statusCode(200);
            }
            if (state.equals("picked")) {
                post(order, "pick", pick(cut(order.getString("lines[0].lots[0].id"), 45.9, null, null))).statusCode(200);
            }
            post(order, "cancel", Map.of("reason", "Customer cancelled at " + state)).statusCode(200)
                    .body("status", equalTo("cancelled"))
                    .body("cancel_reason", equalTo("Customer cancelled at " + state))
                    .body("lines[0].lots[0].bound_meters", equalTo(0.00f));
            assertThat(InventoryFixtures.meters(roll(rollId), "reserved_meters")).as(state).isEqualByComparingTo("0");
            assertThat(InventoryFixtures.meters(roll(rollId), "meters")).as(state).isEqualByComparingTo("60");
            Api.as(tenant.adminKey()).get("/v1/reservations/" + order.getString("reservation_id")).then()
                    .body("status", equalTo("released"))
                    .body("allocated_meters", equalTo(0.00f));
            assertThat(OrderFixtures.outbox(tenant, order.getString("reservation_id")).getList("data.type")).contains("reservation.released");
            OrderFixtures.assertMatchesSchema("orders.yaml", "OrderCancelledEvent",
                    Db.queryString(dataSource, "select payload::text from outbox_events where aggregate_id = ? and event_type = 'order.cancelled'",
                            UUID.fromString(order.getString("id"))));
        }
        JsonPath availability = InventoryFixtures.availability(tenant, item);
        assertThat(InventoryFixtures.meters(availability, "data[0].on_hand_meters")).isEqualByComparingTo("180");
        assertThat(InventoryFixtures.meters(availability, "data[0].reserved_meters")).isEqualByComparingTo("0");
        assertThat(InventoryFixtures.meters(availability, "data[0].available_meters")).isEqualByComparingTo("180");
        assertConsistent();
    }

    @Test
    void shouldGiveTheRollsBackToTheReservationWhenCancelledKeepingIt() {
        String rollId = InventoryFixtures.lot(tenant, item.getString("id"), 100).getString("rolls[0].id");
        JsonPath order = orderOn(rollId, 40);
        String reservation = order.getString("reservation_id");
        long rows = ledgerRows();

        post(order, "cancel", Map.of("reason", "Ship next month instead", "keep_reservation", true)).statusCode(200)
                .body("status", equalTo("cancelled"));
        assertThat(ledgerRows()).isEqualTo(rows);
        Api.as(tenant.adminKey()).get("/v1/reservations/" + reservation).then()
                .body("status", equalTo("active"))
                .body("allocation_state", equalTo("allocated"))
                .body("action_required_reason", equalTo("needs_shipment_approval"))
                .body("lines[0].allocations[0].roll_id", equalTo(rollId))
                .body("lines[0].allocations[0].meters", equalTo(40.00f));
        assertThat(InventoryFixtures.meters(roll(rollId), "reserved_meters")).isEqualByComparingTo("40");

        JsonPath again = OrderFixtures.orderByOverride(tenant, reservation);
        assertThat(again.getString("id")).isNotEqualTo(order.getString("id"));
        assertThat(again.getString("po_number")).endsWith("-000002");
        assertThat(Db.queryLong(dataSource, "select count(*) from orders where reservation_id = ?", UUID.fromString(reservation)))
                .isEqualTo(2);
        assertConsistent();
    }

    @Test
    void shouldListTheStagingQueueImmediateFirstThenByShipDate() {
        InventoryFixtures.lot(tenant, item.getString("id"), 100);
        List<String> ids = new ArrayList<>();
        for (String[] intent : List.of(new String[]{"ship_on_date", "2026-12-20"}, new String[]{"unknown", null},
                new String[]{"ship_on_date", "2026-12-10"}, new String[]{"immediate", null})) {
            Map<String, Object> body = ReservationFixtures.body(intent[0], List.of(ReservationFixtures.line(item, 10)));
            if (intent[1] != null) {
                body.put("ship_date", intent[1]);
            }
            JsonPath reservation = ReservationFixtures.create(tenant, body);
            Api.as(tenant.adminKey()).post("/v1/reservations/" + reservation.getString("id") + "/auto-allocate").then().statusCode(201);
            ids.add(OrderFixtures.orderByOverride(tenant, reservation.getString("id")).getString("id"));
        }
        List<String> expected = List.of(ids.get(3), ids.get(2), ids.get(0), ids.get(1));
        Api.as(tenant.adminKey()).get("/v1/orders?sort=staging_queue").then().statusCode(200).body("data.id", equalTo(expected));
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = Api.as(tenant.adminKey()).get("/v1/orders?sort=staging_queue&limit=1" + (cursor == null ? "" : "&cursor=" + cursor))
                    .then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("data.id", String.class));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        assertThat(paged).isEqualTo(expected);
        Api.as(tenant.adminKey()).get("/v1/orders").then().body("data.id", equalTo(ids));
        Api.as(tenant.adminKey()).get("/v1/orders?ship_date_from=2026-12-15").then().body("data.id", equalTo(List.of(ids.get(0))));
        Api.as(tenant.adminKey()).get("/v1/orders?status=created&override_used=true&limit=2").then().body("data.size()", equalTo(2));
        Api.as(tenant.adminKey()).get("/v1/orders?override_used=false").then().body("data.size()", equalTo(0));
        problem(Api.raw(tenant.adminKey()).get("/v1/orders?sort=newest").then(), 400, "invalid_parameter");
        problem(Api.raw(tenant.adminKey()).get("/v1/orders?sort=staging_queue&cursor=bm9wZQ").then(), 400, "invalid_cursor");
        problem(Api.raw(tenant.adminKey()).get("/v1/orders?status=lost").then(), 400, "invalid_parameter");
    }

    private String payload(JsonPath order, int index) {
        return Db.queryString(dataSource, "select payload::text from outbox_events where aggregate_id = ? order by created_at, id offset "
                + index + " limit 1", UUID.fromString(order.getString("id")));
    }
}
