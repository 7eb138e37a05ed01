package com.lotastro.payment;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.lotastro.support.Api;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Payment providers per organization: secrets generated once, given, rotated; scope and tenancy; the first-start seed. */
@QuarkusTest
class PaymentProvidersTest {
    private static final String GIVEN_SECRET = "whsec_c2VjcmV0LWdpdmVuLWJ5LXRoZS1wcm92aWRlcg==";

    private Tenant tenant;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
    }

    private JsonPath put(Tenant who, String code, Map<String, Object> body) {
        return Api.as(who.adminKey()).body(body).put("/v1/payment-providers/" + code).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aNewProviderWithoutASecretGetsOneShownOnce() {
        JsonPath created = put(tenant, "iyzico", Map.of());
        assertThat(created.getString("webhook_secret")).startsWith("whsec_").hasSizeGreaterThan(30);
        assertThat(created.getBoolean("enabled")).isTrue();

        JsonPath again = put(tenant, "iyzico", Map.of("enabled", false));
        assertThat(again.getString("webhook_secret")).isNull();
        assertThat(again.getBoolean("enabled")).isFalse();

        Api.as(tenant.adminKey()).get("/v1/payment-providers").then().statusCode(200)
                .body("data", hasSize(1)).body("data[0].code", equalTo("iyzico"))
                .body("data[0].enabled", equalTo(false)).body("data[0].webhook_secret", nullValue());
    }

    @Test
    void aGivenSecretIsKeptAndNeverShownAndRotationKeepsThePreviousForTheOverlap() {
        JsonPath created = put(tenant, "stripe", Map.of("webhook_secret", GIVEN_SECRET));
        assertThat(created.getString("webhook_secret")).isNull();
        assertThat(created.getString("previous_secret_valid_until")).isNull();

        JsonPath rotated = Api.as(tenant.adminKey()).post("/v1/payment-providers/stripe/rotate-secret")
                .then().statusCode(200).extract().jsonPath();
        assertThat(rotated.getString("webhook_secret")).startsWith("whsec_").isNotEqualTo(GIVEN_SECRET);
        assertThat(rotated.getString("previous_secret_valid_until")).isNotNull();

        JsonPath rotatedAgain = Api.as(tenant.adminKey()).post("/v1/payment-providers/stripe/rotate-secret")
                .then().statusCode(200).extract().jsonPath();
        assertThat(rotatedAgain.getString("webhook_secret")).isNotEqualTo(rotated.getString("webhook_secret"));
    }

    @Test
    void badSecretsAndCodesAreRefusedAndChangeNothing() {
        problem(Api.raw(tenant.adminKey()).body(Map.of("webhook_secret", "not-a-secret")).put("/v1/payment-providers/iyzico").then(),
                422, "validation_failed");
        problem(Api.raw(tenant.adminKey()).body(Map.of()).put("/v1/payment-providers/Bad-Code").then(), 400, "invalid_parameter");
        Api.as(tenant.adminKey()).get("/v1/payment-providers").then().statusCode(200).body("data", hasSize(0));
        problem(Api.raw(tenant.adminKey()).post("/v1/payment-providers/iyzico/rotate-secret").then(), 404, "not_found");
    }

    @Test
    void onlyIntegrationAdminsAndOnlyTheirOrganization() {
        put(tenant, "iyzico", Map.of());
        String reader = Tenants.keyWithScopes(tenant, "payments:write");
        problem(Api.raw(reader).body(Map.of()).put("/v1/payment-providers/iyzico").then(), 403, "insufficient_scope");
        problem(Api.raw(reader).get("/v1/payment-providers").then(), 403, "insufficient_scope");

        Tenant other = Tenants.create();
        Api.as(other.adminKey()).get("/v1/payment-providers").then().statusCode(200).body("data", hasSize(0));
        problem(Api.raw(other.adminKey()).post("/v1/payment-providers/iyzico/rotate-secret").then(), 404, "not_found");
    }

    @Test
    void theFirstOrganizationIsSeededFromTheConfiguredSecret() {
        Api.as(Tenants.PLATFORM_KEY).get("/v1/payment-providers").then().statusCode(200)
                .body("data.code", hasItem("testpay"))
                .body("data.find { it.code == 'testpay' }.webhook_secret", nullValue())
                .body("data.find { it.code == 'testpay' }.created_at", startsWith("20"));
    }
}
