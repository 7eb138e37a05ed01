package com.lotastro.integration;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.lotastro.support.Api;
import com.lotastro.support.Concurrently;
import com.lotastro.support.CrmEvents;
import com.lotastro.support.Db;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CrmEventsTest {
    @Inject
    DataSource dataSource;

    private Tenant tenant;
    private String crmKey;
    private String secret;
    private JsonPath item;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
        crmKey = Tenants.keyWithScopes(tenant, "integration:crm");
        secret = CrmEvents.connect(tenant, "http://127.0.0.1:9/crm");
        item = InventoryFixtures.item(tenant);
    }

    private long inboundEvents() {
        return Db.queryLong(dataSource, "select count(*) from inbound_events where organization_id = ?", tenant.organizationId());
    }

    private String dealWon(UUID deal, String meters) {
        return CrmEvents.envelope("deal.won", CrmEvents.dealWon(deal,
                List.of(CrmEvents.line(UUID.randomUUID(), item.getString("quality_code"), item.getString("color_code"), meters)),
                "unknown"));
    }

    @Test
    void shouldAcceptOnlyProperlySignedEvents() {
        InventoryFixtures.lot(tenant, item.getString("id"), 100);
        String body = dealWon(UUID.randomUUID(), "10");
        String id = CrmEvents.idOf(body);
        long now = Instant.now().getEpochSecond();

        String tampered = body.replace("\"meters\":10", "\"meters\":90");
        problem(CrmEvents.sendSigned(crmKey, id, now, CrmEvents.signature(secret, id, now, body), tampered).then(), 401, "invalid_signature");
        problem(CrmEvents.sendSigned(crmKey, id, now, CrmEvents.signature("whsec_" + "A".repeat(44), id, now, body), body).then(),
                401, "invalid_signature");
        problem(Api.raw(crmKey).body(body).post("/v1/integration/crm/events").then(), 401, "invalid_signature");
        long old = now - 360;
        problem(CrmEvents.sendSigned(crmKey, id, old, CrmEvents.signature(secret, id, old, body), body).then(), 401, "invalid_signature");
        long ahead = now + 360;
        problem(CrmEvents.sendSigned(crmKey, id, ahead, CrmEvents.signature(secret, id, ahead, body), body).then(), 401, "invalid_signature");
        problem(CrmEvents.sendSigned(tenant.adminKey().substring(0, 10), id, now, CrmEvents.signature(secret, id, now, body), body).then(),
                401, "unauthenticated");
        assertThat(inboundEvents()).isZero();
        Api.as(tenant.adminKey()).get("/v1/reservations").then().body("data.size()", equalTo(0));

        String several = "v1,bm90IGEgc2lnbmF0dXJl " + CrmEvents.signature(secret, id, now, body);
        CrmEvents.sendSigned(crmKey, id, now, several, body).then().statusCode(200).body("outcome", equalTo("applied"));
        assertThat(inboundEvents()).isEqualTo(1);
    }

    @Test
    void shouldAcceptThePreviousSecretOnlyDuringTheOverlap() throws SQLException {
        String rotated = Api.as(tenant.adminKey()).body(Map.of("base_url", "http://127.0.0.1:9/crm", "rotate_webhook_secret", true))
                .put("/v1/integration/crm/connection").then().statusCode(200).extract().path("webhook_secret");
        assertThat(rotated).isNotEqualTo(secret);

        CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.lost", "{\"crm_deal_id\":\"" + UUID.randomUUID() + "\"}"))
                .then().statusCode(200);
        CrmEvents.send(crmKey, rotated, CrmEvents.envelope("deal.lost", "{\"crm_deal_id\":\"" + UUID.randomUUID() + "\"}"))
                .then().statusCode(200);

        Db.update(dataSource, "update crm_connections set previous_secret_valid_until = now() - interval '1 minute' where organization_id = ?",
                tenant.organizationId());
        problem(CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.lost", "{\"crm_deal_id\":\"" + UUID.randomUUID() + "\"}"))
                .then(), 401, "invalid_signature");
        Api.as(tenant.adminKey()).get("/v1/integration/crm/connection").then()
                .body("has_api_key", equalTo(true))
                .body("webhook_secret", equalTo(null));
    }

    @Test
    void shouldApplyTheSameDealWonOnceEvenWhenSentTenTimesAtOnce() throws Exception {
        InventoryFixtures.lot(tenant, item.getString("id"), 100);
        UUID deal = UUID.randomUUID();
        String body = dealWon(deal, "30");
        List<Response> responses = Concurrently.run(10, i -> CrmEvents.send(crmKey, secret, body));

        assertThat(responses).extracting(Response::statusCode).containsOnly(200);
        assertThat(responses.stream().map(r -> r.jsonPath().getString("reservation_ids[0]")).distinct()).hasSize(1);
        Api.as(tenant.adminKey()).get("/v1/reservations?crm_deal_id=" + deal).then().body("data.size()", equalTo(1));

        String again = CrmEvents.send(crmKey, secret, body).then().statusCode(200).extract().asString();
        assertThat(again).isEqualTo(responses.get(0).asString());
        Api.as(tenant.adminKey()).get("/v1/integration/inbound-events?type=deal.won").then()
                .body("data.size()", equalTo(1))
                .body("data[0].outcome", equalTo("applied"))
                .body("data[0].attempts", equalTo(1));
    }

    @Test
    void shouldRecordRejectionsAndReprocessThemLater() {
        String body = dealWon(UUID.randomUUID(), "40");
        problem(CrmEvents.send(crmKey, secret, body).then(), 422, "insufficient_stock")
                .body("lines[0].requested_meters", equalTo(40.00f));
        problem(CrmEvents.send(crmKey, secret, body).then(), 422, "insufficient_stock");
        JsonPath listed = Api.as(tenant.adminKey()).get("/v1/integration/inbound-events?outcome=rejected").then()
                .body("data.size()", equalTo(1))
                .body("data[0].error_code", equalTo("insufficient_stock"))
                .extract().jsonPath();

        InventoryFixtures.lot(tenant, item.getString("id"), 50);
        Api.as(tenant.adminKey()).post("/v1/integration/inbound-events/" + listed.getString("data[0].id") + "/reprocess").then()
                .statusCode(200)
                .body("outcome", equalTo("applied"))
                .body("attempts", equalTo(2));
        Api.as(tenant.adminKey()).get("/v1/reservations").then().body("data.size()", equalTo(1));
        problem(Api.raw(tenant.adminKey()).post("/v1/integration/inbound-events/" + listed.getString("data[0].id") + "/reprocess")
                .then(), 409, "invalid_transition");

        problem(CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.archived", "{}")).then(), 422, "unknown_event_type");
        problem(CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.won", "{\"crm_deal_id\":\"nope\"}")).then(),
                422, "validation_failed");
        Api.as(tenant.adminKey()).get("/v1/integration/inbound-events?type=deal.archived").then()
                .body("data[0].outcome", equalTo("rejected"))
                .body("data[0].error_code", equalTo("unknown_event_type"));
    }

    @Test
    void shouldKeepTheNewestCustomerWhenUpdatesArriveOutOfOrder() {
        UUID customer = UUID.randomUUID();
        String newer = CrmEvents.envelope("evt_" + UUID.randomUUID(), "customer.updated", "2026-11-21T10:00:00Z",
                "{\"crm_customer_id\":\"" + customer + "\",\"company_name\":\"Bursa Perde A.Ş.\",\"unique_code\":\"BRS-001\",\"city\":\"Bursa\"}");
        String older = CrmEvents.envelope("evt_" + UUID.randomUUID(), "customer.created", "2026-11-21T09:00:00Z",
                "{\"crm_customer_id\":\"" + customer + "\",\"company_name\":\"Bursa Perde\",\"unique_code\":\"BRS-001\"}");
        CrmEvents.send(crmKey, secret, newer).then().statusCode(200).body("outcome", equalTo("applied"));
        CrmEvents.send(crmKey, secret, older).then().statusCode(200).body("outcome", equalTo("ignored"));

        String customersKey = Tenants.keyWithScopes(tenant, "customers:read");
        Api.as(customersKey).get("/v1/crm-customers/" + customer).then().statusCode(200)
                .body("company_name", equalTo("Bursa Perde A.Ş."))
                .body("city", equalTo("Bursa"))
                .body("stale", equalTo(false));
        Api.as(customersKey).get("/v1/crm-customers?search=perde").then().body("data.size()", equalTo(1));
        Api.as(customersKey).get("/v1/crm-customers?stale=true").then().body("data.size()", equalTo(0));

        String versioned = CrmEvents.envelope("evt_" + UUID.randomUUID(), "customer.updated", "2026-11-21T12:00:00Z",
                "{\"crm_customer_id\":\"" + customer + "\",\"company_name\":\"Bursa Perde Tekstil\",\"version\":8}");
        CrmEvents.send(crmKey, secret, versioned).then().statusCode(200).body("outcome", equalTo("applied"));
        String staleVersion = CrmEvents.envelope("evt_" + UUID.randomUUID(), "customer.updated", "2026-11-21T13:00:00Z",
                "{\"crm_customer_id\":\"" + customer + "\",\"company_name\":\"Old name\",\"version\":7}");
        CrmEvents.send(crmKey, secret, staleVersion).then().statusCode(200).body("outcome", equalTo("ignored"));
        Api.as(customersKey).get("/v1/crm-customers/" + customer).then().body("company_name", equalTo("Bursa Perde Tekstil"));
    }

    @Test
    void shouldSearchCustomersForWildcardCharactersAsTyped() {
        Map<String, String> companies = new LinkedHashMap<>();
        companies.put("100% Cotton Ltd", "PCT-1");
        companies.put("1000 Threads Ltd", "THR-1");
        companies.put("Back_Stage Tekstil", "BCK-1");
        companies.put("BackXStage Tekstil", "BCK-2");
        companies.put("Wow! Perde", "WOW-1");
        companies.put("Slash\\Line Ltd", "SLS-1");
        companies.forEach((name, code) -> CrmEvents.send(crmKey, secret, CrmEvents.envelope("customer.created",
                "{\"crm_customer_id\":\"" + UUID.randomUUID() + "\",\"company_name\":\"" + name.replace("\\", "\\\\") + "\",\"unique_code\":\"" + code + "\"}"))
                .then().statusCode(200).body("outcome", equalTo("applied")));

        String customersKey = Tenants.keyWithScopes(tenant, "customers:read");
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("%", List.of("100% Cotton Ltd"));
        expected.put("0%", List.of("100% Cotton Ltd"));
        expected.put("_", List.of("Back_Stage Tekstil"));
        expected.put("K_S", List.of("Back_Stage Tekstil"));
        expected.put("!", List.of("Wow! Perde"));
        expected.put("\\", List.of("Slash\\Line Ltd"));
        expected.put("backxstage", List.of("BackXStage Tekstil"));
        expected.put("100", List.of("100% Cotton Ltd", "1000 Threads Ltd"));
        expected.forEach((search, names) -> Api.as(customersKey).queryParam("search", search).get("/v1/crm-customers").then()
                .statusCode(200)
                .body("data.company_name", equalTo(names)));
    }

    @Test
    void shouldFollowDealLinesUpAndDownAndReturnEveryMeterWhenTheDealIsLost() {
        JsonPath lot = InventoryFixtures.lot(tenant, item.getString("id"), 40, 40);
        UUID deal = UUID.randomUUID();
        UUID line = UUID.randomUUID();
        String quality = item.getString("quality_code");
        String color = item.getString("color_code");
        String reservation = CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.won",
                        CrmEvents.dealWon(deal, List.of(CrmEvents.line(line, quality, color, "50")), "unknown")))
                .then().statusCode(200).extract().path("reservation_ids[0]");
        Api.as(tenant.adminKey()).post("/v1/reservations/" + reservation + "/auto-allocate").then().statusCode(201);

        String up = "{\"crm_deal_id\":\"" + deal + "\",\"lines\":[" + CrmEvents.line(line, quality, color, "70") + "]}";
        CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.lines_updated", up)).then().statusCode(200);
        Api.as(tenant.adminKey()).get("/v1/reservations/" + reservation).then()
                .body("lines[0].meters", equalTo(70.00f))
                .body("lines[0].allocated_meters", equalTo(50.00f))
                .body("allocation_state", equalTo("partially_allocated"));
        String tooMuch = "{\"crm_deal_id\":\"" + deal + "\",\"lines\":[" + CrmEvents.line(line, quality, color, "81") + "]}";
        problem(CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.lines_updated", tooMuch)).then(), 422, "insufficient_stock");

        String down = "{\"crm_deal_id\":\"" + deal + "\",\"lines\":[" + CrmEvents.line(line, quality, color, "35") + "]}";
        CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.lines_updated", down)).then().statusCode(200);
        // Auto-allocation took a whole 40 m roll, then 10 m of the other: the newest (10 m) goes back first, then 5 m.
        Api.as(tenant.adminKey()).get("/v1/reservations/" + reservation).then()
                .body("lines[0].meters", equalTo(35.00f))
                .body("lines[0].allocated_meters", equalTo(35.00f))
                .body("lines[0].allocations.meters", equalTo(List.of(35.00f)))
                .body("allocation_state", equalTo("allocated"));
        Api.as(tenant.adminKey()).get("/v1/inventory/transactions?type=RESERVATION_RELEASE&lot_id=" + lot.getString("id")).then()
                // Both releases are rows of one transaction, with one instant: their order in the list is not defined.
                .body("data.reserved_meters", org.hamcrest.Matchers.containsInAnyOrder(-10.00f, -5.00f));
        Api.as(tenant.adminKey()).get("/v1/inventory/consistency").then().body("healthy", equalTo(true));

        CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.lost", "{\"crm_deal_id\":\"" + deal + "\"}")).then().statusCode(200)
                .body("reservation_ids[0]", equalTo(reservation));
        Api.as(tenant.adminKey()).get("/v1/reservations/" + reservation).then()
                .body("status", equalTo("released"))
                .body("release_reason", equalTo("deal_lost"));
        Api.as(tenant.adminKey()).get("/v1/rolls?lot_id=" + lot.getString("id")).then()
                .body("data.reserved_meters", equalTo(List.of(0.00f, 0.00f)));
        Api.as(tenant.adminKey()).get("/v1/inventory/consistency").then().body("healthy", equalTo(true));
    }

    @Test
    void shouldApplyShipSchedulesAndSupplyEventsThroughTheirServices() {
        InventoryFixtures.lot(tenant, item.getString("id"), 20);
        UUID deal = UUID.randomUUID();
        String reservation = CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.won", CrmEvents.dealWon(deal,
                        List.of(CrmEvents.line(UUID.randomUUID(), item.getString("quality_code"), item.getString("color_code"), "5")),
                        "unknown"))).then().statusCode(200).extract().path("reservation_ids[0]");
        CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.ship_schedule_updated",
                "{\"crm_deal_id\":\"" + deal + "\",\"ship_intent\":\"ship_on_date\",\"ship_date\":\"2026-12-24\"}")).then().statusCode(200);
        Api.as(tenant.adminKey()).get("/v1/reservations/" + reservation).then()
                .body("ship_intent", equalTo("ship_on_date")).body("ship_date", equalTo("2026-12-24"));

        UUID crmSupply = UUID.randomUUID();
        CrmEvents.send(crmKey, secret, CrmEvents.envelope("supply_request.created", "{\"crm_supply_request_id\":\"" + crmSupply
                + "\",\"type\":\"import_from_central\",\"quality_code\":\"" + item.getString("quality_code") + "\",\"color_code\":\""
                + item.getString("color_code") + "\",\"meters\":250.5,\"eta_date\":\"2027-01-05\"}")).then().statusCode(200);
        Api.as(tenant.adminKey()).get("/v1/supply-requests?crm_supply_request_id=" + crmSupply).then()
                .body("data[0].meters", equalTo(250.50f)).body("data[0].status", equalTo("planned"));
        CrmEvents.send(crmKey, secret, CrmEvents.envelope("supply_request.cancelled", "{\"crm_supply_request_id\":\"" + crmSupply
                + "\",\"notes\":\"Customer withdrew\"}")).then().statusCode(200);
        Api.as(tenant.adminKey()).get("/v1/supply-requests?crm_supply_request_id=" + crmSupply).then()
                .body("data[0].status", equalTo("cancelled"));
    }

    @Test
    void shouldAnswer503AndStoreNothingWhileInboundIsSwitchedOff() {
        Api.as(tenant.adminKey()).body(Map.of("base_url", "http://127.0.0.1:9/crm", "inbound_enabled", false))
                .put("/v1/integration/crm/connection").then().statusCode(200).body("inbound_enabled", equalTo(false));
        problem(CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.lost", "{\"crm_deal_id\":\"" + UUID.randomUUID() + "\"}"))
                .then(), 503, "inbound_disabled")
                .header("Retry-After", "300");
        assertThat(inboundEvents()).isZero();
    }

    @Test
    void shouldNeverLetAnotherOrganizationsCrmTouchOurReservations() {
        InventoryFixtures.lot(tenant, item.getString("id"), 100);
        UUID deal = UUID.randomUUID();
        String reservation = CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.won", CrmEvents.dealWon(deal,
                        List.of(CrmEvents.line(UUID.randomUUID(), item.getString("quality_code"), item.getString("color_code"), "25")),
                        "unknown"))).then().statusCode(200).extract().path("reservation_ids[0]");

        Tenant other = Tenants.create();
        String otherKey = Tenants.keyWithScopes(other, "integration:crm");
        String otherSecret = CrmEvents.connect(other, "http://127.0.0.1:9/crm");
        CrmEvents.send(otherKey, otherSecret, CrmEvents.envelope("deal.lost", "{\"crm_deal_id\":\"" + deal + "\"}"))
                .then().statusCode(200).body("reservation_ids.size()", equalTo(0));
        problem(CrmEvents.send(otherKey, otherSecret, CrmEvents.envelope("deal.ship_schedule_updated",
                "{\"crm_deal_id\":\"" + deal + "\",\"ship_intent\":\"immediate\"}")).then(), 422, "unknown_deal");
        problem(CrmEvents.send(otherKey, secret, CrmEvents.envelope("deal.lost", "{\"crm_deal_id\":\"" + deal + "\"}")).then(),
                401, "invalid_signature");

        Api.as(tenant.adminKey()).get("/v1/reservations/" + reservation).then()
                .body("status", equalTo("active")).body("ship_intent", equalTo("unknown"));
    }

    @Test
    void shouldRefuseDealLinesThatRepeatALine() {
        InventoryFixtures.lot(tenant, item.getString("id"), 100);
        UUID deal = UUID.randomUUID();
        UUID line = UUID.randomUUID();
        String quality = item.getString("quality_code");
        String color = item.getString("color_code");
        CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.won",
                CrmEvents.dealWon(deal, List.of(CrmEvents.line(line, quality, color, "10")), "unknown"))).then().statusCode(200);
        String repeated = "{\"crm_deal_id\":\"" + deal + "\",\"lines\":[" + CrmEvents.line(line, quality, color, "1000") + ","
                + CrmEvents.line(line, quality, color, "10") + "]}";
        problem(CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.lines_updated", repeated)).then(), 422, "validation_failed");
        Api.as(tenant.adminKey()).get("/v1/reservations?crm_deal_id=" + deal).then().body("data[0].lines[0].meters", equalTo(10.00f));
    }
}
