package com.lotastro.support;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;

/**
 * REST Assured entry points. Every request and response is validated against {@code openapi/}; requests that
 * are wrong on purpose (bad input, missing key) use {@link #raw}, which still validates the response.
 */
public final class Api {
    public static final String SPEC = Path.of("openapi/openapi.yaml").toAbsolutePath().toUri().toString();

    // allOf is read as the one schema it combines (e.g. Lot = LotSummary + rolls): the validator refuses properties a
    // schema does not list, which would otherwise hold against each part of an allOf on its own.
    private static final OpenApiValidationFilter BOTH = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(SPEC).withResolveCombinators(true).build());

    private static final OpenApiValidationFilter RESPONSES_ONLY = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(SPEC)
                    .withResolveCombinators(true)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    private static final DeclaredHeaders DECLARED_HEADERS = new DeclaredHeaders(SPEC);

    private Api() {
    }

    /** A valid request with the given API key; request and response must match the contract. */
    public static RequestSpecification as(String apiKey) {
        return given().filter(BOTH).filter(DECLARED_HEADERS).header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
    }

    /** A request that may break the contract on purpose; the response must still match it. */
    public static RequestSpecification raw() {
        return given().filter(RESPONSES_ONLY).filter(DECLARED_HEADERS);
    }

    /** For transport errors the contract does not describe (406, 415): no validation at all. */
    public static RequestSpecification unvalidated(String apiKey) {
        return given().header("Authorization", "Bearer " + apiKey);
    }

    public static RequestSpecification raw(String apiKey) {
        return raw().header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
    }
}
