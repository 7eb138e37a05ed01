package com.lotastro.audit;

import static com.lotastro.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import com.lotastro.support.Api;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditResourceTest {
    private Tenant tenant;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
    }

    @Test
    void shouldRecordWhoChangedWhatAndFilterByEntityActorAndTime() {
        String item = InventoryFixtures.item(tenant).getString("id");
        String roll = InventoryFixtures.lot(tenant, item, 10).getString("rolls[0].id");
        Api.as(tenant.adminKey()).header("X-Actor", "auditor-9")
                .body(Map.of("roll_id", roll, "meters", 1, "reason", "found more")).post("/v1/inventory/corrections")
                .then().statusCode(201);
        String keyId = Api.as(tenant.adminKey()).get("/v1/api-keys").then().extract().path("data[0].id");

        Api.as(tenant.adminKey()).get("/v1/audit-events?actor=auditor-9").then().statusCode(200)
                .body("data.size()", equalTo(1))
                .body("data[0].action", equalTo("roll.corrected"))
                .body("data[0].entity_type", equalTo("roll"))
                .body("data[0].entity_id", equalTo(roll))
                .body("data[0].api_key_id", equalTo(keyId))
                .body("data[0].reason", equalTo("found more"))
                .body("data[0].after.meters", equalTo(11.00f));
        Api.as(tenant.adminKey()).get("/v1/audit-events?entity_type=catalog_item").then()
                .body("data.entity_id", everyItem(equalTo(item)));
        Api.as(tenant.adminKey()).get("/v1/audit-events?from=2999-01-01T00:00:00Z").then().body("data.size()", equalTo(0));
        Api.as(tenant.adminKey()).get("/v1/audit-events?to=2000-01-01T00:00:00Z").then().body("data.size()", equalTo(0));
    }

    @Test
    void shouldKeepMetersInAuditAndOutboxJsonExactToTheCent() {
        RestAssuredConfig decimals = RestAssuredConfig.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        String item = InventoryFixtures.item(tenant).getString("id");
        String roll = InventoryFixtures.lot(tenant, item, 12.6).getString("rolls[0].id");
        Api.as(tenant.adminKey()).body(Map.of("roll_id", roll, "meters", -2.5, "reason", "cut sample"))
                .post("/v1/inventory/corrections").then().statusCode(201);

        Api.as(tenant.adminKey()).config(decimals).get("/v1/audit-events?entity_id=" + roll + "&action=roll.corrected").then()
                .statusCode(200)
                .body("data[0].before.meters", equalTo(new BigDecimal("12.60")))
                .body("data[0].after.meters", equalTo(new BigDecimal("10.10")))
                .body("data[0].after.reserved_meters", equalTo(new BigDecimal("0.00")));
        Api.as(tenant.adminKey()).config(decimals).get("/v1/outbox-events?type=inventory.corrected&aggregate_id=" + roll).then()
                .statusCode(200)
                .body("data[0].payload.meters", equalTo(new BigDecimal("10.10")))
                .body("data[0].payload.reserved_meters", equalTo(new BigDecimal("0.00")));
    }

    @Test
    void shouldNeedTheAuditScope() {
        String inventoryOnly = Tenants.keyWithScopes(tenant, "inventory:read", "inventory:write");
        problem(Api.raw(inventoryOnly).get("/v1/audit-events").then(), 403, "insufficient_scope")
                .body("required_scope", equalTo("audit:read"));
        Api.as(Tenants.keyWithScopes(tenant, "audit:read")).get("/v1/audit-events").then().statusCode(200);
    }

    @Test
    void shouldRefuseAnActorLongerThanTheContractAllows() {
        problem(Api.raw(tenant.adminKey()).header("X-Actor", "x".repeat(201))
                .body(InventoryFixtures.itemBody("Q1", "C1", 0)).post("/v1/catalog-items").then(), 400, "invalid_parameter")
                .body("errors[0].field", equalTo("X-Actor"));
        Api.as(tenant.adminKey()).get("/v1/catalog-items").then().body("data.size()", equalTo(0));
    }
}
