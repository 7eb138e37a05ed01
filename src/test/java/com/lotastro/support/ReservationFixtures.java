package com.lotastro.support;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reservations made through the API. */
public final class ReservationFixtures {
    private ReservationFixtures() {
    }

    public static Map<String, Object> line(JsonPath item, Number meters) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("crm_deal_line_id", UUID.randomUUID().toString());
        line.put("quality_code", item.getString("quality_code"));
        line.put("color_code", item.getString("color_code"));
        line.put("meters", meters);
        return line;
    }

    public static Map<String, Object> body(String shipIntent, List<Map<String, Object>> lines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("crm_deal_id", UUID.randomUUID().toString());
        body.put("crm_customer_id", UUID.randomUUID().toString());
        body.put("ship_intent", shipIntent);
        body.put("sales_owner_email", "owner-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com");
        body.put("lines", new ArrayList<>(lines));
        return body;
    }

    public static Map<String, Object> body(JsonPath item, Number meters) {
        return body("unknown", List.of(line(item, meters)));
    }

    public static JsonPath create(Tenant tenant, Map<String, Object> body) {
        return Api.as(tenant.adminKey()).body(body).post("/v1/reservations").then().statusCode(201).extract().jsonPath();
    }

    public static JsonPath create(Tenant tenant, JsonPath item, Number meters) {
        return create(tenant, body(item, meters));
    }

    public static JsonPath allocate(Tenant tenant, JsonPath reservation, String rollId, Number meters) {
        return Api.as(tenant.adminKey())
                .body(Map.of("lines", List.of(Map.of("reservation_line_id", reservation.getString("lines[0].id"),
                        "roll_id", rollId, "meters", meters))))
                .post("/v1/reservations/" + reservation.getString("id") + "/allocations")
                .then().statusCode(201).extract().jsonPath();
    }
}
