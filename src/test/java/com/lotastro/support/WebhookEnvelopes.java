package com.lotastro.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.file.Path;

/** Checks a delivered body against the contract's {@code WebhookEnvelope} schema. */
public final class WebhookEnvelopes {
    private static final OpenAPI SPEC;
    private static final SchemaValidator VALIDATOR;

    static {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SPEC = new OpenAPIV3Parser().read(Path.of("openapi/webhooks.yaml").toAbsolutePath().toUri().toString(), null, options);
        VALIDATOR = new SchemaValidator(SPEC, new MessageResolver());
    }

    private WebhookEnvelopes() {
    }

    public static void assertMatchesContract(String body) {
        Schema<?> schema = SPEC.getComponents().getSchemas().get("WebhookEnvelope");
        ValidationReport report = VALIDATOR.validate(body, schema, "webhook");
        assertThat(report.getMessages()).as("envelope " + body).isEmpty();
    }
}
