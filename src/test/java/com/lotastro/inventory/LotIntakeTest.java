package com.lotastro.inventory;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import com.lotastro.support.Api;
import com.lotastro.support.Concurrently;
import com.lotastro.support.Db;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LotIntakeTest {
    @Inject
    DataSource dataSource;

    private Tenant tenant;
    private JsonPath item;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
        item = InventoryFixtures.item(tenant);
    }

    @Test
    void shouldReceiveALotByCodesWithOneReceiptPerRoll() {
        Map<String, Object> body = InventoryFixtures.lotBody(null, 52.5, 48.25);
        body.remove("catalog_item_id");
        body.put("quality_code", item.getString("quality_code"));
        body.put("color_code", item.getString("color_code"));

        JsonPath lot = Api.as(tenant.adminKey()).body(body).post("/v1/lots").then().statusCode(201)
                .body("catalog_item_id", equalTo(item.getString("id")))
                .body("roll_count", equalTo(2))
                .body("total_meters", equalTo(100.75f))
                .body("rolls.status", everyItem(equalTo("available")))
                .extract().jsonPath();
        String lotId = lot.getString("id");

        Api.as(tenant.adminKey()).get("/v1/inventory/transactions?lot_id=" + lotId).then().statusCode(200)
                .body("data.size()", equalTo(2))
                .body("data.type", everyItem(equalTo("INCOMING_RECEIPT")))
                .body("data.source_id", everyItem(equalTo(lotId)));
        Api.as(tenant.adminKey()).get("/v1/lots/" + lotId).then().statusCode(200)
                .body("rolls.size()", equalTo(2))
                .body("total_meters", equalTo(100.75f));
        Api.as(tenant.adminKey()).get("/v1/outbox-events?type=lot.received&aggregate_id=" + lotId).then()
                .body("data.size()", equalTo(1))
                .body("data[0].idempotency_key", equalTo("wms:lot:" + lotId + ":received:v1"))
                .body("data[0].payload.lot_number", equalTo(body.get("lot_number")))
                .body("data[0].payload.rolls.size()", equalTo(2));
        Api.as(tenant.adminKey()).get("/v1/inventory/consistency").then().body("healthy", equalTo(true));
    }

    @Test
    void shouldCreateNothingWhenOneRollIsBad() {
        String takenBarcode = InventoryFixtures.lot(tenant, item.getString("id"), 10).getString("rolls[0].barcode");
        Map<String, Long> before = Db.counts(dataSource, tenant.organizationId());

        Map<String, Object> body = InventoryFixtures.lotBody(item.getString("id"), 20, 30);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rolls = (List<Map<String, Object>>) body.get("rolls");
        rolls.add(Map.of("barcode", takenBarcode, "meters", 40));
        problem(Api.raw(tenant.adminKey()).body(body).post("/v1/lots").then(), 409, "duplicate_barcode")
                .body("errors[0].field", equalTo("rolls[2].barcode"));

        rolls.set(2, Map.of("barcode", "NEW-" + UUID.randomUUID(), "meters", 0));
        problem(Api.raw(tenant.adminKey()).body(body).post("/v1/lots").then(), 422, "validation_failed")
                .body("errors[0].field", equalTo("rolls[2].meters"));

        rolls.set(2, Map.of("barcode", "NEW-" + UUID.randomUUID(), "meters", 10.001));
        problem(Api.raw(tenant.adminKey()).body(body).post("/v1/lots").then(), 422, "validation_failed")
                .body("errors[0].field", equalTo("rolls[2].meters"));

        rolls.set(2, new HashMap<>(rolls.get(0)));
        problem(Api.raw(tenant.adminKey()).body(body).post("/v1/lots").then(), 422, "validation_failed")
                .body("errors[0].field", equalTo("rolls[2].barcode"));

        assertThat(Db.counts(dataSource, tenant.organizationId())).isEqualTo(before);
    }

    @Test
    void shouldRefuseUnknownOrAmbiguousCatalogItems() {
        Map<String, Long> before = Db.counts(dataSource, tenant.organizationId());
        problem(Api.raw(tenant.adminKey()).body(InventoryFixtures.lotBody(UUID.randomUUID().toString(), 10)).post("/v1/lots").then(),
                422, "unknown_catalog_item").body("errors[0].field", equalTo("catalog_item_id"));

        Map<String, Object> both = InventoryFixtures.lotBody(item.getString("id"), 10);
        both.put("quality_code", item.getString("quality_code"));
        problem(Api.raw(tenant.adminKey()).body(both).post("/v1/lots").then(), 422, "validation_failed");

        Map<String, Object> neither = InventoryFixtures.lotBody(null, 10);
        neither.remove("catalog_item_id");
        problem(Api.raw(tenant.adminKey()).body(neither).post("/v1/lots").then(), 422, "validation_failed");

        Map<String, Object> noRolls = InventoryFixtures.lotBody(item.getString("id"));
        problem(Api.raw(tenant.adminKey()).body(noRolls).post("/v1/lots").then(), 422, "validation_failed")
                .body("errors[0].field", equalTo("rolls"));

        Map<String, Object> badDate = InventoryFixtures.lotBody(item.getString("id"), 10);
        badDate.put("received_at", "yesterday");
        problem(Api.raw(tenant.adminKey()).body(badDate).post("/v1/lots").then(), 422, "validation_failed")
                .body("errors[0].field", equalTo("received_at"));
        assertThat(Db.counts(dataSource, tenant.organizationId())).isEqualTo(before);
    }

    @Test
    void shouldRefuseADuplicateLotNumber() {
        Map<String, Object> body = InventoryFixtures.lotBody(item.getString("id"), 10);
        Api.as(tenant.adminKey()).body(body).post("/v1/lots").then().statusCode(201);
        Map<String, Object> again = InventoryFixtures.lotBody(item.getString("id"), 10);
        again.put("lot_number", body.get("lot_number"));
        problem(Api.raw(tenant.adminKey()).body(again).post("/v1/lots").then(), 409, "duplicate_lot_number");
    }

    @Test
    void shouldCreateExactlyOneLotFromTenParallelIntakesOfTheSameLotNumber() throws Exception {
        String lotNumber = InventoryFixtures.uniqueCode("RACE");
        List<Integer> statuses = Concurrently.run(10, i -> {
            Map<String, Object> body = InventoryFixtures.lotBody(item.getString("id"), 10 + i);
            body.put("lot_number", lotNumber);
            return Api.raw(tenant.adminKey()).body(body).post("/v1/lots").then().extract().statusCode();
        });

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(9);
        Api.as(tenant.adminKey()).get("/v1/lots?lot_number=" + lotNumber).then().body("data.size()", equalTo(1));
        assertThat(Db.queryLong(dataSource, "select count(*) from rolls where organization_id = ?", tenant.organizationId()))
                .isEqualTo(1);
    }

    @Test
    void shouldReplayAnIdempotentIntakeAndRefuseTheKeyWithAnotherBody() {
        Map<String, Object> body = InventoryFixtures.lotBody(item.getString("id"), 25);
        String key = UUID.randomUUID().toString();
        Response first = Api.as(tenant.adminKey()).header("Idempotency-Key", key).body(body).post("/v1/lots");
        first.then().statusCode(201);
        Response replay = Api.as(tenant.adminKey()).header("Idempotency-Key", key).body(body).post("/v1/lots");
        replay.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(replay.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));

        Map<String, Object> changed = InventoryFixtures.lotBody(item.getString("id"), 26);
        problem(Api.raw(tenant.adminKey()).header("Idempotency-Key", key).body(changed).post("/v1/lots").then(),
                422, "idempotency_key_reused");
        assertThat(Db.queryLong(dataSource, "select count(*) from lots where organization_id = ?", tenant.organizationId()))
                .isEqualTo(1);
    }

    @Test
    void shouldProcessAnIdempotencyKeyOnceWhenItArrivesConcurrently() throws Exception {
        Map<String, Object> body = InventoryFixtures.lotBody(item.getString("id"), 25);
        String key = UUID.randomUUID().toString();
        List<Response> responses = Concurrently.run(8, i ->
                Api.raw(tenant.adminKey()).header("Idempotency-Key", key).body(body).post("/v1/lots"));

        // The duplicates wait for the first and replay its answer.
        assertThat(responses).extracting(Response::statusCode).containsOnly(201);
        assertThat(responses.stream().map(r -> r.jsonPath().getString("id")).distinct()).hasSize(1);
        assertThat(responses).filteredOn(r -> "true".equals(r.header("Idempotent-Replayed"))).hasSize(7);
        assertThat(Db.queryLong(dataSource, "select count(*) from lots where organization_id = ?", tenant.organizationId()))
                .isEqualTo(1);
    }

    @Test
    void shouldFilterRollsAndComputeStatus() {
        String lotId = InventoryFixtures.lot(tenant, item.getString("id"), 5, 50).getString("id");
        Api.as(tenant.adminKey()).get("/v1/rolls?lot_id=" + lotId + "&min_free_meters=10").then().statusCode(200)
                .body("data.size()", equalTo(1))
                .body("data[0].meters", equalTo(50.00f));
        String small = Api.as(tenant.adminKey()).get("/v1/rolls?lot_id=" + lotId + "&status=available").then()
                .body("data.size()", equalTo(2)).extract().path("data.find { it.meters == 5.0 }.id");
        Api.as(tenant.adminKey()).body(Map.of("roll_id", small, "meters", -5, "reason", "Used as sample"))
                .post("/v1/inventory/corrections").then().statusCode(201);
        Api.as(tenant.adminKey()).get("/v1/rolls?lot_id=" + lotId + "&status=depleted").then()
                .body("data.id", equalTo(List.of(small)));
        Api.as(tenant.adminKey()).get("/v1/rolls/" + small).then().body("status", equalTo("depleted"))
                .body("free_meters", equalTo(0.00f));
        Api.as(tenant.adminKey()).get("/v1/rolls?quality_code=" + item.getString("quality_code")).then()
                .body("data.size()", equalTo(2));
        problem(Api.raw(tenant.adminKey()).get("/v1/rolls?min_free_meters=1.234").then(), 400, "invalid_parameter");
        problem(Api.raw(tenant.adminKey()).get("/v1/rolls?status=lost").then(), 400, "invalid_parameter");
    }
}
