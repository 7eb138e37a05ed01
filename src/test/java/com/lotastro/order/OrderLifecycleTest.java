package com.lotastro.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.lotastro.support.Api;
import com.lotastro.support.CrmEvents;
import com.lotastro.support.Db;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.OrderFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The whole path a deal takes, from deal.won to order.fulfilled, through signed CRM events and the API. */
@QuarkusTest
class OrderLifecycleTest {
    @Inject
    DataSource dataSource;

    @Test
    void shouldTakeAWonDealToAFulfilledPoWithLedgerRollsAndAvailabilityInAgreement() {
        Tenant tenant = Tenants.create();
        String crmKey = Tenants.keyWithScopes(tenant, "integration:crm");
        String secret = CrmEvents.connect(tenant, "http://127.0.0.1:9/crm");
        JsonPath satin = InventoryFixtures.item(tenant);
        JsonPath linen = InventoryFixtures.item(tenant);
        InventoryFixtures.lot(tenant, satin.getString("id"), 50, 50);
        InventoryFixtures.lot(tenant, linen.getString("id"), 40);
        UUID deal = UUID.randomUUID();
        UUID satinLine = UUID.randomUUID();
        UUID linenLine = UUID.randomUUID();

        String won = CrmEvents.envelope("deal.won", CrmEvents.dealWon(deal, List.of(
                CrmEvents.line(satinLine, satin.getString("quality_code"), satin.getString("color_code"), "70"),
                CrmEvents.line(linenLine, linen.getString("quality_code"), linen.getString("color_code"), "30")), "immediate"));
        String reservation = CrmEvents.send(crmKey, secret, won).then().statusCode(200).extract().path("reservation_ids[0]");
        Api.as(tenant.adminKey()).post("/v1/reservations/" + reservation + "/auto-allocate").then().statusCode(201)
                .body("reservation.allocation_state", equalTo("allocated"))
                .body("reservation.action_required_reason", equalTo("needs_shipment_approval"));

        String approval = CrmEvents.envelope("shipment.approved", "{\"crm_deal_id\":\"" + deal
                + "\",\"approval_id\":\"apr_7781\",\"approved_by\":\"mehmet@example.com\",\"approved_at\":\"2026-11-23T10:00:00Z\","
                + "\"ship_date\":\"2026-11-25\"}");
        CrmEvents.send(crmKey, secret, approval).then().statusCode(200).body("outcome", equalTo("applied"));
        JsonPath order = Api.as(tenant.adminKey()).get("/v1/orders?crm_deal_id=" + deal).then().statusCode(200).extract().jsonPath()
                .setRootPath("data[0]");
        String orderId = order.getString("id");
        assertThat(order.getString("ship_date")).isEqualTo("2026-11-25");
        assertThat(order.getList("lines.crm_deal_line_id")).containsExactly(satinLine.toString(), linenLine.toString());
        String created = Db.queryString(dataSource, "select payload::text from outbox_events where aggregate_id = ? and event_type = 'order.created'",
                UUID.fromString(orderId));
        OrderFixtures.assertMatchesSchema("orders.yaml", "OrderCreatedEvent", created);
        assertThat(created).contains(satinLine.toString(), linenLine.toString(), order.getString("po_number"));

        Api.as(tenant.adminKey()).post("/v1/orders/" + orderId + "/stage").then().statusCode(200);
        JsonPath current = OrderFixtures.order(tenant, orderId);
        // The linen roll is cut 1 % long; the satin rolls exactly.
        List<Map<String, Object>> cuts = new java.util.ArrayList<>();
        current.getList("lines[0].lots.id", String.class).forEach(lot -> cuts.add(Map.of("order_lot_id", lot,
                "picked_meters", new BigDecimal(current.getString("lines[0].lots.find { it.id == '" + lot + "' }.bound_meters")))));
        cuts.add(Map.of("order_lot_id", current.getString("lines[1].lots[0].id"), "picked_meters", 30.3));
        Api.as(tenant.adminKey()).body(Map.of("lots", cuts)).post("/v1/orders/" + orderId + "/pick").then().statusCode(200);
        Api.as(tenant.adminKey()).post("/v1/orders/" + orderId + "/fulfil").then().statusCode(200)
                .body("status", equalTo("fulfilled"));

        JsonPath shippedSatin = InventoryFixtures.availability(tenant, satin);
        assertThat(InventoryFixtures.meters(shippedSatin, "data[0].on_hand_meters")).isEqualByComparingTo("30");
        assertThat(InventoryFixtures.meters(shippedSatin, "data[0].reserved_meters")).isEqualByComparingTo("0");
        assertThat(InventoryFixtures.meters(shippedSatin, "data[0].promised_meters")).isEqualByComparingTo("0");
        assertThat(InventoryFixtures.meters(shippedSatin, "data[0].available_meters")).isEqualByComparingTo("30");
        JsonPath shippedLinen = InventoryFixtures.availability(tenant, linen);
        assertThat(InventoryFixtures.meters(shippedLinen, "data[0].on_hand_meters")).isEqualByComparingTo("9.7");
        assertThat(InventoryFixtures.meters(shippedLinen, "data[0].available_meters")).isEqualByComparingTo("9.7");
        Api.as(tenant.adminKey()).get("/v1/inventory/consistency").then().statusCode(200).body("healthy", equalTo(true));

        BigDecimal fulfilled = Db.queryDecimal(dataSource, "select sum(meters_delta) from inventory_transactions where source_id = ? and type = 'ORDER_FULFILLMENT'",
                UUID.fromString(orderId));
        assertThat(fulfilled).isEqualByComparingTo("-100.3");
        assertThat(Db.queryDecimal(dataSource, "select sum(reserved_delta) from inventory_transactions where source_id = ? and type = 'ORDER_FULFILLMENT'",
                UUID.fromString(orderId))).isEqualByComparingTo("-100.3");
        long lots = current.getList("lines.lots.flatten()").size();
        assertThat(Db.queryLong(dataSource, "select count(*) from inventory_transactions where source_id = ? and type = 'ORDER_FULFILLMENT'",
                UUID.fromString(orderId))).isEqualTo(lots);
        assertThat(Db.queryDecimal(dataSource, "select sum(meters) from rolls where organization_id = ?", tenant.organizationId()))
                .isEqualByComparingTo(Db.queryDecimal(dataSource, "select sum(meters_delta) from inventory_transactions where organization_id = ?",
                        tenant.organizationId()));

        String shipped = Db.queryString(dataSource, "select payload::text from outbox_events where aggregate_id = ? and event_type = 'order.fulfilled'",
                UUID.fromString(orderId));
        OrderFixtures.assertMatchesSchema("orders.yaml", "OrderFulfilledEvent", shipped);
        Api.as(tenant.adminKey()).get("/v1/outbox-events?type=order.fulfilled&aggregate_id=" + orderId).then()
                .body("data[0].payload.shipped_rolls.size()", equalTo((int) lots))
                .body("data[0].idempotency_key", equalTo("wms:order:" + orderId + ":fulfilled:v1"));
        Api.as(tenant.adminKey()).get("/v1/reservations/" + reservation).then().body("status", equalTo("fulfilled"));
        Api.as(tenant.adminKey()).get("/v1/orders/" + orderId + "/transitions").then()
                .body("data.trigger", equalTo(List.of("crm_event", "api", "api", "api")))
                .body("data[0].trigger_ref", equalTo(CrmEvents.idOf(approval)))
                .body("data[0].actor", equalTo("crm"));
    }
}
