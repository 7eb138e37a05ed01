package com.lotastro.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import com.lotastro.support.Api;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.ReservationFixtures;
import com.lotastro.support.RoundTrips;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What one reservation costs the database, counted at the JDBC driver (every statement, batch, commit and rollback
 * the API's threads send; see {@link RoundTrips}). The count is deterministic, so a regression shows here first.
 */
@QuarkusTest
class ReservationRoundTripsTest {
    private Tenant tenant;
    private JsonPath item;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
        item = InventoryFixtures.item(tenant);
        InventoryFixtures.lot(tenant, item.getString("id"), 500, 500);
        // The first request of a key pays for the key's look-up; the count is of a request like every later one.
        ReservationFixtures.create(tenant, item, 10);
    }

    @Test
    void shouldReserveInOneTransactionOfAtMostEightRoundTrips() {
        Api.as(tenant.adminKey()).get("/v1/catalog-items?limit=1").then().statusCode(200);
        RoundTrips.start();
        String created = Api.as(tenant.adminKey()).body(ReservationFixtures.body(item, 12.5)).post("/v1/reservations")
                .then().statusCode(201).extract().asString();
        List<RoundTrips.Exchange> exchanges = withoutPoolValidation(RoundTrips.stop());

        exchanges.forEach(e -> System.out.println("round trip: " + e.sql()));
        assertThat(exchanges).extracting(RoundTrips.Exchange::sql)
                .as("the key was looked up a moment ago (cache); the rest is one transaction, nothing re-read or rewritten")
                .noneMatch(sql -> sql.contains("from api_keys"))
                .noneMatch(sql -> sql.startsWith("update audit_events") || sql.startsWith("update outbox_events"))
                .filteredOn("COMMIT"::equals).hasSize(1);
        assertThat(exchanges).extracting(RoundTrips.Exchange::sql)
                .as("the deal check is the only read of reservations, in the same statement as the item's counters")
                .filteredOn(sql -> sql.startsWith("select") && sql.contains("from reservations")).hasSize(1)
                .allMatch(sql -> sql.contains("stock_positions"));
        // Item lock, counters with the deal check, four inserts, the commitment record, the commit.
        assertThat(exchanges).hasSizeLessThanOrEqualTo(8);
        // Built from what the transaction held, the answer is exactly what a read after the commit shows.
        String id = JsonPath.from(created).getString("id");
        assertThat(Api.as(tenant.adminKey()).get("/v1/reservations/" + id).then().statusCode(200).extract().asString())
                .isEqualTo(created);
    }

    @Test
    void shouldLookTheKeyUpOnceAndTheChangeInOneTransactionWithAnIdempotencyKey() {
        RoundTrips.start();
        Api.as(tenant.adminKey()).header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(ReservationFixtures.body(item, 7)).post("/v1/reservations").then().statusCode(201);
        List<RoundTrips.Exchange> exchanges = withoutPoolValidation(RoundTrips.stop());

        exchanges.forEach(e -> System.out.println("keyed round trip: " + e.sql()));
        assertThat(exchanges).extracting(RoundTrips.Exchange::sql).filteredOn("COMMIT"::equals).hasSize(1);
        assertThat(exchanges).hasSizeLessThanOrEqualTo(12);
    }

    /**
     * The pool checks a connection that idled past its foreground-validation interval (one {@code SELECT 1}) before
     * handing it out; under load no connection idles that long, so the check is not part of a reservation's cost.
     * Counted apart: at most one, and nothing else is left out.
     */
    private static List<RoundTrips.Exchange> withoutPoolValidation(List<RoundTrips.Exchange> exchanges) {
        assertThat(exchanges).filteredOn(e -> "SELECT 1".equals(e.sql())).hasSizeLessThanOrEqualTo(1);
        return exchanges.stream().filter(e -> !"SELECT 1".equals(e.sql())).toList();
    }
}
