package com.lotastro.order;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.lotastro.support.Api;
import com.lotastro.support.CrmEvents;
import com.lotastro.support.Db;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.OrderFixtures;
import com.lotastro.support.ReservationFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POs exist only for allocated reservations, on the CRM's shipment.approved or a reason-coded override. */
@QuarkusTest
class OrderCreationTest {
    @Inject
    DataSource dataSource;

    private Tenant tenant;
    private String crmKey;
    private String secret;
    private JsonPath item;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
        crmKey = Tenants.keyWithScopes(tenant, "integration:crm");
        secret = CrmEvents.connect(tenant, "http://127.0.0.1:9/crm");
        item = InventoryFixtures.item(tenant);
    }

    @Test
    void shouldCreateThePoOnAnOverrideAndMoveTheRollsWithoutReleasingThem() {
        JsonPath lot = InventoryFixtures.lot(tenant, item.getString("id"), 50, 40);
        JsonPath reservation = OrderFixtures.allocatedReservation(tenant, item, 70, "immediate");
        String reservationId = reservation.getString("id");
        long ledgerRows = ledgerRows();

        JsonPath override = OrderFixtures.override(tenant, reservationId, "customer_confirmed_phone", "Confirmed by phone at 10:40")
                .then().statusCode(201)
                .body("reservation_id", equalTo(reservationId))
                .body("created_order", equalTo(true))
                .body("reason", equalTo("customer_confirmed_phone"))
                .body("notes", equalTo("Confirmed by phone at 10:40"))
                .body("overridden_by", equalTo("manager-mira"))
                .body("crm_notified", equalTo(false))
                .extract().jsonPath();
        JsonPath order = OrderFixtures.order(tenant, override.getString("order_id"));
        assertThat(order.getString("po_number")).matches("PO-\\d{4}-000001").isEqualTo(order.getString("order_number"))
                .isEqualTo(override.getString("po_number"));
        assertThat(order.getString("status")).isEqualTo("created");
        assertThat(order.getBoolean("override_used")).isTrue();
        assertThat(order.getString("override.reason")).isEqualTo("customer_confirmed_phone");
        assertThat(order.getString("override.by")).isEqualTo("manager-mira");
        assertThat(order.getString("approval")).isNull();
        assertThat(order.getList("allowed_next_states")).containsExactly("staged", "cancelled");
        assertThat(order.getString("crm_deal_id")).isEqualTo(reservation.getString("crm_deal_id"));
        assertThat(order.getString("lines[0].crm_deal_line_id")).isEqualTo(reservation.getString("lines[0].crm_deal_line_id"));
        assertThat(InventoryFixtures.meters(order, "lines[0].ordered_meters")).isEqualByComparingTo("70");
        assertThat(order.getList("lines[0].lots.roll_id", String.class))
                .containsExactlyInAnyOrderElementsOf(reservation.getList("lines[0].allocations.roll_id", String.class));

        // The bindings moved: no ledger row, the rolls still hold the meters, the reservation waits on its PO.
        assertThat(ledgerRows()).isEqualTo(ledgerRows);
        Api.as(tenant.adminKey()).get("/v1/reservations/" + reservationId).then()
                .body("status", equalTo("ordered"))
                .body("action_required_reason", equalTo("override_used"))
                .body("lines[0].allocations.size()", equalTo(0));
        JsonPath availability = InventoryFixtures.availability(tenant, item);
        assertThat(InventoryFixtures.meters(availability, "data[0].on_hand_meters")).isEqualByComparingTo("90");
        assertThat(InventoryFixtures.meters(availability, "data[0].reserved_meters")).isEqualByComparingTo("70");
        assertThat(InventoryFixtures.meters(availability, "data[0].available_meters")).isEqualByComparingTo("20");
        problem(Api.raw(tenant.adminKey()).body(ReservationFixtures.body(item, 21)).post("/v1/reservations").then(), 409,
                "insufficient_stock");
        Api.as(tenant.adminKey()).get("/v1/inventory/consistency").then().body("healthy", equalTo(true));
        assertThat(lot.getList("rolls")).hasSize(2);

        JsonPath events = OrderFixtures.outbox(tenant, order.getString("id"));
        assertThat(events.getList("data.type")).containsExactly("order.created");
        assertThat(events.getString("data[0].idempotency_key")).isEqualTo("wms:order:" + order.getString("id") + ":created:v1");
        OrderFixtures.assertMatchesSchema("orders.yaml", "OrderCreatedEvent", payloadJson(order.getString("id"), 0));
        assertThat(events.getString("data[0].payload.lines[0].wms_order_line_id")).isEqualTo(order.getString("lines[0].id"));
        JsonPath overrideEvents = OrderFixtures.outbox(tenant, override.getString("id"));
        assertThat(overrideEvents.getList("data.type")).containsExactly("override.used");
        assertThat(overrideEvents.getString("data[0].idempotency_key")).isEqualTo("wms:override:" + override.getString("id") + ":used:v1");
        OrderFixtures.assertMatchesSchema("orders.yaml", "OverrideUsedEvent", payloadJson(override.getString("id"), 0));

        Api.as(tenant.adminKey()).get("/v1/orders/" + order.getString("id") + "/transitions").then().statusCode(200)
                .body("data.size()", equalTo(1))
                .body("data[0].to_status", equalTo("created"))
                .body("data[0].trigger", equalTo("api"))
                .body("data[0].actor", equalTo("manager-mira"));
        Api.as(tenant.adminKey()).get("/v1/audit-events?entity_id=" + order.getString("id")).then().statusCode(200)
                .body("data[0].action", equalTo("order.created"));
        Api.as(tenant.adminKey()).get("/v1/overrides?actor=manager-mira").then().statusCode(200)
                .body("data.size()", equalTo(1))
                .body("data[0].po_number", equalTo(order.getString("po_number")));
    }

    @Test
    void shouldCreateThePoOnShipmentApprovedAndAttachALaterOverrideToIt() {
        InventoryFixtures.lot(tenant, item.getString("id"), 100);
        JsonPath reservation = OrderFixtures.allocatedReservation(tenant, item, 30, "immediate");
        String event = OrderFixtures.approval(reservation.getString("id"));
        OrderFixtures.assertMatchesSchema("crm.yaml", "ShipmentApprovedPayload", event.substring(event.indexOf("\"data\":") + 7,
                event.length() - 1));

        CrmEvents.send(crmKey, secret, event).then().statusCode(200)
                .body("outcome", equalTo("applied"))
                .body("reservation_ids[0]", equalTo(reservation.getString("id")));
        JsonPath orders = Api.as(tenant.adminKey()).get("/v1/orders?crm_deal_id=" + reservation.getString("crm_deal_id"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(orders.getList("data")).hasSize(1);
        assertThat(orders.getBoolean("data[0].override_used")).isFalse();
        assertThat(orders.getString("data[0].approval.event_id")).isEqualTo(CrmEvents.idOf(event));
        assertThat(orders.getString("data[0].approval.approved_by")).isEqualTo("mehmet@example.com");
        Api.as(tenant.adminKey()).get("/v1/reservations/" + reservation.getString("id")).then()
                .body("status", equalTo("ordered"))
                .body("action_required", equalTo(false));
        Api.as(tenant.adminKey()).get("/v1/orders/" + orders.getString("data[0].id") + "/transitions").then()
                .body("data[0].trigger", equalTo("crm_event"))
                .body("data[0].trigger_ref", equalTo(CrmEvents.idOf(event)));

        OrderFixtures.override(tenant, reservation.getString("id"), "other", "CRM was slow").then().statusCode(201)
                .body("created_order", equalTo(false))
                .body("order_id", equalTo(orders.getString("data[0].id")));
        assertThat(Db.queryLong(dataSource, "select count(*) from orders where reservation_id = ?",
                UUID.fromString(reservation.getString("id")))).isEqualTo(1);
        Api.as(tenant.adminKey()).get("/v1/reservations/" + reservation.getString("id")).then()
                .body("action_required_reason", equalTo("override_used"));
    }

    @Test
    void shouldKeepADealThatBecameAPoFromBeingReservedAgain() {
        InventoryFixtures.lot(tenant, item.getString("id"), 50, 50);
        JsonPath reservation = OrderFixtures.allocatedReservation(tenant, item, 30, "immediate");
        OrderFixtures.orderByOverride(tenant, reservation.getString("id"));
        Map<String, Object> again = ReservationFixtures.body(item, 10);
        again.put("crm_deal_id", reservation.getString("crm_deal_id"));

        problem(Api.as(tenant.adminKey()).body(again).post("/v1/reservations").then(), 409, "deal_already_reserved")
                .body("reservation_id", equalTo(reservation.getString("id")));
        assertThat(InventoryFixtures.meters(InventoryFixtures.availability(tenant, item), "data[0].available_meters"))
                .isEqualByComparingTo("70");
    }

    @Test
    void shouldRefuseAnOverrideWithoutAValidReasonAndChangeNothing() {
        InventoryFixtures.lot(tenant, item.getString("id"), 100);
        String reservation = OrderFixtures.allocatedReservation(tenant, item, 30, "unknown").getString("id");
        String clerk = Tenants.keyWithScopes(tenant, "orders:write", "reservations:write");
        Map<String, Long> before = Db.counts(dataSource, tenant.organizationId());

        problem(Api.raw(tenant.adminKey()).body(Map.of("reason", "customer_said_so")).post("/v1/reservations/" + reservation + "/override")
                .then(), 422, "validation_failed");
        problem(Api.raw(tenant.adminKey()).body(Map.of("notes", "no reason")).post("/v1/reservations/" + reservation + "/override")
                .then(), 422, "validation_failed");
        problem(OrderFixtures.override(tenant, reservation, "other", null).then(), 422, "validation_failed")
                .body("errors[0].field", equalTo("notes"));
        problem(OrderFixtures.override(tenant, reservation, "other", "   ").then(), 422, "validation_failed");
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("reason", null);
        problem(Api.raw(tenant.adminKey()).body(nulls).post("/v1/reservations/" + reservation + "/override").then(), 422,
                "validation_failed");
        problem(Api.raw(tenant.adminKey()).body(Map.of("reason", 7)).post("/v1/reservations/" + reservation + "/override").then(), 422,
                "validation_failed");
        problem(Api.raw(clerk).body(Map.of("reason", "ops_emergency")).post("/v1/reservations/" + reservation + "/override").then(),
                403, "insufficient_scope");
        assertThat(Db.counts(dataSource, tenant.organizationId())).isEqualTo(before);
        assertThat(Db.queryLong(dataSource, "select count(*) from orders where organization_id = ?", tenant.organizationId())).isZero();
    }

    @Test
    void shouldRefuseAPoForAReservationThatIsNotAllocatedReleasedOrBlocked() {
        JsonPath lot = InventoryFixtures.lot(tenant, item.getString("id"), 40, 40);
        JsonPath unallocated = ReservationFixtures.create(tenant, item, 10);
        JsonPath partial = ReservationFixtures.create(tenant, item, 20);
        ReservationFixtures.allocate(tenant, partial, lot.getString("rolls[0].id"), 5);
        JsonPath released = OrderFixtures.allocatedReservation(tenant, item, 5, "unknown");
        Api.as(tenant.adminKey()).body(Map.of("reason", "customer_cancelled")).post("/v1/reservations/" + released.getString("id") + "/release")
                .then().statusCode(200);

        problem(OrderFixtures.override(tenant, unallocated.getString("id"), "ops_emergency", null).then(), 409, "reservation_not_allocated");
        problem(OrderFixtures.override(tenant, partial.getString("id"), "ops_emergency", null).then(), 409, "reservation_not_allocated");
        problem(OrderFixtures.override(tenant, released.getString("id"), "ops_emergency", null).then(), 409, "reservation_not_active");
        problem(OrderFixtures.override(tenant, UUID.randomUUID().toString(), "ops_emergency", null).then(), 404, "not_found");

        problem(OrderFixtures.override(tenant, blockedReservation().getString("id"), "ops_emergency", null).then(), 409,
                "reservation_blocked");
        assertThat(Db.queryLong(dataSource, "select count(*) from orders where organization_id = ?", tenant.organizationId())).isZero();
        assertThat(Db.queryLong(dataSource, "select count(*) from shipment_approval_overrides where organization_id = ?",
                tenant.organizationId())).isZero();
    }

    @Test
    void shouldRecordARejectedApprovalAndApplyItWhenReprocessedAfterAllocation() {
        JsonPath lot = InventoryFixtures.lot(tenant, item.getString("id"), 40, 40);
        JsonPath partial = ReservationFixtures.create(tenant, ReservationFixtures.body("immediate", List.of(ReservationFixtures.line(item, 30))));
        ReservationFixtures.allocate(tenant, partial, lot.getString("rolls[0].id"), 10);
        String event = OrderFixtures.approval(partial.getString("id"));

        problem(CrmEvents.send(crmKey, secret, event).then(), 422, "reservation_not_allocated");
        JsonPath inbound = Api.as(tenant.adminKey()).get("/v1/integration/inbound-events?type=shipment.approved").then()
                .statusCode(200).extract().jsonPath();
        assertThat(inbound.getString("data[0].outcome")).isEqualTo("rejected");
        assertThat(inbound.getString("data[0].error_code")).isEqualTo("reservation_not_allocated");
        assertThat(Db.queryLong(dataSource, "select count(*) from orders where organization_id = ?", tenant.organizationId())).isZero();

        ReservationFixtures.allocate(tenant, partial, lot.getString("rolls[0].id"), 20);
        Api.as(tenant.adminKey()).post("/v1/integration/inbound-events/" + inbound.getString("data[0].id") + "/reprocess").then()
                .statusCode(200)
                .body("outcome", equalTo("applied"))
                .body("attempts", equalTo(2));
        Api.as(tenant.adminKey()).get("/v1/orders?crm_deal_id=" + partial.getString("crm_deal_id")).then()
                .body("data.size()", equalTo(1))
                .body("data[0].approval.event_id", equalTo(CrmEvents.idOf(event)));
    }

    @Test
    void shouldRejectApprovalsForUnknownUnallocatedReleasedOrBlockedReservations() {
        JsonPath lot = InventoryFixtures.lot(tenant, item.getString("id"), 40, 40);
        JsonPath released = OrderFixtures.allocatedReservation(tenant, item, 5, "unknown");
        Api.as(tenant.adminKey()).body(Map.of("reason", "customer_cancelled")).post("/v1/reservations/" + released.getString("id") + "/release")
                .then().statusCode(200);
        JsonPath blocked = blockedReservation();
        assertThat(lot.getList("rolls")).hasSize(2);

        problem(CrmEvents.send(crmKey, secret, OrderFixtures.approval(released.getString("id"))).then(), 422, "reservation_not_active");
        problem(CrmEvents.send(crmKey, secret, OrderFixtures.approval(ReservationFixtures.create(tenant, item, 10).getString("id"))).then(),
                422, "reservation_not_allocated");
        problem(CrmEvents.send(crmKey, secret, OrderFixtures.approval(blocked.getString("id"))).then(), 422, "reservation_blocked");
        problem(CrmEvents.send(crmKey, secret, OrderFixtures.approval(UUID.randomUUID().toString())).then(), 422, "not_found");
        problem(CrmEvents.send(crmKey, secret, CrmEvents.envelope("shipment.approved", "{\"crm_deal_id\":\"" + UUID.randomUUID()
                + "\",\"approval_id\":\"apr_1\",\"approved_at\":\"2026-11-23T10:00:00Z\"}")).then(), 422, "unknown_deal");
        problem(CrmEvents.send(crmKey, secret, CrmEvents.envelope("shipment.approved",
                "{\"approval_id\":\"apr_1\",\"approved_at\":\"2026-11-23T10:00:00Z\"}")).then(), 422, "validation_failed");
        problem(CrmEvents.send(crmKey, secret, CrmEvents.envelope("shipment.approved", "{\"wms_reservation_id\":\""
                + released.getString("id") + "\",\"approved_at\":\"2026-11-23T10:00:00Z\"}")).then(), 422, "validation_failed");
        Api.as(tenant.adminKey()).get("/v1/integration/inbound-events?type=shipment.approved&outcome=rejected").then()
                .body("data.size()", equalTo(7));
        assertThat(Db.queryLong(dataSource, "select count(*) from orders where organization_id = ?", tenant.organizationId())).isZero();
    }

    @Test
    void shouldReplayAnOverrideSentTwiceWithTheSameIdempotencyKey() {
        InventoryFixtures.lot(tenant, item.getString("id"), 100);
        String reservation = OrderFixtures.allocatedReservation(tenant, item, 30, "unknown").getString("id");
        String first = Api.as(tenant.adminKey()).header("Idempotency-Key", "override-" + reservation)
                .body(Map.of("reason", "approval_link_received")).post("/v1/reservations/" + reservation + "/override")
                .then().statusCode(201).extract().asString();
        String again = Api.as(tenant.adminKey()).header("Idempotency-Key", "override-" + reservation)
                .body(Map.of("reason", "approval_link_received")).post("/v1/reservations/" + reservation + "/override")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().asString();
        assertThat(again).isEqualTo(first);
        assertThat(Db.queryLong(dataSource, "select count(*) from shipment_approval_overrides where reservation_id = ?",
                UUID.fromString(reservation))).isEqualTo(1);
    }

    @Test
    void shouldKeepOrganizationsApartOnEveryOrderPath() {
        InventoryFixtures.lot(tenant, item.getString("id"), 100);
        String reservation = OrderFixtures.allocatedReservation(tenant, item, 30, "unknown").getString("id");
        JsonPath order = OrderFixtures.orderByOverride(tenant, reservation);
        String id = order.getString("id");
        Tenant other = Tenants.create();

        problem(OrderFixtures.override(other, reservation, "ops_emergency", null).then(), 404, "not_found");
        problem(Api.raw(other.adminKey()).get("/v1/orders/" + id).then(), 404, "not_found");
        problem(Api.raw(other.adminKey()).get("/v1/orders/" + id + "/transitions").then(), 404, "not_found");
        problem(Api.raw(other.adminKey()).post("/v1/orders/" + id + "/stage").then(), 404, "not_found");
        problem(Api.raw(other.adminKey()).body(Map.of("lots", List.of(Map.of("order_lot_id", order.getString("lines[0].lots[0].id"),
                "picked_meters", 30)))).post("/v1/orders/" + id + "/pick").then(), 404, "not_found");
        problem(Api.raw(other.adminKey()).post("/v1/orders/" + id + "/fulfil").then(), 404, "not_found");
        problem(Api.raw(other.adminKey()).body(Map.of("reason", "x")).post("/v1/orders/" + id + "/cancel").then(), 404, "not_found");
        Api.as(other.adminKey()).get("/v1/orders").then().statusCode(200).body("data.size()", equalTo(0));
        Api.as(other.adminKey()).get("/v1/orders?sort=staging_queue").then().statusCode(200).body("data.size()", equalTo(0));
        Api.as(other.adminKey()).get("/v1/overrides").then().statusCode(200).body("data.size()", equalTo(0));
        OrderFixtures.order(tenant, id);
        assertThat(OrderFixtures.order(tenant, id).getString("status")).isEqualTo("created");
    }

    /** A reservation a loss of stock left with unbacked meters: blocked until a shortage decision. */
    private JsonPath blockedReservation() {
        JsonPath scarce = InventoryFixtures.item(tenant);
        String roll = InventoryFixtures.lot(tenant, scarce.getString("id"), 10).getString("rolls[0].id");
        JsonPath reservation = ReservationFixtures.create(tenant, scarce, 10);
        Map<String, Object> loss = new HashMap<>(Map.of("roll_id", roll, "meters", -5, "reason", "Water damage", "acknowledge_shortage", true));
        Api.as(tenant.adminKey()).body(loss).post("/v1/inventory/corrections").then().statusCode(201);
        Api.as(tenant.adminKey()).get("/v1/reservations/" + reservation.getString("id")).then()
                .body("action_required_reason", equalTo("needs_shortage_decision"));
        return reservation;
    }

    private long ledgerRows() {
        return Db.queryLong(dataSource, "select count(*) from inventory_transactions where organization_id = ?", tenant.organizationId());
    }

    /** An outbox event's payload as stored (the JSON the CRM receives). */
    private String payloadJson(String aggregateId, int index) {
        return Db.queryString(dataSource, "select payload::text from outbox_events where aggregate_id = ? order by created_at, id offset "
                + index + " limit 1", UUID.fromString(aggregateId));
    }
}
