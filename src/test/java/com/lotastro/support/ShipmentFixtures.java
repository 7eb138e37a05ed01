package com.lotastro.support;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.Map;

/** Fulfilled orders ready to ship, and courier events signed the way a courier signs them. */
public final class ShipmentFixtures {
    private ShipmentFixtures() {
    }

    /** A PO of one roll of the given meters, staged, cut in full and fulfilled; returns the order JSON. */
    public static JsonPath fulfilledOrder(Tenant tenant, Number meters) {
        JsonPath item = InventoryFixtures.item(tenant);
        InventoryFixtures.lot(tenant, item.getString("id"), meters);
        JsonPath reservation = OrderFixtures.allocatedReservation(tenant, item, meters, "immediate");
        JsonPath order = OrderFixtures.orderByOverride(tenant, reservation.getString("id"));
        String id = order.getString("id");
        Api.as(tenant.adminKey()).post("/v1/orders/" + id + "/stage").then().statusCode(200);
        OrderFixtures.pickAll(tenant, OrderFixtures.order(tenant, id));
        return Api.as(tenant.adminKey()).post("/v1/orders/" + id + "/fulfil").then().statusCode(200).extract().jsonPath();
    }

    public static String courierEvent(String id, String trackingNumber, String status, String occurredAt) {
        return "{\"id\":\"" + id + "\",\"tracking_number\":\"" + trackingNumber + "\",\"status\":\"" + status
                + "\",\"occurred_at\":\"" + occurredAt + "\"}";
    }

    /** Sends the event signed with the courier's secret (computed here independently of the API's own code). */
    public static Response send(String key, String courierCode, String secret, String body) {
        String id = body.substring(body.indexOf("\"id\":\"") + 6, body.indexOf("\",\"tracking_number\""));
        long now = Instant.now().getEpochSecond();
        return sendSigned(key, courierCode, id, now, CrmEvents.signature(secret, id, now, body), body);
    }

    public static Response sendSigned(String key, String courierCode, String id, long timestamp, String signature, String body) {
        return Api.raw(key)
                .header("webhook-id", id)
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", signature)
                .body(body)
                .post("/v1/integration/couriers/" + courierCode + "/events");
    }

    public static Map<String, Object> ready(String courier, String trackingNumber) {
        return trackingNumber == null ? Map.of("courier_code", courier) : Map.of("courier_code", courier, "tracking_number", trackingNumber);
    }
}
