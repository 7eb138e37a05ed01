package com.lotastro.inventory;

import static com.lotastro.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;

import com.lotastro.support.Api;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AvailabilityTest {
    private Tenant tenant;
    private JsonPath item;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
        item = InventoryFixtures.item(tenant, 150);
    }

    private String byCodes() {
        return "/v1/inventory/availability?quality_code=" + item.getString("quality_code") + "&color_code=" + item.getString("color_code");
    }

    @Test
    void shouldReportOnHandReservedAvailableIncomingAndLowStock() {
        Api.as(tenant.adminKey()).get(byCodes()).then().statusCode(200)
                .body("data.size()", equalTo(1))
                .body("data[0].on_hand_meters", equalTo(0.00f))
                .body("data[0].low_stock", equalTo(true));

        InventoryFixtures.lot(tenant, item.getString("id"), 52.5, 48.25);
        Api.as(tenant.adminKey()).get(byCodes()).then().statusCode(200)
                .body("data[0].catalog_item_id", equalTo(item.getString("id")))
                .body("data[0].on_hand_meters", equalTo(100.75f))
                .body("data[0].reserved_meters", equalTo(0.00f))
                .body("data[0].available_meters", equalTo(100.75f))
                .body("data[0].incoming_meters", equalTo(0.00f))
                .body("data[0].low_stock_threshold_meters", equalTo(150.00f))
                .body("data[0].low_stock", equalTo(true));

        InventoryFixtures.lot(tenant, item.getString("id"), 60);
        Api.as(tenant.adminKey()).get(byCodes()).then()
                .body("data[0].on_hand_meters", equalTo(160.75f))
                .body("data[0].low_stock", equalTo(false));
    }

    @Test
    void shouldAnswerFromTheLedgerAsOfAPastInstant() {
        String firstLot = InventoryFixtures.lot(tenant, item.getString("id"), 100).getString("id");
        String afterFirst = Api.as(tenant.adminKey()).get("/v1/inventory/transactions?lot_id=" + firstLot).then()
                .extract().path("data[0].created_at");
        String roll = InventoryFixtures.lot(tenant, item.getString("id"), 40).getString("rolls[0].id");
        Api.as(tenant.adminKey()).body(Map.of("roll_id", roll, "meters", -15, "reason", "cut"))
                .post("/v1/inventory/corrections").then().statusCode(201);

        Api.as(tenant.adminKey()).get(byCodes()).then().body("data[0].on_hand_meters", equalTo(125.00f));
        Api.as(tenant.adminKey()).get(byCodes() + "&as_of=" + afterFirst).then().statusCode(200)
                .body("as_of", equalTo(afterFirst))
                .body("data[0].on_hand_meters", equalTo(100.00f));
        Api.as(tenant.adminKey()).get(byCodes() + "&as_of=2020-01-01T00:00:00Z").then()
                .body("data.size()", equalTo(0));
        problem(Api.raw(tenant.adminKey()).get(byCodes() + "&as_of=yesterday").then(), 400, "invalid_parameter");
    }

    @Test
    void shouldListEveryItemOfTheOrganizationWithPaging() {
        InventoryFixtures.item(tenant);
        InventoryFixtures.item(tenant);
        String next = Api.as(tenant.adminKey()).get("/v1/inventory/availability?limit=2").then()
                .body("data.size()", equalTo(2)).extract().path("next_cursor");
        Api.as(tenant.adminKey()).get("/v1/inventory/availability?limit=2&cursor=" + next).then()
                .body("data.size()", equalTo(1))
                .body("next_cursor", equalTo(null));
    }
}
