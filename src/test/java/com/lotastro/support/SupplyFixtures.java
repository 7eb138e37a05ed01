package com.lotastro.support;

import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Supply requests made through the API. */
public final class SupplyFixtures {
    private SupplyFixtures() {
    }

    public static Map<String, Object> body(JsonPath item, Number meters, LocalDate eta) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("crm_supply_request_id", UUID.randomUUID().toString());
        body.put("crm_deal_id", UUID.randomUUID().toString());
        body.put("crm_customer_id", UUID.randomUUID().toString());
        body.put("type", "manufacturing");
        body.put("quality_code", item.getString("quality_code"));
        body.put("color_code", item.getString("color_code"));
        body.put("meters", meters);
        if (eta != null) {
            body.put("eta_date", eta.toString());
        }
        body.put("sales_owner_email", "owner-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com");
        return body;
    }

    public static JsonPath create(Tenant tenant, JsonPath item, Number meters, LocalDate eta) {
        return Api.as(tenant.adminKey()).body(body(item, meters, eta))
                .post("/v1/supply-requests").then().statusCode(201).extract().jsonPath();
    }

    public static JsonPath move(Tenant tenant, String id, Map<String, Object> transition) {
        return Api.as(tenant.adminKey()).body(transition)
                .post("/v1/supply-requests/" + id + "/transitions").then().statusCode(200).extract().jsonPath();
    }
}
