package com.lotastro.supply;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.lotastro.support.Api;
import com.lotastro.support.Concurrently;
import com.lotastro.support.Db;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.SupplyFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SupplyRequestTest {
    private static final LocalDate ETA = LocalDate.of(2026, 12, 1);

    @Inject
    DataSource dataSource;

    private Tenant tenant;
    private JsonPath item;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
        item = InventoryFixtures.item(tenant);
    }

    private io.restassured.response.ValidatableResponse move(String id, Map<String, Object> transition) {
        return Api.raw(tenant.adminKey()).header("X-Actor", "ayse").body(transition)
                .post("/v1/supply-requests/" + id + "/transitions").then();
    }

    @Test
    void shouldCreateAPlannedSupplyRequest() {
        Map<String, Object> body = SupplyFixtures.body(item, 500, ETA);
        body.put("manufacturing_order_reference", "MO-2026-118");
        body.put("notes", "Dyeing starts Monday");
        String id = Api.as(tenant.adminKey()).header("X-Actor", "crm-sync").body(body).post("/v1/supply-requests").then()
                .statusCode(201)
                .body("status", equalTo("planned"))
                .body("catalog_item_id", equalTo(item.getString("id")))
                .body("meters", equalTo(500.00f))
                .body("received_meters", equalTo(0.00f))
                .body("arrived_meters", nullValue())
                .body("eta_date", equalTo("2026-12-01"))
                .body("manufacturing_order_reference", equalTo("MO-2026-118"))
                .extract().path("id");

        Api.as(tenant.adminKey()).get("/v1/supply-requests/" + id + "/history").then()
                .body("data.size()", equalTo(1))
                .body("data[0].new_status", equalTo("planned"))
                .body("data[0].old_status", nullValue())
                .body("data[0].actor", equalTo("crm-sync"));
        Api.as(tenant.adminKey()).get("/v1/outbox-events?type=supply_request.status_updated&aggregate_id=" + id).then()
                .body("data[0].idempotency_key", equalTo("wms:supply_request:" + id + ":status_planned:v1"))
                .body("data[0].payload.new_status", equalTo("planned"))
                .body("data[0].payload.crm_supply_request_id", equalTo(body.get("crm_supply_request_id")));
    }

    @Test
    void shouldRefuseASecondRequestWithTheSameCrmIdNamingTheFirst() {
        Map<String, Object> body = SupplyFixtures.body(item, 500, ETA);
        String first = Api.as(tenant.adminKey()).body(body).post("/v1/supply-requests").then().statusCode(201).extract().path("id");
        Map<String, Long> before = Db.counts(dataSource, tenant.organizationId());

        problem(Api.raw(tenant.adminKey()).body(body).post("/v1/supply-requests").then(), 409, "duplicate_supply_request")
                .body("existing_supply_request_id", equalTo(first));
        assertThat(Db.counts(dataSource, tenant.organizationId())).isEqualTo(before);
    }

    @Test
    void shouldRefuseInvalidSupplyRequests() {
        Map<String, Long> before = Db.counts(dataSource, tenant.organizationId());
        Map<String, Object> unknownItem = SupplyFixtures.body(item, 500, ETA);
        unknownItem.put("color_code", "NO-SUCH-COLOR");
        problem(Api.raw(tenant.adminKey()).body(unknownItem).post("/v1/supply-requests").then(), 422, "unknown_catalog_item");

        Map<String, Object> badType = SupplyFixtures.body(item, 500, ETA);
        badType.put("type", "teleported");
        problem(Api.raw(tenant.adminKey()).body(badType).post("/v1/supply-requests").then(), 422, "validation_failed")
                .body("errors[0].field", equalTo("type"));

        Map<String, Object> noMeters = SupplyFixtures.body(item, 0, ETA);
        problem(Api.raw(tenant.adminKey()).body(noMeters).post("/v1/supply-requests").then(), 422, "validation_failed")
                .body("errors[0].field", equalTo("meters"));

        Map<String, Object> badEmail = SupplyFixtures.body(item, 5, ETA);
        badEmail.put("sales_owner_email", "not an email");
        problem(Api.raw(tenant.adminKey()).body(badEmail).post("/v1/supply-requests").then(), 422, "validation_failed")
                .body("errors[0].field", equalTo("sales_owner_email"));

        Map<String, Object> badDate = SupplyFixtures.body(item, 5, null);
        badDate.put("eta_date", "next week");
        problem(Api.raw(tenant.adminKey()).body(badDate).post("/v1/supply-requests").then(), 422, "validation_failed")
                .body("errors[0].field", equalTo("eta_date"));
        assertThat(Db.counts(dataSource, tenant.organizationId())).isEqualTo(before);
    }

    @Test
    void shouldWalkTheWholeStatusFlowAndRecordItsHistory() {
        String id = SupplyFixtures.create(tenant, item, 500, ETA).getString("id");
        move(id, Map.of("to_status", "eta_confirmed", "eta_date", "2026-12-03", "notes", "Supplier confirmed")).statusCode(200)
                .body("status", equalTo("eta_confirmed")).body("eta_date", equalTo("2026-12-03"));
        move(id, Map.of("to_status", "in_transit")).statusCode(200).body("status", equalTo("in_transit"));
        move(id, Map.of("to_status", "arrived_soft", "arrived_meters", 480)).statusCode(200)
                .body("status", equalTo("arrived_soft")).body("arrived_meters", equalTo(480.00f));
        move(id, Map.of("to_status", "allocated")).statusCode(200).body("status", equalTo("allocated"));
        move(id, Map.of("to_status", "closed", "notes", "done")).statusCode(200).body("status", equalTo("closed"));

        JsonPath history = Api.as(tenant.adminKey()).get("/v1/supply-requests/" + id + "/history").then().extract().jsonPath();
        assertThat(history.getList("data.new_status"))
                .containsExactly("planned", "eta_confirmed", "in_transit", "arrived_soft", "allocated", "closed");
        assertThat(history.getList("data.old_status"))
                .containsExactly(null, "planned", "eta_confirmed", "in_transit", "arrived_soft", "allocated");
        assertThat(history.getString("data[1].notes")).isEqualTo("Supplier confirmed");
        assertThat(history.getString("data[1].actor")).isEqualTo("ayse");
        assertThat(history.getString("data[1].eta_date")).isEqualTo("2026-12-03");
        assertThat(history.getFloat("data[3].arrived_meters")).isEqualTo(480.00f);
        Api.as(tenant.adminKey()).get("/v1/outbox-events?type=supply_request.status_updated&aggregate_id=" + id).then()
                .body("data.size()", equalTo(6))
                .body("data[3].payload.old_status", equalTo("in_transit"))
                .body("data[3].payload.new_status", equalTo("arrived_soft"));
        Api.as(tenant.adminKey()).get("/v1/audit-events?entity_id=" + id + "&action=supply_request.status_updated").then()
                .body("data.size()", equalTo(5))
                .body("data[0].before.status", equalTo("planned"))
                .body("data[0].after.status", equalTo("eta_confirmed"));
    }

    @Test
    void shouldAllowTheShortcutsAndCancellations() {
        String direct = SupplyFixtures.create(tenant, item, 10, ETA).getString("id");
        move(direct, Map.of("to_status", "in_transit")).statusCode(200);
        move(direct, Map.of("to_status", "cancelled")).statusCode(200).body("status", equalTo("cancelled"));

        String planned = SupplyFixtures.create(tenant, item, 10, ETA).getString("id");
        move(planned, Map.of("to_status", "cancelled")).statusCode(200);

        String confirmed = SupplyFixtures.create(tenant, item, 10, ETA).getString("id");
        move(confirmed, Map.of("to_status", "eta_confirmed", "eta_date", "2026-12-05")).statusCode(200);
        move(confirmed, Map.of("to_status", "cancelled")).statusCode(200);
        problem(move(confirmed, Map.of("to_status", "planned")), 409, "invalid_transition")
                .body("allowed_next_states", equalTo(List.of()));
    }

    @Test
    void shouldRefuseForbiddenTransitionsListingTheAllowedOnes() {
        String id = SupplyFixtures.create(tenant, item, 100, ETA).getString("id");
        problem(move(id, Map.of("to_status", "arrived_soft")), 409, "invalid_transition")
                .body("allowed_next_states", equalTo(List.of("eta_confirmed", "in_transit", "cancelled")));
        problem(move(id, Map.of("to_status", "closed")), 409, "invalid_transition");
        problem(move(id, Map.of("to_status", "eta_confirmed")), 422, "validation_failed")
                .body("errors[0].field", equalTo("eta_date"));
        problem(move(id, Map.of("to_status", "in_transit", "arrived_meters", 5)), 422, "validation_failed")
                .body("errors[0].field", equalTo("arrived_meters"));
        problem(move(id, Map.of("to_status", "gone")), 422, "validation_failed");

        move(id, Map.of("to_status", "in_transit")).statusCode(200);
        move(id, Map.of("to_status", "arrived_soft")).statusCode(200).body("arrived_meters", equalTo(100.00f));
        problem(move(id, Map.of("to_status", "cancelled")), 409, "invalid_transition")
                .body("allowed_next_states", equalTo(List.of("allocated")));
        move(id, Map.of("to_status", "allocated")).statusCode(200);
        problem(move(id, Map.of("to_status", "in_transit")), 409, "invalid_transition")
                .body("allowed_next_states", equalTo(List.of("closed")));
        Api.as(tenant.adminKey()).get("/v1/supply-requests/" + id + "/history").then().body("data.size()", equalTo(4));
    }

    @Test
    void shouldLetOnlyOneOfTenConcurrentTransitionsWin() throws Exception {
        String id = SupplyFixtures.create(tenant, item, 100, ETA).getString("id");
        List<Integer> statuses = Concurrently.run(10, i -> move(id, Map.of("to_status", "in_transit")).extract().statusCode());

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(9);
        Api.as(tenant.adminKey()).get("/v1/supply-requests/" + id + "/history").then().body("data.size()", equalTo(2));
    }

    @Test
    void shouldNameTheExistingRequestWhenTheSameCrmRequestIsMirroredTwiceAtOnce() throws Exception {
        Map<String, Object> body = SupplyFixtures.body(item, 100, ETA);
        List<Response> answers = Concurrently.run(8,
                i -> Api.raw(tenant.adminKey()).body(body).post("/v1/supply-requests"));

        List<Response> created = answers.stream().filter(a -> a.statusCode() == 201).toList();
        assertThat(created).hasSize(1);
        String id = created.get(0).path("id");
        for (Response refused : answers.stream().filter(a -> a.statusCode() != 201).toList()) {
            problem(refused.then(), 409, "duplicate_supply_request").body("existing_supply_request_id", equalTo(id));
        }
    }

    @Test
    void shouldCountSupplyAsIncomingWithoutTouchingStockWhenItArrivesSoft() {
        InventoryFixtures.lot(tenant, item.getString("id"), 100);
        String availability = "/v1/inventory/availability?quality_code=" + item.getString("quality_code");
        String id = SupplyFixtures.create(tenant, item, 500, ETA).getString("id");
        Api.as(tenant.adminKey()).get(availability).then()
                .body("data[0].on_hand_meters", equalTo(100.00f))
                .body("data[0].incoming_meters", equalTo(500.00f));

        move(id, Map.of("to_status", "in_transit")).statusCode(200);
        long ledgerRows = Db.queryLong(dataSource, "select count(*) from inventory_transactions where organization_id = ?",
                tenant.organizationId());
        long rolls = Db.queryLong(dataSource, "select count(*) from rolls where organization_id = ?", tenant.organizationId());
        move(id, Map.of("to_status", "arrived_soft", "arrived_meters", 480.5)).statusCode(200);

        Api.as(tenant.adminKey()).get(availability).then()
                .body("data[0].on_hand_meters", equalTo(100.00f))
                .body("data[0].available_meters", equalTo(100.00f))
                .body("data[0].incoming_meters", equalTo(480.50f));
        assertThat(Db.queryLong(dataSource, "select count(*) from inventory_transactions where organization_id = ?",
                tenant.organizationId())).isEqualTo(ledgerRows);
        assertThat(Db.queryLong(dataSource, "select count(*) from rolls where organization_id = ?", tenant.organizationId()))
                .isEqualTo(rolls);

        move(id, Map.of("to_status", "allocated")).statusCode(200);
        Api.as(tenant.adminKey()).get(availability).then().body("data[0].incoming_meters", equalTo(0.00f));
    }

    @Test
    void shouldLinkALotIntakeToItsSupplyRequest() {
        String id = SupplyFixtures.create(tenant, item, 300, ETA).getString("id");
        move(id, Map.of("to_status", "in_transit")).statusCode(200);
        String before = move(id, Map.of("to_status", "arrived_soft")).statusCode(200).extract().path("updated_at");

        Map<String, Object> lot = InventoryFixtures.lotBody(item.getString("id"), 120, 80);
        lot.put("supply_request_id", id);
        Api.as(tenant.adminKey()).body(lot).post("/v1/lots").then().statusCode(201).body("supply_request_id", equalTo(id));

        Api.as(tenant.adminKey()).get("/v1/supply-requests/" + id).then().body("received_meters", equalTo(200.00f));
        String availability = "/v1/inventory/availability?quality_code=" + item.getString("quality_code");
        Api.as(tenant.adminKey()).get(availability).then()
                .body("data[0].on_hand_meters", equalTo(200.00f))
                .body("data[0].incoming_meters", equalTo(100.00f));
        Api.as(tenant.adminKey()).get(availability + "&as_of=" + before).then()
                .body("data[0].on_hand_meters", equalTo(0.00f))
                .body("data[0].incoming_meters", equalTo(300.00f));

        JsonPath other = InventoryFixtures.item(tenant);
        Map<String, Object> wrongItem = InventoryFixtures.lotBody(other.getString("id"), 10);
        wrongItem.put("supply_request_id", id);
        problem(Api.raw(tenant.adminKey()).body(wrongItem).post("/v1/lots").then(), 422, "validation_failed")
                .body("errors[0].field", equalTo("supply_request_id"));
        Map<String, Object> unknown = InventoryFixtures.lotBody(item.getString("id"), 10);
        unknown.put("supply_request_id", UUID.randomUUID().toString());
        problem(Api.raw(tenant.adminKey()).body(unknown).post("/v1/lots").then(), 422, "unknown_supply_request");
    }

    @Test
    void shouldFilterAndSummarise() {
        SupplyFixtures.create(tenant, item, 100, LocalDate.of(2026, 12, 1));
        String transit = SupplyFixtures.create(tenant, item, 200, LocalDate.of(2027, 1, 15)).getString("id");
        move(transit, Map.of("to_status", "in_transit")).statusCode(200);
        String arrived = SupplyFixtures.create(tenant, item, 300, LocalDate.of(2026, 12, 20)).getString("id");
        move(arrived, Map.of("to_status", "in_transit")).statusCode(200);
        move(arrived, Map.of("to_status", "arrived_soft", "arrived_meters", 250)).statusCode(200);

        Api.as(tenant.adminKey()).get("/v1/supply-requests?status=in_transit").then()
                .body("data.id", equalTo(List.of(transit)));
        Api.as(tenant.adminKey()).get("/v1/supply-requests?eta_from=2026-12-10&eta_to=2026-12-31").then()
                .body("data.id", equalTo(List.of(arrived)));
        Api.as(tenant.adminKey()).get("/v1/supply-requests?type=import_from_central").then().body("data.size()", equalTo(0));
        Api.as(tenant.adminKey()).get("/v1/supply-requests/summary").then().statusCode(200)
                .body("data.find { it.type == 'manufacturing' }.in_transit.count", equalTo(1))
                .body("data.find { it.type == 'manufacturing' }.in_transit.meters", equalTo(200.00f))
                .body("data.find { it.type == 'manufacturing' }.arrived.meters", equalTo(250.00f))
                .body("data.find { it.type == 'manufacturing' }.ready_for_allocation.count", equalTo(1))
                .body("data.find { it.type == 'import_from_central' }.in_transit.count", equalTo(0));
    }

    @Test
    void shouldHideSupplyRequestsFromOtherOrganizations() {
        String id = SupplyFixtures.create(tenant, item, 100, ETA).getString("id");
        Tenant other = Tenants.create();
        problem(Api.raw(other.adminKey()).get("/v1/supply-requests/" + id).then(), 404, "not_found");
        problem(Api.raw(other.adminKey()).get("/v1/supply-requests/" + id + "/history").then(), 404, "not_found");
        problem(Api.raw(other.adminKey()).body(Map.of("to_status", "cancelled"))
                .post("/v1/supply-requests/" + id + "/transitions").then(), 404, "not_found");
        Api.as(other.adminKey()).get("/v1/supply-requests").then().body("data.size()", equalTo(0));
        Api.as(other.adminKey()).get("/v1/supply-requests/summary").then()
                .body("data.find { it.type == 'manufacturing' }.in_transit.count", equalTo(0));
        Api.as(tenant.adminKey()).get("/v1/supply-requests/" + id).then().body("status", equalTo("planned"));
    }
}
