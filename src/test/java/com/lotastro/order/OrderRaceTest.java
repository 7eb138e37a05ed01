package com.lotastro.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.lotastro.support.Api;
import com.lotastro.support.Concurrently;
import com.lotastro.support.CrmEvents;
import com.lotastro.support.Db;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.OrderFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * One reservation never gets two POs, whatever arrives at the same time; PO numbers are gap-free. Every race runs
 * its requests from threads released together by a latch, and is repeated.
 */
@QuarkusTest
class OrderRaceTest {
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

    private long orders(String reservationId) {
        return Db.queryLong(dataSource, "select count(*) from orders where reservation_id = ?", UUID.fromString(reservationId));
    }

    @RepeatedTest(3)
    void tenIdenticalShipmentApprovalsAtOnceMakeOnePo() throws Exception {
        InventoryFixtures.lot(tenant, item.getString("id"), 60, 60);
        String reservation = OrderFixtures.allocatedReservation(tenant, item, 100, "immediate").getString("id");
        String data = OrderFixtures.approvalData(reservation, "apr_" + UUID.randomUUID());

        // The CRM sends the same approval ten times, each delivery with its own event id.
        List<Response> answers = Concurrently.run(10, i -> CrmEvents.send(crmKey, secret, CrmEvents.envelope("shipment.approved", data)));

        assertThat(answers).extracting(Response::statusCode).containsOnly(200);
        assertThat(answers).extracting(r -> r.jsonPath().getString("outcome")).containsOnly("applied");
        assertThat(answers.stream().filter(r -> r.jsonPath().getString("detail").endsWith("created"))).hasSize(1);
        assertThat(orders(reservation)).isEqualTo(1);
        JsonPath list = Api.as(tenant.adminKey()).get("/v1/orders").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("data")).hasSize(1);
        assertThat(list.getString("data[0].approval.crm_approval_id")).isNotNull();
        assertThat(list.getString("data[0].po_number")).isEqualTo(poNumber(1));
        Api.as(tenant.adminKey()).get("/v1/outbox-events?type=order.created").then().statusCode(200)
                .body("data.size()", org.hamcrest.Matchers.equalTo(1));
    }

    @RepeatedTest(3)
    void anApprovalAndAnOverrideAtTheSameInstantMakeOnePoAndAreBothRecorded() throws Exception {
        InventoryFixtures.lot(tenant, item.getString("id"), 100);
        String reservation = OrderFixtures.allocatedReservation(tenant, item, 80, "immediate").getString("id");
        String event = OrderFixtures.approval(reservation);

        List<Response> answers = Concurrently.run(2, i -> i == 0
                ? CrmEvents.send(crmKey, secret, event)
                : OrderFixtures.override(tenant, reservation, "customer_confirmed_whatsapp", null));

        assertThat(answers.get(0).statusCode()).isEqualTo(200);
        assertThat(answers.get(0).jsonPath().getString("outcome")).isEqualTo("applied");
        assertThat(answers.get(1).statusCode()).isEqualTo(201);
        assertThat(orders(reservation)).isEqualTo(1);
        String orderId = answers.get(1).jsonPath().getString("order_id");
        JsonPath order = OrderFixtures.order(tenant, orderId);
        // Whichever came second was attached to the PO the first one made.
        assertThat(order.getString("approval.event_id")).isEqualTo(CrmEvents.idOf(event));
        assertThat(Db.queryLong(dataSource, "select count(*) from shipment_approval_overrides where reservation_id = ?",
                UUID.fromString(reservation))).isEqualTo(1);
        Api.as(tenant.adminKey()).get("/v1/integration/inbound-events?type=shipment.approved").then()
                .body("data.size()", org.hamcrest.Matchers.equalTo(1))
                .body("data[0].outcome", org.hamcrest.Matchers.equalTo("applied"));
    }

    @RepeatedTest(3)
    void twentyOverridesAtOnceMakeOnePo() throws Exception {
        InventoryFixtures.lot(tenant, item.getString("id"), 100);
        String reservation = OrderFixtures.allocatedReservation(tenant, item, 40, "unknown").getString("id");

        List<Response> answers = Concurrently.run(20, i -> OrderFixtures.override(tenant, reservation, "manager_directive", null));

        assertThat(answers).extracting(Response::statusCode).containsOnly(201);
        assertThat(answers.stream().map(r -> r.jsonPath().getString("order_id")).distinct()).hasSize(1);
        assertThat(answers.stream().filter(r -> r.jsonPath().getBoolean("created_order"))).hasSize(1);
        assertThat(orders(reservation)).isEqualTo(1);
        Api.as(tenant.adminKey()).get("/v1/overrides?reason=manager_directive&limit=200").then().statusCode(200)
                .body("data.size()", org.hamcrest.Matchers.equalTo(20));
    }

    @RepeatedTest(2)
    void fiftyReservationsApprovedAtOnceGetFiftyGapFreeNumbers() throws Exception {
        List<JsonPath> items = IntStream.range(0, 5).mapToObj(i -> InventoryFixtures.item(tenant)).toList();
        items.forEach(it -> InventoryFixtures.lot(tenant, it.getString("id"), 100, 100, 100));
        List<String> reservations = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            reservations.add(OrderFixtures.allocatedReservation(tenant, items.get(i % 5), 5, "immediate").getString("id"));
        }

        List<Response> answers = Concurrently.run(50, i -> i % 2 == 0
                ? CrmEvents.send(crmKey, secret, OrderFixtures.approval(reservations.get(i)))
                : OrderFixtures.override(tenant, reservations.get(i), "ship_immediate_policy", null));

        assertThat(answers).extracting(Response::statusCode).allMatch(status -> status == 200 || status == 201);
        JsonPath orders = Api.as(tenant.adminKey()).get("/v1/orders?limit=200").then().statusCode(200).extract().jsonPath();
        List<String> numbers = orders.getList("data.po_number", String.class);
        assertThat(numbers).hasSize(50).doesNotHaveDuplicates();
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 50).mapToObj(this::poNumber).toList());
        assertThat(orders.getList("data.reservation_id", String.class)).containsExactlyInAnyOrderElementsOf(reservations);
        Api.as(tenant.adminKey()).get("/v1/inventory/consistency").then().statusCode(200)
                .body("healthy", org.hamcrest.Matchers.equalTo(true));
    }

    private String poNumber(int n) {
        return String.format("PO-%d-%06d", Year.now(ZoneOffset.UTC).getValue(), n);
    }
}
