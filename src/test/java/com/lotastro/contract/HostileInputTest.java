package com.lotastro.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.lotastro.support.Api;
import com.lotastro.support.Db;
import com.lotastro.support.HostileRequests;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The guard that stays: every operation of the contract, sent hostile variants of its parameters and body
 * ({@link HostileRequests}), answers with a status the contract declares for it, never a 5xx, always
 * application/problem+json for an error, never accepts what the contract forbids, and changes nothing in the
 * database when it refuses. New operations and fields are probed as soon as they are in {@code openapi/}.
 */
@QuarkusTest
class HostileInputTest {
    private static final int MAX_REPORTED = 60;
    private static final int SHARDS = 4;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final OpenApiInteractionValidator RESPONSES = OpenApiInteractionValidator.createForSpecificationUrl(Api.SPEC)
            .withResolveCombinators(true)
            .withLevelResolver(LevelResolver.create().withLevel("validation.request", ValidationReport.Level.IGNORE).build())
            .build();

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @Test
    void shouldRefuseEveryHostileVariantWithADeclaredProblemAndChangeNothing() throws Exception {
        OpenAPI spec = contract();
        List<Probe> probes = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : spec.getPaths().entrySet()) {
            path.getValue().readOperationsMap().forEach((method, operation) ->
                    HostileRequests.of(operation).forEach(variant -> probes.add(new Probe(method.name(), path.getKey(), operation, variant))));
        }
        // Each shard probes its share of the operations as an organization of its own, so shards run side by side
        // and each one's database fingerprint moves only with its own requests.
        List<List<Probe>> shards = new ArrayList<>();
        for (int i = 0; i < SHARDS; i++) {
            shards.add(new ArrayList<>());
        }
        Map<String, Integer> shardOfOperation = new java.util.HashMap<>();
        for (Probe probe : probes) {
            int shard = shardOfOperation.computeIfAbsent(probe.operation().getOperationId(), id -> shardOfOperation.size() % SHARDS);
            shards.get(shard).add(probe);
        }
        List<Tenant> tenants = new ArrayList<>();
        for (int i = 0; i < SHARDS; i++) {
            Tenant tenant = Tenants.create();
            InventoryFixtures.item(tenant);
            tenants.add(tenant);
        }
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(SHARDS);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int i = 0; i < SHARDS; i++) {
            Tenant tenant = tenants.get(i);
            List<Probe> shard = shards.get(i);
            results.add(pool.submit(() -> probe(tenant, shard)));
        }
        List<String> failures = new ArrayList<>();
        for (Future<List<String>> result : results) {
            failures.addAll(result.get(5, TimeUnit.MINUTES));
        }
        pool.shutdown();
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        writeReport(probes.size(), seconds, failures);

        assertThat(probes).as("hostile requests").hasSizeGreaterThan(1000);
        assertThat(failures)
                .as("%d of %d hostile requests were mishandled; the first:%n%s", failures.size(), probes.size(),
                        failures.stream().limit(MAX_REPORTED).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    private record Probe(String method, String template, Operation operation, HostileRequests.Variant variant) {
    }

    private List<String> probe(Tenant tenant, List<Probe> probes) throws Exception {
        List<String> failures = new ArrayList<>();
        String fingerprint = Db.fingerprint(dataSource, tenant.organizationId());
        for (Probe probe : probes) {
            HttpResponse<String> response = send(tenant, probe);
            List<String> found = check(probe.operation(), probe.method(), probe.template(), probe.variant(), response);
            String after = Db.fingerprint(dataSource, tenant.organizationId());
            if (response.statusCode() >= 400 && !after.equals(fingerprint)) {
                found.add("refused with " + response.statusCode() + " but changed the database");
            }
            fingerprint = after;
            found.forEach(problem -> failures.add(probe.operation().getOperationId() + " / " + probe.variant().description() + ": " + problem));
        }
        return failures;
    }

    private static List<String> check(Operation operation, String method, String template, HostileRequests.Variant variant,
                                      HttpResponse<String> response) {
        List<String> found = new ArrayList<>();
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String body = response.body();
        if (status >= 500 && !(status == 503 && body.contains("\"code\":\"crm_unavailable\""))) {
            // A CRM that cannot be reached is the one 5xx a request may meet here (the probes' connections name
            // a CRM that does not exist); it is declared where it can happen, which is checked below.
            found.add("answered " + status + ": " + abbreviate(body));
        }
        if (!operation.getResponses().containsKey(String.valueOf(status))) {
            found.add("answered " + status + ", which the contract does not declare for it");
        }
        if (status >= 400 && !contentType.startsWith("application/problem+json")) {
            found.add("answered " + status + " as '" + contentType + "', not application/problem+json: " + abbreviate(body));
        }
        if (status < 400 && variant.mustBeRefused()) {
            found.add("accepted it with " + status);
        }
        if (found.isEmpty()) {
            // The body matches the declared response schema (the concrete path stands in with harmless ids).
            String concrete = template.replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000");
            SimpleResponse.Builder answer = SimpleResponse.Builder.status(status).withContentType(contentType)
                    .withBody(body);
            response.headers().map().forEach((name, values) -> answer.withHeader(name, values));
            ValidationReport report = RESPONSES.validateResponse(concrete, Request.Method.valueOf(method), answer.build());
            report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .forEach(m -> found.add("answered " + status + " outside its schema: " + m.getMessage()));
        }
        return found;
    }

    private HttpResponse<String> send(Tenant tenant, Probe probe) throws Exception {
        HostileRequests.Variant variant = probe.variant();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + variant.uri(probe.template())))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tenant.adminKey());
        variant.headers().forEach(request::header);
        if (variant.body() != null) {
            request.header("Content-Type", variant.contentType());
            request.method(probe.method(), HttpRequest.BodyPublishers.ofString(variant.body()));
        } else {
            request.method(probe.method(), HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The full list, for reading when the assertion message is cut short. */
    private static void writeReport(int sent, long seconds, List<String> failures) {
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/hostile-input-report.txt"),
                    sent + " hostile requests in " + seconds + " s, " + failures.size() + " mishandled\n" + String.join("\n", failures));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static OpenAPI contract() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return new OpenAPIV3Parser().read(Api.SPEC, null, options);
    }
}
