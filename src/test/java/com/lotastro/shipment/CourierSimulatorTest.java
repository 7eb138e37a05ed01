package com.lotastro.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.lotastro.support.Api;
import com.lotastro.support.CustomerFixtures;
import com.lotastro.support.OrderFixtures;
import com.lotastro.support.ShipmentFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** tools/courier-simulator.sh plays a parcel's tracking against the API, signed so the API applies every event. */
@QuarkusTest
class CourierSimulatorTest {
    @TestHTTPResource("/")
    URL base;

    private record Run(int exitCode, List<String> lines) {
    }

    private Run simulate(String key, String secret, String trackingNumber, String... extra) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "tools/courier-simulator.sh",
                "--api", base.toString().replaceAll("/$", ""), "--key", key, "--courier", "hizli", "--secret", secret,
                "--tracking", trackingNumber, "--delay", "0"));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the simulator finishes").isTrue();
        return new Run(process.exitValue(), out.lines().toList());
    }

    @Test
    void shouldPlayARealisticTrackingSequenceThatTheApiApplies() throws Exception {
        Tenant tenant = Tenants.create();
        JsonPath order = ShipmentFixtures.fulfilledOrder(tenant, 20);
        String secret = Api.as(tenant.adminKey()).body(Map.of("code", "hizli", "name", "Hızlı Kargo",
                        "tracking_url_template", "https://track.hizli.example/{tracking_number}", "sends_events", true))
                .post("/v1/couriers").then().statusCode(201).extract().path("signing_secret");
        String id = Api.as(tenant.adminKey()).body(Map.of("address", CustomerFixtures.address("Liman Yolu 9", "Mersin")))
                .post("/v1/orders/" + order.getString("id") + "/shipments").then().statusCode(201).extract().path("id");
        Api.as(tenant.adminKey()).body(ShipmentFixtures.ready("hizli", "HZ-SIM-1")).post("/v1/shipments/" + id + "/ready")
                .then().statusCode(200);
        String key = Tenants.keyWithScopes(tenant, "integration:courier");

        Run first = simulate(key, secret, "HZ-SIM-1", "--until", "out_for_delivery");
        assertThat(first.exitCode()).as(String.join("\n", first.lines())).isZero();
        assertThat(first.lines()).hasSize(4).allMatch(line -> line.contains(" 200 ") && line.contains("\"outcome\":\"applied\""));
        Api.as(tenant.adminKey()).get("/v1/shipments/" + id).then().body("status", equalTo("in_transit"))
                .body("carrier_status", equalTo("out_for_delivery"));
        assertThat(OrderFixtures.order(tenant, order.getString("id")).getString("status")).isEqualTo("shipped");

        // The whole sequence: the first four again are replays (same ids, first outcomes), the delivery is new.
        Run all = simulate(key, secret, "HZ-SIM-1");
        assertThat(all.exitCode()).as(String.join("\n", all.lines())).isZero();
        assertThat(all.lines()).hasSize(5).allMatch(line -> line.contains("\"outcome\":\"applied\""));
        Api.as(tenant.adminKey()).get("/v1/shipments/" + id).then().statusCode(200)
                .body("status", equalTo("delivered"))
                .body("carrier_status", equalTo("delivered"))
                .body("courier_events.event_id", contains("sim-HZ-SIM-1-1", "sim-HZ-SIM-1-2", "sim-HZ-SIM-1-3", "sim-HZ-SIM-1-4",
                        "sim-HZ-SIM-1-5"))
                .body("courier_events.status", contains("picked_up", "in_transit", "in_transit", "out_for_delivery", "delivered"))
                .body("courier_events[2].detail", equalTo("At Ankara transfer hub"));
        assertThat(OrderFixtures.order(tenant, order.getString("id")).getString("status")).isEqualTo("delivered");

        // A wrong secret is refused by the API, and the simulator says so with its exit code.
        Run forged = simulate(key, "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]), "HZ-SIM-1", "--until",
                "picked_up");
        assertThat(forged.exitCode()).isEqualTo(1);
        assertThat(forged.lines()).singleElement().satisfies(line -> assertThat(line).contains(" 401 ").contains("invalid_signature"));
    }
}
