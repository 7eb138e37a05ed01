package com.lotastro.access;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.lotastro.support.Api;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessResourceTest {
    private Tenant tenant;

    @BeforeEach
    void newTenant() {
        tenant = Tenants.create();
    }

    @Test
    void shouldRefuseARequestWithoutAKey() {
        problem(Api.raw().get("/v1/catalog-items").then(), 401, "unauthenticated");
    }

    @Test
    void shouldRefuseAnUnknownKey() {
        problem(Api.raw("lak_not_a_key_of_anyone").get("/v1/catalog-items").then(), 401, "unauthenticated");
    }

    @Test
    void shouldShowANewKeyOnceAndNeverInLists() {
        JsonPath created = Api.as(tenant.adminKey())
                .header("X-Actor", "ops-1")
                .body(Map.of("name", "CRM sync", "scopes", List.of("inventory:read")))
                .post("/v1/api-keys")
                .then().statusCode(201)
                .body("key", startsWith("lak_"))
                .body("scopes", equalTo(List.of("inventory:read")))
                .extract().jsonPath();
        String key = created.getString("key");
        assertThat(created.getString("key_prefix")).isEqualTo(key.substring(0, 8));

        Api.as(tenant.adminKey()).get("/v1/api-keys").then().statusCode(200)
                .body("data.id", hasItem(created.getString("id")))
                .body("data.key", not(hasItem(notNullValue())));
        Api.as(key).get("/v1/catalog-items").then().statusCode(200);
    }

    @Test
    void shouldRefuseARevokedKeyAtOnce() {
        String key = Tenants.keyWithScopes(tenant, "inventory:read");
        String id = Api.as(tenant.adminKey()).get("/v1/api-keys?limit=200").then().extract().jsonPath()
                .getString("data.find { it.key_prefix == '" + key.substring(0, 8) + "' }.id");

        Api.as(tenant.adminKey()).delete("/v1/api-keys/" + id).then().statusCode(204);
        Api.as(tenant.adminKey()).delete("/v1/api-keys/" + id).then().statusCode(204);

        problem(Api.raw(key).get("/v1/catalog-items").then(), 401, "unauthenticated");
        Api.as(tenant.adminKey()).get("/v1/api-keys?limit=200").then()
                .body("data.find { it.id == '" + id + "' }.revoked_at", notNullValue());
        Api.as(tenant.adminKey()).get("/v1/audit-events?entity_type=api_key&action=api_key.revoked").then()
                .body("data.entity_id", hasItem(id));
        Api.as(tenant.adminKey()).get("/v1/outbox-events?type=api_key.revoked&aggregate_id=" + id).then()
                .body("data[0].idempotency_key", equalTo("wms:api_key:" + id + ":revoked:v1"))
                .body("data[0].payload.key_prefix", equalTo(key.substring(0, 8)));
    }

    @Test
    void shouldRefuseAMissingScopeNamingTheScope() {
        String readOnly = Tenants.keyWithScopes(tenant, "inventory:read");
        problem(Api.raw(readOnly).body(Map.of("quality_code", "Q1", "color_code", "C1")).post("/v1/catalog-items").then(),
                403, "insufficient_scope")
                .body("required_scope", equalTo("inventory:write"));
    }

    @Test
    void shouldLetOnlyPlatformAdministratorsCreateOrganizations() {
        problem(Api.raw(tenant.adminKey()).body(Map.of("name", "Another")).post("/v1/organizations").then(),
                403, "insufficient_scope")
                .body("required_scope", equalTo("platform:admin"));

        JsonPath created = Api.as(Tenants.PLATFORM_KEY).body(Map.of("name", "Bursa Textiles"))
                .post("/v1/organizations")
                .then().statusCode(201)
                .body("organization.name", equalTo("Bursa Textiles"))
                .body("admin_api_key.scopes", equalTo(List.of("admin")))
                .extract().jsonPath();
        Api.as(created.getString("admin_api_key.key")).get("/v1/api-keys").then().statusCode(200)
                .body("data.size()", equalTo(1));
    }

    @Test
    void shouldNotLetAnOrganizationAdminGrantPlatformAdmin() {
        problem(Api.raw(tenant.adminKey()).body(Map.of("name", "sneaky", "scopes", List.of("platform:admin")))
                .post("/v1/api-keys").then(), 403, "insufficient_scope");
    }

    @Test
    void shouldNotRevokeAnotherOrganizationsKey() {
        Tenant other = Tenants.create();
        String otherKeyId = Api.as(other.adminKey()).get("/v1/api-keys").then().extract().path("data[0].id");
        problem(Api.raw(tenant.adminKey()).delete("/v1/api-keys/" + otherKeyId).then(), 404, "not_found");
        Api.as(other.adminKey()).get("/v1/api-keys").then().body("data[0].revoked_at", nullValue());
    }

    @Test
    void shouldRejectUnknownScopesAndEmptyNames() {
        problem(Api.raw(tenant.adminKey()).body(Map.of("name", "", "scopes", List.of("inventory:read")))
                .post("/v1/api-keys").then(), 422, "validation_failed")
                .body("errors[0].field", equalTo("name"));
        problem(Api.raw(tenant.adminKey()).body(Map.of("name", "x", "scopes", List.of("everything")))
                .post("/v1/api-keys").then(), 422, "validation_failed")
                .body("errors[0].field", equalTo("scopes[0]"));
    }

    @Test
    void shouldNotKeepANewKeyForIdempotentReplays() {
        java.util.Map<String, Object> body = Map.of("name", "portal", "scopes", List.of("inventory:read"));
        JsonPath first = Api.as(tenant.adminKey()).header("Idempotency-Key", "key-once").body(body).post("/v1/api-keys")
                .then().statusCode(201).body("key", startsWith("lak_")).extract().jsonPath();
        Api.as(tenant.adminKey()).header("Idempotency-Key", "key-once").body(body).post("/v1/api-keys")
                .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.getString("id")))
                .body("key_prefix", equalTo(first.getString("key_prefix")))
                .body("key", nullValue());
        Api.as(tenant.adminKey()).get("/v1/api-keys").then().body("data.size()", equalTo(2));
    }
}
