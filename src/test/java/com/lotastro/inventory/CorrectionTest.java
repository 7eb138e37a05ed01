package com.lotastro.inventory;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.lotastro.support.Api;
import com.lotastro.support.Concurrently;
import com.lotastro.support.Db;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CorrectionTest {
    @Inject
    DataSource dataSource;

    private Tenant tenant;
    private String itemId;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
        itemId = InventoryFixtures.item(tenant).getString("id");
    }

    private String rollOf(Number meters) {
        return InventoryFixtures.lot(tenant, itemId, meters).getString("rolls[0].id");
    }

    private io.restassured.response.ValidatableResponse correct(String rollId, Object meters, String reason) {
        return Api.raw(tenant.adminKey()).header("X-Actor", "counter-3")
                .body(Map.of("roll_id", rollId, "meters", meters, "reason", reason))
                .post("/v1/inventory/corrections").then();
    }

    @Test
    void shouldCorrectARollThroughTheLedger() {
        String roll = rollOf(50);
        correct(roll, -1.5, "Damaged end cut off").statusCode(201)
                .body("type", equalTo("MANUAL_CORRECTION"))
                .body("meters", equalTo(-1.50f))
                .body("roll_meters_after", equalTo(48.50f))
                .body("reason", equalTo("Damaged end cut off"))
                .body("actor", equalTo("counter-3"));
        correct(roll, 0.25, "Remeasured").statusCode(201).body("roll_meters_after", equalTo(48.75f));

        Api.as(tenant.adminKey()).get("/v1/rolls/" + roll).then().body("meters", equalTo(48.75f));
        Api.as(tenant.adminKey()).get("/v1/audit-events?entity_type=roll&entity_id=" + roll).then()
                .body("data.size()", equalTo(2))
                .body("data[0].before.meters", equalTo(50.00f))
                .body("data[0].after.meters", equalTo(48.50f))
                .body("data[0].reason", equalTo("Damaged end cut off"));
        Api.as(tenant.adminKey()).get("/v1/inventory/consistency").then().body("healthy", equalTo(true));
    }

    @Test
    void shouldNeverTakeARollBelowZeroAndChangeNothingWhenRefused() {
        String roll = rollOf(10);
        Map<String, Long> before = Db.counts(dataSource, tenant.organizationId());

        problem(correct(roll, -10.01, "Too much"), 409, "insufficient_roll_meters");
        problem(correct(roll, 0, "Nothing"), 422, "validation_failed").body("errors[0].field", equalTo("meters"));
        problem(correct(roll, -1.001, "Too precise"), 422, "validation_failed").body("errors[0].field", equalTo("meters"));
        problem(correct(roll, -1, " "), 422, "validation_failed").body("errors[0].field", equalTo("reason"));
        problem(Api.raw(tenant.adminKey()).body(Map.of("roll_id", roll, "meters", -1)).post("/v1/inventory/corrections").then(),
                422, "validation_failed").body("errors[0].field", equalTo("reason"));
        problem(correct(UUID.randomUUID().toString(), -1, "Ghost roll"), 404, "not_found");

        assertThat(Db.counts(dataSource, tenant.organizationId())).isEqualTo(before);
        Api.as(tenant.adminKey()).get("/v1/rolls/" + roll).then().body("meters", equalTo(10.00f));
    }

    @Test
    void shouldKeepLedgerAndRollEqualUnderTwentyParallelCorrections() throws Exception {
        String roll = rollOf(50);
        List<Integer> statuses = Concurrently.run(20, i -> correct(roll, -4.99, "Parallel count " + i).extract().statusCode());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(10);
        Api.as(tenant.adminKey()).get("/v1/rolls/" + roll).then().body("meters", equalTo(0.10f));
        BigDecimal ledger = Db.queryDecimal(dataSource,
                "select coalesce(sum(meters_delta), 0) from inventory_transactions where roll_id = ?", UUID.fromString(roll));
        BigDecimal rollMeters = Db.queryDecimal(dataSource, "select meters from rolls where id = ?", UUID.fromString(roll));
        assertThat(ledger).isEqualTo(new BigDecimal("0.10")).isEqualTo(rollMeters);
        Api.as(tenant.adminKey()).get("/v1/inventory/consistency").then()
                .body("healthy", equalTo(true))
                .body("discrepancies.size()", equalTo(0));
    }

    @Test
    void shouldAnnounceLowStockOncePerCrossing() {
        String item = InventoryFixtures.item(tenant, 100).getString("id");
        String roll = InventoryFixtures.lot(tenant, item, 120).getString("rolls[0].id");

        correct(roll, -10, "count").statusCode(201);   // 110: still above
        correct(roll, -20, "count").statusCode(201);   // 90: crosses down
        correct(roll, -5, "count").statusCode(201);    // 85: already low
        correct(roll, 30, "found").statusCode(201);    // 115: back above
        correct(roll, -20, "count").statusCode(201);   // 95: crosses down again

        Api.as(tenant.adminKey()).get("/v1/outbox-events?type=inventory.low_stock&aggregate_id=" + item).then()
                .body("data.size()", equalTo(2))
                .body("data[0].payload.available_meters", equalTo(90.00f))
                .body("data[1].payload.available_meters", equalTo(95.00f));
        Api.as(tenant.adminKey()).get("/v1/inventory/availability?quality_code="
                        + Api.as(tenant.adminKey()).get("/v1/catalog-items/" + item).then().extract().path("quality_code"))
                .then().body("data[0].low_stock", equalTo(true));
    }
}
