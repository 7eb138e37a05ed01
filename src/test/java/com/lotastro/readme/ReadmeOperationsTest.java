package com.lotastro.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.lotastro.support.Api;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README names every operation of the contract, with its operationId and the scope it needs. */
class ReadmeOperationsTest {

    @Test
    void shouldListEveryOperationOfTheContract() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI spec = new OpenAPIV3Parser().read(Api.SPEC, null, options);
        List<String> missing = new ArrayList<>();
        spec.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String row = "| `" + method.name() + " " + path + "` | `" + operation.getOperationId() + "` | `"
                    + operation.getExtensions().get("x-required-scope") + "` |";
            if (!readme.contains(row)) {
                missing.add(row);
            }
        }));
        assertThat(missing).as("rows missing from the README's operations table").isEmpty();
    }
}
