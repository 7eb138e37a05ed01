package com.lotastro.webhook;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.lotastro.support.Api;
import com.lotastro.support.Db;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import com.lotastro.support.WebhookFixtures;
import com.lotastro.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoints API as a hostile caller meets it: validation, SSRF refusals, versions, idempotency and tenancy. */
@QuarkusTest
class WebhookEndpointsTest {
    @Inject
    DataSource dataSource;

    private Tenant tenant;

    @BeforeEach
    void tenant() {
        tenant = Tenants.create();
    }

    @Test
    void shouldRefuseUrlsThatReachIntoOurOwnNetworkOrAreNotHttps() {
        Map<String, Long> before = Db.counts(dataSource, tenant.organizationId());
        for (String url : List.of("http://example.com/hooks", "https://127.0.0.2/hooks", "https://10.1.2.3/hooks",
                "https://169.254.169.254/latest/meta-data", "https://192.168.1.10/", "https://[::1]/hooks",
                "http://127.0.0.2:8080/", "ftp://127.0.0.1/", "https://user:pw@127.0.0.1/", "not a url")) {
            problem(Api.as(tenant.adminKey()).body(Map.of("url", url)).post("/v1/webhook-endpoints").then(), 422, "webhook_url_refused");
        }
        assertThat(Db.counts(dataSource, tenant.organizationId())).isEqualTo(before);
    }

    @Test
    void shouldCreateShowTheSecretOnceListEditAndDelete() {
        WebhookReceiver receiver = WebhookReceiver.start();
        try {
            JsonPath created = WebhookFixtures.endpoint(tenant, receiver.url(), "reservation.created");
            String id = created.getString("id");
            assertThat(created.getString("secret")).startsWith("whsec_");
            Api.as(tenant.adminKey()).get("/v1/webhook-endpoints/" + id).then().statusCode(200)
                    .header("ETag", "\"0\"").body("secret", nullValue()).body("event_types", equalTo(List.of("reservation.created")));
            Api.as(tenant.adminKey()).get("/v1/webhook-endpoints?enabled=true").then().statusCode(200).body("data.id", hasItem(id));

            problem(Api.raw(tenant.adminKey()).body(Map.of("enabled", false)).patch("/v1/webhook-endpoints/" + id).then(), 428,
                    "precondition_required");
            Api.as(tenant.adminKey()).header("If-Match", "\"0\"").body(Map.of("all_event_types", true, "enabled", false))
                    .patch("/v1/webhook-endpoints/" + id).then().statusCode(200)
                    .body("event_types", nullValue()).body("enabled", equalTo(false)).body("version", equalTo(1));
            problem(Api.as(tenant.adminKey()).header("If-Match", "\"0\"").body(Map.of("enabled", true))
                    .patch("/v1/webhook-endpoints/" + id).then(), 412, "stale_version");
            problem(Api.as(tenant.adminKey()).header("If-Match", "\"1\"").body(Map.of("url", "https://10.0.0.1/"))
                    .patch("/v1/webhook-endpoints/" + id).then(), 422, "webhook_url_refused");
            Api.as(tenant.adminKey()).header("If-Match", "\"1\"").body(Map.of("enabled", true))
                    .patch("/v1/webhook-endpoints/" + id).then().statusCode(200).body("enabled", equalTo(true));

            Api.as(tenant.adminKey()).post("/v1/webhook-endpoints/" + id + "/test").then().statusCode(200)
                    .body("succeeded", equalTo(true)).body("status_code", equalTo(200));
            assertThat(receiver.received()).extracting(r -> new JsonPath(r.body()).getString("type")).contains("ping");

            Api.as(tenant.adminKey()).delete("/v1/webhook-endpoints/" + id).then().statusCode(204);
            problem(Api.as(tenant.adminKey()).get("/v1/webhook-endpoints/" + id).then(), 404, "not_found");
            problem(Api.as(tenant.adminKey()).delete("/v1/webhook-endpoints/" + id).then(), 404, "not_found");
            Api.as(tenant.adminKey()).get("/v1/audit-events?entity_id=" + id).then().statusCode(200)
                    .body("data.action", equalTo(List.of("webhook_endpoint.created", "webhook_endpoint.updated",
                            "webhook_endpoint.updated", "webhook_endpoint.pinged", "webhook_endpoint.deleted")));
        } finally {
            receiver.close();
        }
    }

    @Test
    void shouldAnswerATestPingWithTheFailedAttemptWhenNobodyListens() {
        JsonPath created = WebhookFixtures.endpoint(tenant, "http://127.0.0.1:9/hooks");
        Api.as(tenant.adminKey()).post("/v1/webhook-endpoints/" + created.getString("id") + "/test").then().statusCode(200)
                .body("succeeded", equalTo(false)).body("status_code", nullValue())
                .body("error", org.hamcrest.Matchers.startsWith("No answer"));
    }

    @Test
    void shouldReplayACreationWithTheSameKeyWithoutItsSecret() {
        Map<String, Object> body = Map.of("url", "http://127.0.0.1:9/hooks");
        JsonPath first = Api.as(tenant.adminKey()).header("Idempotency-Key", "hook-1").body(body).post("/v1/webhook-endpoints")
                .then().statusCode(201).extract().jsonPath();
        JsonPath again = Api.as(tenant.adminKey()).header("Idempotency-Key", "hook-1").body(body).post("/v1/webhook-endpoints")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().jsonPath();
        assertThat(again.getString("id")).isEqualTo(first.getString("id"));
        assertThat(first.getString("secret")).startsWith("whsec_");
        assertThat(again.getString("secret")).isNull();
        assertThat(Db.queryLong(dataSource, "select count(*) from webhook_endpoints where organization_id = ?", tenant.organizationId()))
                .isEqualTo(1);
    }

    @Test
    void shouldRefuseBadInputAndChangeNothing() {
        Map<String, Long> before = Db.counts(dataSource, tenant.organizationId());
        Map<String, Object> nullType = new HashMap<>();
        nullType.put("url", "http://127.0.0.1:9/");
        nullType.put("event_types", Arrays.asList("lot.received", null));
        problem(Api.raw(tenant.adminKey()).body(nullType).post("/v1/webhook-endpoints").then(), 422, "validation_failed");
        // A number is no URL, whether the JSON layer or the URL check says so first.
        Api.raw(tenant.adminKey()).body(Map.of("url", 42)).post("/v1/webhook-endpoints").then().statusCode(422);
        problem(Api.raw(tenant.adminKey()).body(Map.of("url", "http://127.0.0.1:9/", "event_types", List.of("NOT A TYPE")))
                .post("/v1/webhook-endpoints").then(), 422, "validation_failed");
        problem(Api.raw(tenant.adminKey()).body(Map.of("url", "http://127.0.0.1:9/", "secret", "whsec_x")).post("/v1/webhook-endpoints").then(),
                422, "validation_failed");
        problem(Api.raw(tenant.adminKey()).body(Map.of()).post("/v1/webhook-endpoints").then(), 422, "validation_failed");
        assertThat(Db.counts(dataSource, tenant.organizationId())).isEqualTo(before);

        String id = WebhookFixtures.endpoint(tenant, "http://127.0.0.1:9/hooks").getString("id");
        problem(Api.as(tenant.adminKey()).body(Map.of("from", "2026-11-22T10:00:00Z", "to", "2026-11-22T09:00:00Z"))
                .post("/v1/webhook-endpoints/" + id + "/replay").then(), 422, "validation_failed");
        Map<String, Object> nullStatus = new HashMap<>();
        nullStatus.put("from", "2026-11-22T09:00:00Z");
        nullStatus.put("to", "2026-11-22T10:00:00Z");
        nullStatus.put("statuses", Arrays.asList("dead", null));
        problem(Api.raw(tenant.adminKey()).body(nullStatus).post("/v1/webhook-endpoints/" + id + "/replay").then(), 422, "validation_failed");
        problem(Api.raw(tenant.adminKey()).body(Map.of("from", "yesterday", "to", "2026-11-22T10:00:00Z"))
                .post("/v1/webhook-endpoints/" + id + "/replay").then(), 422, "validation_failed");
    }

    @Test
    void shouldNeverShowOrTouchAnotherOrganizationsEndpointsOrDeliveries() {
        WebhookReceiver receiver = WebhookReceiver.start();
        try {
            String id = WebhookFixtures.endpoint(tenant, receiver.url()).getString("id");
            String deliveryId = Api.as(tenant.adminKey()).post("/v1/webhook-endpoints/" + id + "/test").then().statusCode(200)
                    .extract().path("delivery_id");
            Tenant other = Tenants.create();
            String key = other.adminKey();
            problem(Api.as(key).get("/v1/webhook-endpoints/" + id).then(), 404, "not_found");
            problem(Api.as(key).header("If-Match", "\"0\"").body(Map.of("enabled", false)).patch("/v1/webhook-endpoints/" + id).then(),
                    404, "not_found");
            problem(Api.as(key).delete("/v1/webhook-endpoints/" + id).then(), 404, "not_found");
            problem(Api.as(key).post("/v1/webhook-endpoints/" + id + "/rotate-secret").then(), 404, "not_found");
            problem(Api.as(key).post("/v1/webhook-endpoints/" + id + "/test").then(), 404, "not_found");
            problem(Api.as(key).get("/v1/webhook-endpoints/" + id + "/deliveries").then(), 404, "not_found");
            problem(Api.as(key).body(Map.of("from", "2026-01-01T00:00:00Z", "to", "2030-01-01T00:00:00Z"))
                    .post("/v1/webhook-endpoints/" + id + "/replay").then(), 404, "not_found");
            problem(Api.as(key).get("/v1/webhook-deliveries/" + deliveryId).then(), 404, "not_found");
            problem(Api.as(key).post("/v1/webhook-deliveries/" + deliveryId + "/retry").then(), 404, "not_found");
            Api.as(key).get("/v1/webhook-endpoints").then().statusCode(200).body("data", org.hamcrest.Matchers.empty());
            problem(Api.as(tenant.adminKey()).get("/v1/webhook-deliveries/" + UUID.randomUUID()).then(), 404, "not_found");
            assertThat(receiver.received(r -> new JsonPath(r.body()).getString("type").equals("ping"))).hasSize(1);
        } finally {
            receiver.close();
        }
    }

    @Test
    void shouldPageEndpointsOldestFirst() {
        for (int i = 0; i < 3; i++) {
            WebhookFixtures.endpoint(tenant, "http://127.0.0.1:9/hooks/" + i);
        }
        JsonPath page1 = Api.as(tenant.adminKey()).get("/v1/webhook-endpoints?limit=2").then().statusCode(200).extract().jsonPath();
        assertThat(page1.getList("data")).hasSize(2);
        JsonPath page2 = Api.as(tenant.adminKey()).get("/v1/webhook-endpoints?limit=2&cursor=" + page1.getString("next_cursor"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(page2.getList("data.url")).containsExactly("http://127.0.0.1:9/hooks/2");
        assertThat(page2.getString("next_cursor")).isNull();
    }
}
