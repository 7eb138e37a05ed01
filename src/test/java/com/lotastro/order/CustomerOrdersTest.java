package com.lotastro.order;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.lotastro.support.Api;
import com.lotastro.support.CrmEvents;
import com.lotastro.support.CustomerFixtures;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.OrderFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A customer's orders: the orders of the CRM customer it is linked to, paged, in its organization only. */
@QuarkusTest
class CustomerOrdersTest {

    @Test
    void shouldListTheOrdersOfTheLinkedCrmCustomer() {
        Tenant tenant = Tenants.create();
        String crmKey = Tenants.keyWithScopes(tenant, "integration:crm");
        String secret = CrmEvents.connect(tenant, "http://127.0.0.1:9/crm");
        UUID crmId = UUID.randomUUID();
        CrmEvents.send(crmKey, secret, CrmEvents.envelope("customer.created",
                "{\"crm_customer_id\":\"" + crmId + "\",\"company_name\":\"Uşak Battaniye A.Ş.\",\"unique_code\":\"USK-1\"}"))
                .then().statusCode(200);
        String customerId = Api.as(tenant.adminKey()).get("/v1/customers?linked=true").then().statusCode(200)
                .extract().path("data[0].id");

        JsonPath item = InventoryFixtures.item(tenant);
        InventoryFixtures.lot(tenant, item.getString("id"), 100);
        List<String> theirs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonPath reservation = OrderFixtures.allocatedReservationOf(tenant, item, 10, crmId.toString());
            theirs.add(OrderFixtures.orderByOverride(tenant, reservation.getString("id")).getString("id"));
        }
        String someoneElses = OrderFixtures.orderByOverride(tenant,
                OrderFixtures.allocatedReservation(tenant, item, 10, "immediate").getString("id")).getString("id");
        Api.as(tenant.adminKey()).post("/v1/orders/" + theirs.get(1) + "/stage").then().statusCode(200);
        Api.as(tenant.adminKey()).body(Map.of("reason", "customer_postponed")).post("/v1/orders/" + theirs.get(2) + "/cancel")
                .then().statusCode(200);

        // The customer's detail counts them by where they stand; the other customer's order is not counted.
        JsonPath summary = Api.as(tenant.adminKey()).get("/v1/customers/" + customerId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(summary.getLong("orders_summary.total")).isEqualTo(3);
        assertThat(summary.getLong("orders_summary.open")).isEqualTo(2);
        assertThat(summary.getLong("orders_summary.cancelled")).isEqualTo(1);
        assertThat(summary.getLong("orders_summary.shipped") + summary.getLong("orders_summary.delivered")).isZero();
        String newest = Api.as(tenant.adminKey()).get("/v1/orders/" + theirs.get(2)).then().statusCode(200)
                .extract().path("created_at");
        assertThat(summary.getString("orders_summary.last_ordered_at")).isEqualTo(newest);

        JsonPath first = Api.as(tenant.adminKey()).get("/v1/customers/" + customerId + "/orders?limit=2").then().statusCode(200)
                .body("data", hasSize(2)).extract().jsonPath();
        JsonPath second = Api.as(tenant.adminKey()).queryParam("cursor", first.getString("next_cursor"))
                .get("/v1/customers/" + customerId + "/orders?limit=2").then().statusCode(200)
                .body("data", hasSize(1)).body("next_cursor", nullValue()).extract().jsonPath();
        List<String> listed = new ArrayList<>(first.getList("data.id"));
        listed.addAll(second.getList("data.id"));
        assertThat(listed).containsExactlyElementsOf(theirs).doesNotContain(someoneElses);
        assertThat(first.getList("data.crm_customer_id", String.class)).containsOnly(crmId.toString());
        Api.as(tenant.adminKey()).get("/v1/customers/" + customerId + "/orders?status=staged").then().statusCode(200)
                .body("data.id", contains(theirs.get(1)));

        // An unlinked customer has no orders yet; another organization does not see the customer; the key needs orders:read.
        String unlinked = CustomerFixtures.customer(tenant, "Portal Müşterisi").getString("id");
        Api.as(tenant.adminKey()).get("/v1/customers/" + unlinked + "/orders").then().statusCode(200).body("data", empty());
        Api.as(tenant.adminKey()).get("/v1/customers/" + unlinked).then().statusCode(200)
                .body("orders_summary.total", equalTo(0)).body("orders_summary.last_ordered_at", nullValue());
        problem(Api.as(Tenants.create().adminKey()).get("/v1/customers/" + customerId + "/orders").then(), 404, "not_found");
        problem(Api.as(tenant.adminKey()).get("/v1/customers/" + UUID.randomUUID() + "/orders").then(), 404, "not_found");
        problem(Api.as(Tenants.keyWithScopes(tenant, "customers:read")).get("/v1/customers/" + customerId + "/orders").then(), 403,
                "insufficient_scope");
        Api.as(Tenants.keyWithScopes(tenant, "orders:read")).get("/v1/customers/" + customerId + "/orders").then().statusCode(200)
                .body("data", hasSize(3));
    }
}
