package com.lotastro.access;

import static com.lotastro.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import com.lotastro.support.Api;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Organization B sees nothing of organization A: another organization's id is a 404, never a leak. */
@QuarkusTest
class TenancyTest {
    private Tenant a;
    private Tenant b;
    private String itemId;
    private JsonPath lot;

    @BeforeEach
    void setUp() {
        a = Tenants.create();
        b = Tenants.create();
        itemId = InventoryFixtures.item(a).getString("id");
        lot = InventoryFixtures.lot(a, itemId, 40);
    }

    @Test
    void shouldAnswerNotFoundForAnotherOrganizationsIds() {
        problem(Api.raw(b.adminKey()).get("/v1/catalog-items/" + itemId).then(), 404, "not_found");
        problem(Api.raw(b.adminKey()).get("/v1/lots/" + lot.getString("id")).then(), 404, "not_found");
        problem(Api.raw(b.adminKey()).get("/v1/rolls/" + lot.getString("rolls[0].id")).then(), 404, "not_found");
        problem(Api.raw(b.adminKey()).body(Map.of("roll_id", lot.getString("rolls[0].id"), "meters", -1, "reason", "x"))
                .post("/v1/inventory/corrections").then(), 404, "not_found");
        problem(Api.raw(b.adminKey()).body(InventoryFixtures.lotBody(itemId, 10)).post("/v1/lots").then(),
                422, "unknown_catalog_item");
    }

    @Test
    void shouldKeepListsAuditAndEventsPerOrganization() {
        Api.as(b.adminKey()).get("/v1/catalog-items").then().body("data.size()", equalTo(0));
        Api.as(b.adminKey()).get("/v1/lots").then().body("data.size()", equalTo(0));
        Api.as(b.adminKey()).get("/v1/rolls").then().body("data.size()", equalTo(0));
        Api.as(b.adminKey()).get("/v1/inventory/transactions").then().body("data.size()", equalTo(0));
        Api.as(b.adminKey()).get("/v1/inventory/availability").then().body("data.size()", equalTo(0));
        Api.as(b.adminKey()).get("/v1/inventory/consistency").then().body("rolls_checked", equalTo(0));
        Api.as(b.adminKey()).get("/v1/audit-events?entity_id=" + lot.getString("id")).then().body("data.size()", equalTo(0));
        Api.as(b.adminKey()).get("/v1/outbox-events?aggregate_id=" + lot.getString("id")).then().body("data.size()", equalTo(0));
        Api.as(a.adminKey()).get("/v1/audit-events?entity_id=" + lot.getString("id")).then().body("data.size()", equalTo(1));
    }

    @Test
    void shouldAllowTheSameCodesLotNumbersAndBarcodesInAnotherOrganization() {
        JsonPath aItem = Api.as(a.adminKey()).get("/v1/catalog-items/" + itemId).then().extract().jsonPath();
        String bItem = Api.as(b.adminKey())
                .body(InventoryFixtures.itemBody(aItem.getString("quality_code"), aItem.getString("color_code"), 0))
                .post("/v1/catalog-items").then().statusCode(201).extract().path("id");
        Map<String, Object> body = InventoryFixtures.lotBody(bItem, 10);
        body.put("lot_number", lot.getString("lot_number"));
        body.put("rolls", java.util.List.of(Map.of("barcode", lot.getString("rolls[0].barcode"), "meters", 10)));
        Api.as(b.adminKey()).body(body).post("/v1/lots").then().statusCode(201);
        Api.as(a.adminKey()).get("/v1/lots").then().body("data.catalog_item_id", not(hasItem(bItem)));
    }
}
