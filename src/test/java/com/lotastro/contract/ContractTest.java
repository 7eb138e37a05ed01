package com.lotastro.contract;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.lotastro.support.Api;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the contract is implemented, protected, and asks for the scope the contract names:
 * without a key it answers 401 (not 404 or 405), and with a key lacking the scope it answers 403 naming
 * exactly the spec's {@code x-required-scope}.
 */
@QuarkusTest
class ContractTest {
    record SpecOperation(String method, String path, Operation operation) {
        String requiredScope() {
            return (String) operation.getExtensions().get("x-required-scope");
        }

        String concretePath() {
            return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }

        Response call(io.restassured.specification.RequestSpecification request) {
            boolean multipart = operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                    && operation.getRequestBody().getContent().containsKey("multipart/form-data");
            if (multipart) {
                // An upload is probed as one: a JSON body would be refused as 415 before the key is looked at.
                request.contentType("multipart/form-data").multiPart("file", "probe.pdf", "%PDF-1.4".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        "application/pdf");
            } else if (!method.equals("GET") && !method.equals("DELETE")) {
                request.contentType("application/json").body("{}");
            }
            return request.request(method, concretePath());
        }
    }

    private static List<SpecOperation> operations;

    @BeforeAll
    static void readContract() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI spec = new OpenAPIV3Parser().read(Api.SPEC, null, options);
        operations = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : spec.getPaths().entrySet()) {
            path.getValue().readOperationsMap().forEach((method, operation) ->
                    operations.add(new SpecOperation(method.name(), path.getKey(), operation)));
        }
    }

    @Test
    void shouldDescribeEveryOperationWithAnIdATagAScopeAndAnExample() {
        long generatedMethods = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .importPackages("com.lotastro.api").stream()
                .filter(c -> c.getPackageName().equals("com.lotastro.api") && c.isInterface() && c.getSimpleName().endsWith("Api"))
                .mapToLong(c -> c.getMethods().size())
                .sum();
        assertThat(operations).hasSize((int) generatedMethods);
        for (SpecOperation op : operations) {
            assertThat(op.operation().getOperationId()).as(op.method() + " " + op.path()).isNotBlank();
            assertThat(op.operation().getTags()).as(op.operation().getOperationId()).hasSize(1);
            assertThat(op.requiredScope()).as(op.operation().getOperationId()).isNotBlank();
            boolean hasExample = op.operation().getResponses().values().stream()
                    .filter(r -> r.getContent() != null)
                    .flatMap(r -> r.getContent().values().stream())
                    .anyMatch(media -> media.getExample() != null || media.getExamples() != null)
                    || op.operation().getResponses().containsKey("204");
            assertThat(hasExample).as("example on " + op.operation().getOperationId()).isTrue();
        }
    }

    @Test
    void shouldImplementAndProtectEveryOperation() {
        for (SpecOperation op : operations) {
            Response response = op.call(Api.raw());
            assertThat(response.statusCode()).as(op.method() + " " + op.path()).isEqualTo(401);
            problem(response.then(), 401, "unauthenticated");
        }
    }

    @Test
    void shouldAskForTheScopeTheContractNames() {
        Tenant tenant = Tenants.create();
        String integrationKey = Tenants.keyWithScopes(tenant, "integration:admin");
        String auditKey = Tenants.keyWithScopes(tenant, "audit:read");
        for (SpecOperation op : operations) {
            String key = op.requiredScope().equals("integration:admin") ? auditKey : integrationKey;
            Response response = op.call(Api.raw(key));
            assertThat(response.statusCode()).as(op.method() + " " + op.path()).isEqualTo(403);
            response.then().body("required_scope", equalTo(op.requiredScope()));
        }
    }

    @Test
    void shouldServeTheContractAsWritten() {
        Response served = io.restassured.RestAssured.given().accept("application/yaml").get("/q/openapi");
        served.then().statusCode(200).body(containsString("title: LotAstro API"));
        for (SpecOperation op : operations) {
            assertThat(served.asString()).contains("operationId: " + op.operation().getOperationId());
        }
    }

    @Test
    void shouldReportReadinessWithTheDatabase() {
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
    }
}
