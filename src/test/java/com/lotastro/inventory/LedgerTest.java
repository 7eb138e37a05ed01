package com.lotastro.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import com.lotastro.support.Api;
import com.lotastro.support.Db;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LedgerTest {
    @Inject
    DataSource dataSource;

    private Tenant tenant;
    private JsonPath lot;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
        lot = InventoryFixtures.lot(tenant, InventoryFixtures.item(tenant).getString("id"), 30, 20);
    }

    @Test
    void shouldListTheLedgerByRollTypeAndTime() {
        String roll = lot.getString("rolls[0].id");
        Api.as(tenant.adminKey()).body(Map.of("roll_id", roll, "meters", -2, "reason", "cut"))
                .post("/v1/inventory/corrections").then().statusCode(201);

        Api.as(tenant.adminKey()).get("/v1/inventory/transactions?roll_id=" + roll).then().statusCode(200)
                .body("data.size()", equalTo(2))
                .body("data.type", equalTo(java.util.List.of("INCOMING_RECEIPT", "MANUAL_CORRECTION")))
                .body("data.roll_id", everyItem(equalTo(roll)));
        Api.as(tenant.adminKey()).get("/v1/inventory/transactions?type=MANUAL_CORRECTION").then()
                .body("data.size()", equalTo(1));
        Api.as(tenant.adminKey()).get("/v1/inventory/transactions?from=2999-01-01T00:00:00Z").then()
                .body("data.size()", equalTo(0));
        Api.as(tenant.adminKey()).get("/v1/inventory/transactions?to=2999-01-01T00:00:00Z&limit=1").then()
                .body("data.size()", equalTo(1))
                .body("next_cursor", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void shouldRefuseUpdatesAndDeletesOfTheLedgerInTheDatabase() {
        UUID roll = UUID.fromString(lot.getString("rolls[0].id"));
        assertThatThrownBy(() -> Db.update(dataSource, "update inventory_transactions set meters_delta = 1 where roll_id = ?", roll))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> Db.update(dataSource, "delete from inventory_transactions where roll_id = ?", roll))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThat(Db.queryLong(dataSource, "select count(*) from inventory_transactions where roll_id = ?", roll)).isEqualTo(1);
    }

    @Test
    void shouldListEveryRollThatDisagreesWithItsLedger() throws SQLException {
        Api.as(tenant.adminKey()).get("/v1/inventory/consistency").then().statusCode(200)
                .body("healthy", equalTo(true))
                .body("rolls_checked", equalTo(2));

        String tampered = lot.getString("rolls[1].id");
        Db.update(dataSource, "update rolls set meters = meters + 1 where id = ?", UUID.fromString(tampered));

        Api.as(tenant.adminKey()).get("/v1/inventory/consistency").then().statusCode(200)
                .body("healthy", equalTo(false))
                .body("discrepancies.size()", equalTo(1))
                .body("discrepancies[0].roll_id", equalTo(tampered))
                .body("discrepancies[0].roll_meters", equalTo(21.00f))
                .body("discrepancies[0].ledger_meters", equalTo(20.00f));
    }
}
