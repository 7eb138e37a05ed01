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
        RoundTrips.start();
        Api.as(tenant.adminKey()).body(ReservationFixtures.body(item, 12.5)).post("/v1/reservations")
                .then().statusCode(201);
        List<RoundTrips.Exchange> exchanges = RoundTrips.stop();

        exchanges.forEach(e -> System.out.println("round trip: " + e.sql()));
        assertThat(exchanges.stream().filter(e -> e.sql().equals("COMMIT"))).hasSize(1);
        assertThat(exchanges).hasSizeLessThanOrEqualTo(8);
    }
}
