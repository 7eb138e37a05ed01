package com.lotastro.support;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Sends CRM events the way a CRM does: a JSON envelope signed the Standard Webhooks way. */
public final class CrmEvents {
    private CrmEvents() {
    }

    /** A CRM connection for the tenant; returns its webhook secret. */
    public static String connect(Tenant tenant, String baseUrl) {
        return Api.as(tenant.adminKey())
                .body(Map.of("base_url", baseUrl, "api_key", "crm-key-for-" + tenant.organizationId()))
                .put("/v1/integration/crm/connection")
                .then().statusCode(200)
                .extract().path("webhook_secret");
    }

    public static String envelope(String id, String type, String occurredAt, String dataJson) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"occurred_at\":\"" + occurredAt
                + "\",\"crm_organization_id\":\"" + UUID.randomUUID() + "\",\"data\":" + dataJson + "}";
    }

    public static String envelope(String type, String dataJson) {
        return envelope("evt_" + UUID.randomUUID(), type, Instant.now().toString(), dataJson);
    }

    public static String idOf(String envelope) {
        return envelope.substring(envelope.indexOf("\"id\":\"") + 6, envelope.indexOf("\",\"type\""));
    }

    /** Signs as the CRM does (computed here independently of the API's own code). */
    public static String signature(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Response send(String crmKey, String secret, String body) {
        long now = Instant.now().getEpochSecond();
        return sendSigned(crmKey, idOf(body), now, signature(secret, idOf(body), now, body), body);
    }

    public static Response sendSigned(String crmKey, String id, long timestamp, String signature, String body) {
        return Api.raw(crmKey)
                .header("webhook-id", id)
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", signature)
                .body(body)
                .post("/v1/integration/crm/events");
    }

    public static String dealWon(UUID dealId, List<String> lines, String shipIntent) {
        return "{\"crm_deal_id\":\"" + dealId + "\",\"crm_customer_id\":\"" + UUID.randomUUID() + "\",\"ship_intent\":\"" + shipIntent
                + "\",\"lines\":[" + String.join(",", lines) + "]}";
    }

    public static String line(UUID lineId, String quality, String color, String meters) {
        return "{\"crm_deal_line_id\":\"" + lineId + "\",\"quality_code\":\"" + quality + "\",\"color_code\":\"" + color
                + "\",\"meters\":" + meters + "}";
    }
}
