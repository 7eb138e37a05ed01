package com.lotastro.support;

import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.Map;

/** Customers and their address books, made the way callers make them. */
public final class CustomerFixtures {
    private CustomerFixtures() {
    }

    public static JsonPath customer(Tenant tenant, String companyName) {
        return Api.as(tenant.adminKey()).body(Map.of("company_name", companyName)).post("/v1/customers")
                .then().statusCode(201).extract().jsonPath();
    }

    public static Map<String, Object> address(String line1, String city) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("label", "Depo");
        address.put("line1", line1);
        address.put("district", "Nilüfer");
        address.put("city", city);
        address.put("postal_code", "16140");
        address.put("country", "TR");
        return address;
    }

    public static JsonPath addAddress(Tenant tenant, String customerId, Map<String, Object> address) {
        return Api.as(tenant.adminKey()).body(address).post("/v1/customers/" + customerId + "/addresses")
                .then().statusCode(201).extract().jsonPath();
    }

    public static JsonPath addContact(Tenant tenant, String customerId, Map<String, Object> contact) {
        return Api.as(tenant.adminKey()).body(contact).post("/v1/customers/" + customerId + "/contacts")
                .then().statusCode(201).extract().jsonPath();
    }
}
