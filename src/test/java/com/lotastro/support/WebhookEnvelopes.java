package com.lotastro.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.restassured.path.json.JsonPath;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a delivered body against the contract: the {@code WebhookEnvelope} ({@code oneOf} by {@code type}) and the
 * schema its discriminator names for the body's {@code type}, with that type's {@code data} schema.
 */
public final class WebhookEnvelopes {
    private static final OpenAPI SPEC;
    private static final SchemaValidator VALIDATOR;
    private static final Map<String, String> SCHEMA_BY_TYPE;

    static {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SPEC = new OpenAPIV3Parser().read(Path.of("openapi/webhooks.yaml").toAbsolutePath().toUri().toString(), null, options);
        VALIDATOR = new SchemaValidator(SPEC, new MessageResolver());
        Map<String, String> mapping = SPEC.getComponents().getSchemas().get("WebhookEnvelope").getDiscriminator().getMapping();
        SCHEMA_BY_TYPE = Map.copyOf(mapping);
    }

    private WebhookEnvelopes() {
    }

    /** The event types the contract gives a payload schema. */
    public static java.util.Set<String> documentedTypes() {
        return SCHEMA_BY_TYPE.keySet();
    }

    /** What is wrong with the body by the contract; empty when it matches the envelope and its type's schema. */
    public static synchronized List<String> violations(String body) {
        List<String> problems = new ArrayList<>();
        String type;
        try {
            type = new JsonPath(body).getString("type");
        } catch (RuntimeException e) {
            return List.of("not a JSON object: " + body);
        }
        String ref = type == null ? null : SCHEMA_BY_TYPE.get(type);
        if (ref == null) {
            return List.of("type " + type + " has no schema in the contract: " + body);
        }
        Schema<?> typed = SPEC.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
        for (Schema<?> schema : List.of(typed, SPEC.getComponents().getSchemas().get("WebhookEnvelope"))) {
            ValidationReport report = withDeepStack(() -> VALIDATOR.validate(body, schema, "webhook"));
            report.getMessages().forEach(m -> describe(type, m, problems));
        }
        return problems;
    }

    /**
     * Runs a validation on a thread with a 16 MB stack. The validator recurses through the envelope's {@code oneOf}
     * of every event schema; while that code is still interpreted (early in a test JVM) its frames are large, and the
     * 1 MB default stack of a test thread was seen to overflow.
     */
    private static ValidationReport withDeepStack(java.util.function.Supplier<ValidationReport> validation) {
        java.util.concurrent.atomic.AtomicReference<ValidationReport> report = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                report.set(validation.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "webhook-contract-check", 16L * 1024 * 1024);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking a webhook body against the contract", e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("checking a webhook body against the contract failed", failure.get());
        }
        return report.get();
    }

    private static void describe(String type, ValidationReport.Message message, List<String> problems) {
        if (message.getNestedMessages().isEmpty()) {
            problems.add(type + ": " + message.getMessage());
        }
        message.getNestedMessages().forEach(nested -> describe(type, nested, problems));
    }

    public static void assertMatchesContract(String body) {
        assertThat(violations(body)).as("envelope " + body).isEmpty();
    }
}
