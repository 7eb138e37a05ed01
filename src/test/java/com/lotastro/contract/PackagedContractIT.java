package com.lotastro.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.lotastro.support.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.Response;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a partner gets from the packaged API ({@code java -jar target/quarkus-app/quarkus-run.jar}), not from a test
 * build: {@code /q/openapi} serves the contract of {@code openapi/} as written, every operation of it, in the OpenAPI
 * version the files say, and Swagger UI loads that document.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = PackagedApiDatabase.class, restrictToAnnotatedClass = true)
class PackagedContractIT {

    @Test
    void shouldServeEveryOperationOfTheContractAsWritten() {
        OpenAPI written = parse(null, Api.SPEC);
        for (String mediaType : new String[] {"application/yaml", "application/json"}) {
            Response served = given().accept(mediaType).get("/q/openapi");
            served.then().statusCode(200);
            OpenAPI document = parse(served.asString(), null);

            assertThat(document.getOpenapi()).as(mediaType).isEqualTo(written.getOpenapi()).isEqualTo("3.0.3");
            assertThat(document.getInfo().getTitle()).as(mediaType).isEqualTo(written.getInfo().getTitle());
            assertThat(document.getInfo().getVersion()).as(mediaType).isEqualTo(written.getInfo().getVersion());
            assertThat(operations(document)).as(mediaType).isEqualTo(operations(written)).hasSizeGreaterThan(40);
        }
    }

    @Test
    void shouldLoadTheContractInSwaggerUi() {
        Response page = given().get("/q/swagger-ui/");
        page.then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/html"));
        Matcher documentUrl = Pattern.compile("url:\\s*'([^']+)'").matcher(page.asString());
        assertThat(documentUrl.find()).as("Swagger UI names the document it loads").isTrue();
        String url = documentUrl.group(1);

        // What the page's script fetches: the document it names, and the scripts and styles it includes.
        assertThat(operations(parse(given().get(url).then().statusCode(200).extract().asString(), null)))
                .isEqualTo(operations(parse(null, Api.SPEC)));
        Matcher assets = Pattern.compile("(?:src|href)=\"([^\"]+\\.(?:js|css))\"").matcher(page.asString());
        Set<String> loaded = new TreeSet<>();
        while (assets.find()) {
            String asset = assets.group(1);
            String path = asset.startsWith("/") ? asset : "/q/swagger-ui/" + asset.replaceFirst("^\\./", "");
            given().get(path).then().statusCode(200);
            loaded.add(path);
        }
        assertThat(loaded).as("Swagger UI's scripts").anyMatch(path -> path.endsWith("swagger-ui-bundle.js"));
    }

    private static Set<String> operations(OpenAPI spec) {
        Set<String> operations = new TreeSet<>();
        spec.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operations.add(method + " " + path + " " + operation.getOperationId())));
        return operations;
    }

    private static OpenAPI parse(String content, String location) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = content != null
                ? new OpenAPIV3Parser().readContents(content, null, options)
                : new OpenAPIV3Parser().readLocation(location, null, options);
        assertThat(result.getOpenAPI()).as("a parsable OpenAPI document: " + result.getMessages()).isNotNull();
        return result.getOpenAPI();
    }
}
