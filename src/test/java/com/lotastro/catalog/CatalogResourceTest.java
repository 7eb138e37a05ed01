package com.lotastro.catalog;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.lotastro.support.Api;
import com.lotastro.support.Db;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogResourceTest {
    @Inject
    DataSource dataSource;

    private Tenant tenant;

    @BeforeEach
    void newTenant() {
        tenant = Tenants.create();
    }

    @Test
    void shouldCreateAndReadACatalogItem() {
        String quality = InventoryFixtures.uniqueCode("SATEN");
        JsonPath created = Api.as(tenant.adminKey())
                .header("X-Actor", "buyer-7")
                .body(InventoryFixtures.itemBody(quality, "NAVY-04", 150))
                .post("/v1/catalog-items")
                .then().statusCode(201)
                .body("quality_code", equalTo(quality))
                .body("color_code", equalTo("NAVY-04"))
                .body("low_stock_threshold_meters", equalTo(150.00f))
                .body("active", equalTo(true))
                .body("version", equalTo(0))
                .extract().jsonPath();
        String id = created.getString("id");

        Api.as(tenant.adminKey()).get("/v1/catalog-items/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("description", equalTo("Cotton satin"));
        Api.as(tenant.adminKey()).get("/v1/audit-events?entity_id=" + id).then().statusCode(200)
                .body("data[0].action", equalTo("catalog_item.created"))
                .body("data[0].actor", equalTo("buyer-7"))
                .body("data[0].before", nullValue())
                .body("data[0].after.quality_code", equalTo(quality));
        Api.as(tenant.adminKey()).get("/v1/outbox-events?aggregate_id=" + id).then().statusCode(200)
                .body("data[0].type", equalTo("catalog_item.created"))
                .body("data[0].idempotency_key", equalTo("wms:catalog_item:" + id + ":created:v1"));
    }

    @Test
    void shouldRefuseADuplicateQualityAndColorAndChangeNothing() {
        Map<String, Object> body = InventoryFixtures.itemBody(InventoryFixtures.uniqueCode("Q"), "RED", 0);
        String id = Api.as(tenant.adminKey()).body(body).post("/v1/catalog-items").then().statusCode(201).extract().path("id");
        Map<String, Long> before = Db.counts(dataSource, tenant.organizationId());

        problem(Api.raw(tenant.adminKey()).body(body).post("/v1/catalog-items").then(), 409, "duplicate_catalog_item")
                .body("detail", org.hamcrest.Matchers.containsString(id));

        assertThat(Db.counts(dataSource, tenant.organizationId())).isEqualTo(before);
    }

    @Test
    void shouldRefuseInvalidItemsWithFieldErrorsAndChangeNothing() {
        Map<String, Long> before = Db.counts(dataSource, tenant.organizationId());

        problem(Api.raw(tenant.adminKey()).body(Map.of("color_code", "RED")).post("/v1/catalog-items").then(),
                422, "validation_failed").body("errors[0].field", equalTo("quality_code"));
        problem(Api.raw(tenant.adminKey()).body(Map.of("quality_code", "Q 1", "color_code", "RED")).post("/v1/catalog-items").then(),
                422, "validation_failed").body("errors[0].field", equalTo("quality_code"));
        problem(Api.raw(tenant.adminKey()).body(InventoryFixtures.itemBody("Q1", "RED", -1)).post("/v1/catalog-items").then(),
                422, "validation_failed").body("errors[0].field", equalTo("low_stock_threshold_meters"));
        problem(Api.raw(tenant.adminKey()).body(InventoryFixtures.itemBody("Q1", "RED", 1.005)).post("/v1/catalog-items").then(),
                422, "validation_failed").body("errors[0].message", equalTo("must have at most 2 decimal places"));
        problem(Api.raw(tenant.adminKey()).body(InventoryFixtures.itemBody("Q1", "RED", 1e12)).post("/v1/catalog-items").then(),
                422, "validation_failed").body("errors[0].field", equalTo("low_stock_threshold_meters"));
        problem(Api.raw(tenant.adminKey()).body("{\"quality_code\":\"Q1\",\"color_code\":\"RED\",\"low_stock_threshold_meters\":\"lots\"}")
                .post("/v1/catalog-items").then(), 422, "validation_failed")
                .body("errors[0].field", equalTo("low_stock_threshold_meters"))
                .body("errors[0].message", equalTo("must be a number"));
        problem(Api.raw(tenant.adminKey()).body("{\"quality_code\":\"Q1\",\"color_code\":\"RED\",\"active\":\"yes please\"}")
                .post("/v1/catalog-items").then(), 422, "validation_failed")
                .body("errors[0].field", equalTo("active"));
        problem(Api.raw(tenant.adminKey()).body("{\"quality_code\":\"Q1\",\"color_code\":\"RED\",\"colour\":\"x\"}")
                .post("/v1/catalog-items").then(), 422, "validation_failed")
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].message", equalTo("is not a known field"));
        problem(Api.raw(tenant.adminKey()).body("{\"quality_code\":").post("/v1/catalog-items").then(), 400, "malformed_json");
        problem(Api.raw(tenant.adminKey()).body("[1,2]").post("/v1/catalog-items").then(), 422, "validation_failed");
        problem(Api.raw(tenant.adminKey()).post("/v1/catalog-items").then(), 422, "validation_failed");
        problem(Api.unvalidated(tenant.adminKey()).contentType("text/plain").body("quality=Q1").post("/v1/catalog-items").then(),
                415, "unsupported_media_type");

        assertThat(Db.counts(dataSource, tenant.organizationId())).isEqualTo(before);
    }

    @Test
    void shouldUpdateOnlyTheFieldsGivenAndAuditBeforeAndAfter() {
        String id = InventoryFixtures.item(tenant, 100).getString("id");

        Api.as(tenant.adminKey())
                .header("X-Actor", "manager-1")
                .header("If-Match", "\"0\"")
                .body(Map.of("low_stock_threshold_meters", 250.5, "active", false))
                .patch("/v1/catalog-items/" + id)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("low_stock_threshold_meters", equalTo(250.50f))
                .body("active", equalTo(false))
                .body("description", equalTo("Cotton satin"))
                .body("version", equalTo(1));

        Api.as(tenant.adminKey()).get("/v1/audit-events?entity_id=" + id + "&action=catalog_item.updated").then()
                .body("data[0].actor", equalTo("manager-1"))
                .body("data[0].before.low_stock_threshold_meters", equalTo(100.00f))
                .body("data[0].after.low_stock_threshold_meters", equalTo(250.50f))
                .body("data[0].after.active", equalTo(false));
        Api.as(tenant.adminKey()).get("/v1/catalog-items?active=false").then().body("data.id", hasItem(id));
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownOrForeignItem() {
        problem(Api.raw(tenant.adminKey()).get("/v1/catalog-items/" + UUID.randomUUID()).then(), 404, "not_found");
        String foreign = InventoryFixtures.item(Tenants.create()).getString("id");
        problem(Api.raw(tenant.adminKey()).get("/v1/catalog-items/" + foreign).then(), 404, "not_found");
        problem(Api.raw(tenant.adminKey()).header("If-Match", "\"0\"").body(Map.of("active", false))
                .patch("/v1/catalog-items/" + foreign).then(), 404, "not_found");
    }

    @Test
    void shouldChangeAnItemOnlyWithTheVersionItWasReadAt() {
        String id = InventoryFixtures.item(tenant, 100).getString("id");
        String etag = Api.as(tenant.adminKey()).get("/v1/catalog-items/" + id).then().statusCode(200)
                .header("ETag", "\"0\"").extract().header("ETag");
        Map<String, Long> before = Db.counts(dataSource, tenant.organizationId());

        problem(Api.raw(tenant.adminKey()).body(Map.of("active", false)).patch("/v1/catalog-items/" + id).then(),
                428, "precondition_required");
        problem(Api.raw(tenant.adminKey()).header("If-Match", "latest").body(Map.of("active", false))
                .patch("/v1/catalog-items/" + id).then(), 400, "invalid_parameter");
        // The rule comes first: even a body that could never apply is answered 428 without If-Match.
        problem(Api.raw(tenant.adminKey()).body("{\"colour\":\"x\"}").patch("/v1/catalog-items/" + id).then(),
                428, "precondition_required");
        assertThat(Db.counts(dataSource, tenant.organizationId())).isEqualTo(before);

        Api.as(tenant.adminKey()).header("If-Match", etag).body(Map.of("description", "Cotton satin, washed"))
                .patch("/v1/catalog-items/" + id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("version", equalTo(1));
        problem(Api.raw(tenant.adminKey()).header("If-Match", etag).body(Map.of("active", false))
                .patch("/v1/catalog-items/" + id).then(), 412, "stale_version")
                .body("detail", equalTo("The catalog item is at version 1, not 0"));
        Api.as(tenant.adminKey()).get("/v1/catalog-items/" + id).then()
                .header("ETag", "\"1\"")
                .body("description", equalTo("Cotton satin, washed"))
                .body("active", equalTo(true));
        Api.as(tenant.adminKey()).header("If-Match", "W/\"1\"").body(Map.of("active", false))
                .patch("/v1/catalog-items/" + id).then().statusCode(200).body("active", equalTo(false)).body("version", equalTo(2));
    }

    @Test
    void shouldPageThroughEveryItemExactlyOnce() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            created.add(InventoryFixtures.item(tenant).getString("id"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = Api.as(tenant.adminKey()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/v1/catalog-items").then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("data")).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.getList("data.id"));
            cursor = page.getString("next_cursor");
        } while (cursor != null);

        assertThat(seen).hasSize(5).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void shouldRefuseBadPagingParameters() {
        problem(Api.raw(tenant.adminKey()).get("/v1/catalog-items?limit=201").then(), 400, "invalid_parameter")
                .body("errors[0].field", equalTo("limit"));
        problem(Api.raw(tenant.adminKey()).get("/v1/catalog-items?limit=0").then(), 400, "invalid_parameter");
        problem(Api.raw(tenant.adminKey()).get("/v1/catalog-items?cursor=not-a-cursor").then(), 400, "invalid_cursor");
        problem(Api.raw(tenant.adminKey()).get("/v1/catalog-items?active=maybe").then(), 400, "invalid_parameter");
    }
}
