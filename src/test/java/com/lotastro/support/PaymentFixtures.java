package com.lotastro.support;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** Manual invoices and recorded payments, made the way callers make them. */
public final class PaymentFixtures {
    private PaymentFixtures() {
    }

    /** A draft manual invoice with one line of the given meters and unit price in EUR. */
    public static JsonPath draftInvoice(Tenant tenant, String customerId, List<Map<String, Object>> lines) {
        return Api.as(tenant.adminKey())
                .body(Map.of("customer_id", customerId, "currency", "EUR", "lines", lines))
                .post("/v1/invoices").then().statusCode(201).extract().jsonPath();
    }

    public static JsonPath issue(Tenant tenant, String invoiceId, String dueDate) {
        return Api.as(tenant.adminKey()).body(Map.of("due_date", dueDate))
                .post("/v1/invoices/" + invoiceId + "/issue").then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath payment(Tenant tenant, String customerId, double amount) {
        return Api.as(tenant.adminKey())
                .body(Map.of("customer_id", customerId, "method", "bank_transfer", "amount", amount, "currency", "EUR",
                        "received_on", "2026-11-26", "reference", "EFT Bursa"))
                .post("/v1/payments").then().statusCode(201).extract().jsonPath();
    }
}
