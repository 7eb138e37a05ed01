package com.lotastro.support;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Catalog items and lots made through the API, with random codes so tests never collide. */
public final class InventoryFixtures {
    private InventoryFixtures() {
    }

    public static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static Map<String, Object> itemBody(String quality, String color, Number threshold) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("quality_code", quality);
        body.put("color_code", color);
        body.put("description", "Cotton satin");
        body.put("low_stock_threshold_meters", threshold);
        return body;
    }

    /** A new catalog item; returns its JSON. */
    public static JsonPath item(Tenant tenant, Number lowStockThreshold) {
        return Api.as(tenant.adminKey())
                .body(itemBody(uniqueCode("Q"), uniqueCode("C"), lowStockThreshold))
                .post("/v1/catalog-items")
                .then().statusCode(201)
                .extract().jsonPath();
    }

    public static JsonPath item(Tenant tenant) {
        return item(tenant, 0);
    }

    public static Map<String, Object> lotBody(String catalogItemId, Number... rollMeters) {
        List<Map<String, Object>> rolls = new ArrayList<>();
        for (Number meters : rollMeters) {
            rolls.add(Map.of("barcode", uniqueCode("R"), "meters", meters));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lot_number", uniqueCode("L"));
        body.put("catalog_item_id", catalogItemId);
        body.put("received_at", "2026-11-20T08:30:00Z");
        body.put("rolls", rolls);
        return body;
    }

    /** Receives a lot of the item with one roll per length given; returns the lot JSON (with rolls). */
    public static JsonPath lot(Tenant tenant, String catalogItemId, Number... rollMeters) {
        return Api.as(tenant.adminKey())
                .body(lotBody(catalogItemId, rollMeters))
                .post("/v1/lots")
                .then().statusCode(201)
                .extract().jsonPath();
    }

    /** The availability row of the item (its codes are unique to the test), now or as of an instant. */
    public static JsonPath availability(Tenant tenant, JsonPath item, java.time.Instant asOf) {
        return Api.as(tenant.adminKey()).get("/v1/inventory/availability?quality_code=" + item.getString("quality_code")
                        + (asOf == null ? "" : "&as_of=" + asOf))
                .then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath availability(Tenant tenant, JsonPath item) {
        return availability(tenant, item, null);
    }

    /** A meters value of a response, exactly as sent. */
    public static java.math.BigDecimal meters(JsonPath json, String path) {
        return new java.math.BigDecimal(json.getString(path));
    }
}
