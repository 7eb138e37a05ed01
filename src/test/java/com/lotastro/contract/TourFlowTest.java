package com.lotastro.contract;

import static com.lotastro.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;

import com.lotastro.support.Api;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's inventory tour, end to end, as a newcomer runs it against an empty organization. */
@QuarkusTest
class TourFlowTest {

    @Test
    void shouldRunTheInventoryTourAsTheReadmeTellsIt() {
        Tenant tenant = Tenants.create();
        String quality = InventoryFixtures.uniqueCode("SATEN");
        String item = Api.as(tenant.adminKey()).header("X-Actor", "alice")
                .body(Map.of("quality_code", quality, "color_code", "NAVY-04", "description", "Cotton satin",
                        "low_stock_threshold_meters", 150))
                .post("/v1/catalog-items").then().statusCode(201).extract().path("id");
        Api.as(tenant.adminKey()).header("X-Actor", "alice").header("If-Match", "\"0\"")
                .body(Map.of("description", "Cotton satin, navy")).patch("/v1/catalog-items/" + item).then()
                .statusCode(200).body("description", equalTo("Cotton satin, navy")).body("version", equalTo(1));
        problem(Api.raw(tenant.adminKey()).header("If-Match", "\"0\"").body(Map.of("active", false))
                .patch("/v1/catalog-items/" + item).then(), 412, "stale_version");
        problem(Api.raw(tenant.adminKey()).body(Map.of("active", false)).patch("/v1/catalog-items/" + item).then(),
                428, "precondition_required");
        Map<String, Object> intake = Map.of("lot_number", InventoryFixtures.uniqueCode("L"), "quality_code", quality,
                "color_code", "NAVY-04", "received_at", "2026-11-21T08:30:00Z",
                "rolls", List.of(Map.of("barcode", InventoryFixtures.uniqueCode("R"), "meters", 52.5),
                        Map.of("barcode", InventoryFixtures.uniqueCode("R"), "meters", 48.25)));
        String lot = Api.as(tenant.adminKey()).header("Idempotency-Key", "intake-tour").body(intake).post("/v1/lots").then()
                .statusCode(201).body("roll_count", equalTo(2)).body("total_meters", equalTo(100.75f)).extract().path("id");
        Api.as(tenant.adminKey()).header("Idempotency-Key", "intake-tour").body(intake).post("/v1/lots").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(lot));

        String roll = Api.as(tenant.adminKey()).get("/v1/rolls?lot_id=" + lot + "&min_free_meters=50").then()
                .body("data.size()", equalTo(1)).extract().path("data[0].id");
        Api.as(tenant.adminKey()).header("X-Actor", "alice")
                .body(Map.of("roll_id", roll, "meters", -2.5, "reason", "Damaged end cut off"))
                .post("/v1/inventory/corrections").then().statusCode(201).body("roll_meters_after", equalTo(50.00f));
        problem(Api.raw(tenant.adminKey()).body(Map.of("roll_id", roll, "meters", -60, "reason", "Too much"))
                .post("/v1/inventory/corrections").then(), 409, "insufficient_roll_meters");

        Api.as(tenant.adminKey()).get("/v1/inventory/availability?quality_code=" + quality).then()
                .body("data[0].catalog_item_id", equalTo(item))
                .body("data[0].on_hand_meters", equalTo(98.25f))
                .body("data[0].low_stock", equalTo(true));
        Api.as(tenant.adminKey()).get("/v1/inventory/transactions?lot_id=" + lot).then()
                .body("data.type", equalTo(List.of("INCOMING_RECEIPT", "INCOMING_RECEIPT", "MANUAL_CORRECTION")));
        Api.as(tenant.adminKey()).get("/v1/inventory/consistency").then().body("healthy", equalTo(true));
        Api.as(tenant.adminKey()).get("/v1/audit-events?entity_id=" + roll).then()
                .body("data[0].actor", equalTo("alice"))
                .body("data[0].reason", equalTo("Damaged end cut off"));
        Api.as(tenant.adminKey()).get("/v1/outbox-events?aggregate_id=" + lot).then()
                .body("data[0].idempotency_key", equalTo("wms:lot:" + lot + ":received:v1"));
    }

    @Test
    void shouldRefuseTextThatCannotBeStoredWithoutA500() {
        Tenant tenant = Tenants.create();
        String item = InventoryFixtures.item(tenant).getString("id");
        problem(Api.raw(tenant.adminKey()).header("If-Match", "\"0\"").body("{\"description\":\"bad\\u0000text\"}")
                .patch("/v1/catalog-items/" + item).then(), 422, "validation_failed");
        Api.as(tenant.adminKey()).get("/v1/catalog-items/" + item).then().body("description", equalTo("Cotton satin"));
        problem(Api.raw(tenant.adminKey()).header("X-Actor", "y".repeat(201)).get("/v1/catalog-items").then(), 400, "invalid_parameter");
    }
}
