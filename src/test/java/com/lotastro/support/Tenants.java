package com.lotastro.support;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Creates organizations and keys through the API itself. */
public final class Tenants {
    /** The admin key of the organization created at first start in the test profile (holds platform:admin). */
    public static final String PLATFORM_KEY = "lak_test_platform_admin_key_0001";

    private Tenants() {
    }

    public static Tenant create() {
        JsonPath created = Api.as(PLATFORM_KEY)
                .body(Map.of("name", "Org " + UUID.randomUUID()))
                .post("/v1/organizations")
                .then().statusCode(201)
                .extract().jsonPath();
        return new Tenant(UUID.fromString(created.getString("organization.id")), created.getString("admin_api_key.key"));
    }

    public static String keyWithScopes(Tenant tenant, String... scopes) {
        return Api.as(tenant.adminKey())
                .body(Map.of("name", "key " + String.join(",", scopes), "scopes", List.of(scopes)))
                .post("/v1/api-keys")
                .then().statusCode(201)
                .extract().path("key");
    }
}
