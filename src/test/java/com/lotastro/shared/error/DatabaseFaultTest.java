package com.lotastro.shared.error;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.lotastro.support.Api;
import com.lotastro.support.Concurrently;
import com.lotastro.support.DatabaseFaults;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database failing under the API: lost connections and an exhausted pool are 503s with Retry-After in the one
 * problem shape (never a 500, never another body), and the pool heals itself without traffic having to flush it.
 */
@QuarkusTest
class DatabaseFaultTest {
    private static final int CALLERS = 24;
    private static final int CALLS_EACH = 6;
    /** Longer than quarkus.datasource.jdbc.foreground-validation-interval (1 s). */
    private static final Duration IDLE_PAST_VALIDATION_INTERVAL = Duration.ofMillis(1500);

    @Inject
    DataSource dataSource;

    private Tenant tenant;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
        InventoryFixtures.lot(tenant, InventoryFixtures.item(tenant).getString("id"), 10);
    }

    @Test
    void shouldAnswerKilledConnectionsWithRetryableProblemsNeverA500() throws Exception {
        List<List<Response>> answers = Concurrently.run(CALLERS, caller -> {
            List<Response> mine = new ArrayList<>();
            for (int call = 0; call < CALLS_EACH; call++) {
                if (caller % 6 == 0) {
                    DatabaseFaults.killConnections(dataSource);
                } else {
                    mine.add(Api.raw(tenant.adminKey()).get("/v1/lots"));
                }
            }
            return mine;
        });
        DatabaseFaults.dropDeadConnections(dataSource);

        for (Response answer : answers.stream().flatMap(List::stream).toList()) {
            assertThat(answer.statusCode()).as(answer.asString()).isIn(200, 503);
            if (answer.statusCode() == 503) {
                problem(answer.then(), 503, answer.path("code"))
                        .header("Retry-After", notNullValue());
                assertThat((String) answer.path("code")).isIn("database_unavailable", "server_busy");
            }
        }
    }

    @Test
    void shouldHealThePoolByItselfAfterTheDatabaseDroppedEveryConnection() {
        Api.as(tenant.adminKey()).get("/v1/lots").then().statusCode(200);
        assertThat(DatabaseFaults.killConnections(dataSource)).isPositive();
        // The pool is left idle a moment, as between bursts; then no request is sacrificed to find the dead
        // connections: each that idled past the foreground-validation interval is checked before it is handed out.
        Awaitility.await().pollDelay(IDLE_PAST_VALIDATION_INTERVAL).atMost(IDLE_PAST_VALIDATION_INTERVAL.plusSeconds(1))
                .until(() -> true);
        for (int i = 0; i < 12; i++) {
            Api.as(tenant.adminKey()).get("/v1/lots").then().statusCode(200);
        }
        RestAssured.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldAnswerServerBusyWhenNoConnectionIsFree() {
        List<Connection> held = DatabaseFaults.exhaust(dataSource, 200);
        try {
            problem(Api.raw(tenant.adminKey()).get("/v1/lots").then(), 503, "server_busy")
                    .header("Retry-After", notNullValue());
        } finally {
            DatabaseFaults.release(held);
        }
        Api.as(tenant.adminKey()).get("/v1/lots").then().statusCode(200);
    }
}
