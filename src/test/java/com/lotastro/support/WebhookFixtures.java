package com.lotastro.support;

import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Webhook endpoints made through the API. */
public final class WebhookFixtures {
    private WebhookFixtures() {
    }

    /** An endpoint for the given event types (none: every type); its JSON holds the secret shown once. */
    public static JsonPath endpoint(Tenant tenant, String url, String... eventTypes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("description", "test receiver");
        if (eventTypes.length > 0) {
            body.put("event_types", List.of(eventTypes));
        }
        return Api.as(tenant.adminKey()).body(body).post("/v1/webhook-endpoints")
                .then().statusCode(201).extract().jsonPath();
    }

    public static JsonPath deliveries(Tenant tenant, String endpointId, String query) {
        return Api.as(tenant.adminKey()).get("/v1/webhook-endpoints/" + endpointId + "/deliveries?limit=200" + query)
                .then().statusCode(200).extract().jsonPath();
    }
}
