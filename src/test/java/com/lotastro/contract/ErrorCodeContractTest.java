package com.lotastro.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lotastro.shared.error.ErrorCode;
import io.swagger.v3.core.util.Yaml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract's {@code ErrorCode} enum (what {@code Problem.code} may be, and what generated clients switch on) lists
 * exactly the codes of {@link ErrorCode}: a code added on one side only fails here, naming it.
 */
class ErrorCodeContractTest {

    @Test
    void shouldListEveryErrorCodeOfTheApiInTheContractAndNoOther() throws IOException {
        JsonNode schema = Yaml.mapper().readTree(Path.of("openapi/common.yaml").toFile())
                .at("/components/schemas/ErrorCode");
        List<String> inContract = new ArrayList<>();
        schema.get("enum").forEach(code -> inContract.add(code.asText()));
        List<String> inApi = Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList();

        assertThat(inContract).as("codes of ErrorCode missing from openapi/common.yaml ErrorCode")
                .containsAll(inApi);
        assertThat(inApi).as("codes in openapi/common.yaml ErrorCode that ErrorCode does not have")
                .containsAll(inContract);
        assertThat(inContract).as("each code once").doesNotHaveDuplicates();
    }

    @Test
    void shouldTypeTheProblemCodeByTheEnum() throws IOException {
        JsonNode code = Yaml.mapper().readTree(Path.of("openapi/common.yaml").toFile())
                .at("/components/schemas/Problem/properties/code");
        assertThat(code.path("$ref").asText()).isEqualTo("#/components/schemas/ErrorCode");
    }
}
