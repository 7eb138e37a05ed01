package com.lotastro.support;

import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Priced orders, customers with payment terms, invoices and payments made the way callers make them. */
public final class InvoiceFixtures {
    private InvoiceFixtures() {
    }

    /** A fulfilled PO of one roll cut at the given meters, its CRM deal line priced (or not, when unitPrice is null). */
    public static JsonPath pricedFulfilledOrder(Tenant tenant, Number meters, Number unitPrice, String currency) {
        JsonPath item = InventoryFixtures.item(tenant);
        InventoryFixtures.lot(tenant, item.getString("id"), meters);
        Map<String, Object> line = ReservationFixtures.line(item, meters);
        if (unitPrice != null) {
            line.put("unit_price", unitPrice);
            line.put("currency", currency);
        }
        JsonPath reservation = ReservationFixtures.create(tenant, ReservationFixtures.body("immediate", List.of(line)));
        Api.as(tenant.adminKey()).post("/v1/reservations/" + reservation.getString("id") + "/auto-allocate").then().statusCode(201);
        JsonPath order = OrderFixtures.orderByOverride(tenant, reservation.getString("id"));
        String id = order.getString("id");
        Api.as(tenant.adminKey()).post("/v1/orders/" + id + "/stage").then().statusCode(200);
        OrderFixtures.pickAll(tenant, OrderFixtures.order(tenant, id));
        return Api.as(tenant.adminKey()).post("/v1/orders/" + id + "/fulfil").then().statusCode(200).extract().jsonPath();
    }

    public static String customer(Tenant tenant, String name, String paymentTerms) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company_name", name);
        if (paymentTerms != null) {
            body.put("payment_terms", paymentTerms);
        }
        return Api.as(tenant.adminKey()).body(body).post("/v1/customers").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> line(String description, Number quantity, Number unitPrice, Number discountPercent, Number taxRate) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("description", description);
        line.put("quantity", quantity);
        line.put("unit_price", unitPrice);
        if (discountPercent != null) {
            line.put("discount_percent", discountPercent);
        }
        if (taxRate != null) {
            line.put("tax_rate", taxRate);
        }
        return line;
    }

    /** A manual draft of one untaxed line worth {@code amount}. */
    public static JsonPath draft(Tenant tenant, String customerId, String currency, Number amount) {
        return Api.as(tenant.adminKey())
                .body(Map.of("customer_id", customerId, "currency", currency, "lines", List.of(line("Service", 1, amount, null, 0))))
                .post("/v1/invoices").then().statusCode(201).extract().jsonPath();
    }

    public static JsonPath issue(Tenant tenant, String invoiceId) {
        return Api.as(tenant.adminKey()).body(Map.of("due_date", java.time.LocalDate.now().plusDays(30).toString()))
                .post("/v1/invoices/" + invoiceId + "/issue").then().statusCode(200).extract().jsonPath();
    }

    /** An issued manual invoice of one untaxed line worth {@code amount}; returns its id. */
    public static String issued(Tenant tenant, String customerId, String currency, Number amount) {
        return issue(tenant, draft(tenant, customerId, currency, amount).getString("id")).getString("id");
    }

    public static String payment(Tenant tenant, String customerId, String currency, Number amount) {
        return Api.as(tenant.adminKey())
                .body(Map.of("customer_id", customerId, "method", "bank_transfer", "amount", amount, "currency", currency,
                        "received_on", java.time.LocalDate.now().toString(), "reference", "EFT " + amount))
                .post("/v1/payments").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> part(String invoiceId, Number amount) {
        return Map.of("invoice_id", invoiceId, "amount", amount);
    }

    public static JsonPath invoice(Tenant tenant, String invoiceId) {
        return Api.as(tenant.adminKey()).get("/v1/invoices/" + invoiceId).then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath paymentJson(Tenant tenant, String paymentId) {
        return Api.as(tenant.adminKey()).get("/v1/payments/" + paymentId).then().statusCode(200).extract().jsonPath();
    }

    public static BigDecimal money(JsonPath json, String path) {
        return new BigDecimal(json.getString(path));
    }
}
