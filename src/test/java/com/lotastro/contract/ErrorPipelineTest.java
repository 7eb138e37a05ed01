package com.lotastro.contract;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import com.lotastro.shared.error.ErrorCode;
import com.lotastro.support.Api;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ErrorPipelineTest {

    @Test
    void shouldAnswerProblemsForRoutingErrors() {
        problem(Api.raw(Tenants.PLATFORM_KEY).get("/v1/no-such-thing").then(), 404, "not_found");
        problem(Api.raw(Tenants.PLATFORM_KEY).put("/v1/catalog-items").then(), 405, "method_not_allowed");
        problem(Api.unvalidated(Tenants.PLATFORM_KEY).accept("application/xml").get("/v1/catalog-items").then(), 406, "not_acceptable");
        problem(Api.raw(Tenants.PLATFORM_KEY).get("/v1/rolls/not-a-uuid").then(), 400, "invalid_parameter");
    }

    @Test
    void shouldNeverLeakJavaNamesInProblems() {
        problem(Api.raw(Tenants.PLATFORM_KEY).body("{\"roll_id\":\"x\",\"meters\":1,\"reason\":\"r\"}")
                .post("/v1/inventory/corrections").then(), 422, "validation_failed")
                .body(not(containsString("com.lotastro")))
                .body(not(containsString("java.")));
    }

    @Test
    void errorCodesAreUnique() {
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::code)).doesNotHaveDuplicates();
    }
}
