package com.lotastro.support;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;

/** Asserts the one error shape: application/problem+json with status, stable code, title and detail. */
public final class Problems {
    private Problems() {
    }

    public static ValidatableResponse problem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("code", equalTo(code))
                .body("type", equalTo("urn:lotastro:problem:" + code))
                .body("title", notNullValue())
                .body("detail", notNullValue());
    }
}
