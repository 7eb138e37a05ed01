package com.lotastro.customer;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.lotastro.support.Api;
import com.lotastro.support.CrmEvents;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbound CRM client against a real HTTP server on loopback that can answer, stall or fail. */
@QuarkusTest
class CrmClientTest {
    enum Mode { ANSWER, STALL, FAIL }

    private HttpServer crm;
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.ANSWER);
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private Tenant tenant;
    private String customersKey;

    @BeforeEach
    void startCrm() throws IOException {
        crm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        crm.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        crm.createContext("/crm/customers/", exchange -> {
            calls.incrementAndGet();
            lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            String id = exchange.getRequestURI().getPath().substring("/crm/customers/".length());
            try {
                switch (mode.get()) {
                    case STALL -> {
                        awaitRelease();
                        respond(exchange, 200, customer(id));
                    }
                    case FAIL -> respond(exchange, 503, "{\"error\":\"maintenance\"}");
                    default -> respond(exchange, id.startsWith("00000000") ? 404 : 200, customer(id));
                }
            } finally {
                exchange.close();
            }
        });
        crm.start();
        tenant = Tenants.create();
        customersKey = Tenants.keyWithScopes(tenant, "customers:read");
        CrmEvents.connect(tenant, "http://127.0.0.1:" + crm.getAddress().getPort() + "/crm/");
    }

    @AfterEach
    void stopCrm() {
        released.countDown();
        crm.stop(0);
    }

    private void awaitRelease() {
        try {
            released.await(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String customer(String id) {
        return "{\"crm_customer_id\":\"" + id + "\",\"company_name\":\"Ege Döşeme Ltd.\",\"unique_code\":\"EGE-7\","
                + "\"city\":\"İzmir\",\"country\":\"TR\",\"payment_terms\":\"NET45\",\"version\":3}";
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void shouldFetchAndCacheACustomerWithTheConnectionsKey() {
        UUID id = UUID.randomUUID();
        Api.as(customersKey).post("/v1/crm-customers/" + id + "/refresh").then().statusCode(200)
                .body("company_name", equalTo("Ege Döşeme Ltd."))
                .body("city", equalTo("İzmir"))
                .body("version", equalTo(3));
        assertThat(lastAuthorization.get()).isEqualTo("Bearer crm-key-for-" + tenant.organizationId());
        Api.as(customersKey).get("/v1/crm-customers/" + id).then().statusCode(200).body("payment_terms", equalTo("NET45"));
        problem(Api.raw(customersKey).post("/v1/crm-customers/00000000-0000-4000-8000-000000000001/refresh").then(), 404, "not_found");
    }

    @Test
    void shouldAnswer503InsteadOfHangingOnASlowCrm() {
        mode.set(Mode.STALL);
        problem(Api.raw(customersKey).post("/v1/crm-customers/" + UUID.randomUUID() + "/refresh").then(), 503, "crm_unavailable")
                .body("detail", equalTo("The CRM did not answer in time"));
        released.countDown();
    }

    @Test
    void shouldOpenTheBreakerOnAFailingCrmAndCloseItAfterRecovery() {
        mode.set(Mode.FAIL);
        for (int i = 0; i < 2; i++) {
            problem(Api.raw(customersKey).post("/v1/crm-customers/" + UUID.randomUUID() + "/refresh").then(), 503, "crm_unavailable");
        }
        int callsWhenOpen = calls.get();
        problem(Api.raw(customersKey).post("/v1/crm-customers/" + UUID.randomUUID() + "/refresh").then(), 503, "crm_unavailable")
                .body("detail", equalTo("The CRM has been failing; calls are paused for a while"));
        assertThat(calls.get()).isEqualTo(callsWhenOpen);

        mode.set(Mode.ANSWER);
        UUID id = UUID.randomUUID();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                Api.raw(customersKey).post("/v1/crm-customers/" + id + "/refresh").then().statusCode(200));
        Api.as(customersKey).get("/v1/crm-customers/" + id).then().statusCode(200);
    }

    @Test
    void shouldKeepOneOrganizationsFailingCrmFromPausingAnothersLookUps() {
        Tenant unlucky = Tenants.create();
        String unluckyKey = Tenants.keyWithScopes(unlucky, "customers:read");
        CrmEvents.connect(unlucky, "http://127.0.0.1:9/crm/");
        for (int i = 0; i < 2; i++) {
            problem(Api.raw(unluckyKey).post("/v1/crm-customers/" + UUID.randomUUID() + "/refresh").then(), 503, "crm_unavailable");
        }
        problem(Api.raw(unluckyKey).post("/v1/crm-customers/" + UUID.randomUUID() + "/refresh").then(), 503, "crm_unavailable")
                .body("detail", equalTo("The CRM has been failing; calls are paused for a while"));

        UUID id = UUID.randomUUID();
        Api.as(customersKey).post("/v1/crm-customers/" + id + "/refresh").then().statusCode(200)
                .body("crm_customer_id", equalTo(id.toString()));
        assertThat(calls.get()).isEqualTo(1);
        problem(Api.raw(unluckyKey).post("/v1/crm-customers/" + UUID.randomUUID() + "/refresh").then(), 503, "crm_unavailable")
                .body("detail", equalTo("The CRM has been failing; calls are paused for a while"));

        // A connection moved to a working CRM starts with a closed breaker, without waiting for the old one.
        CrmEvents.connect(unlucky, "http://127.0.0.1:" + crm.getAddress().getPort() + "/crm/");
        Api.as(unluckyKey).post("/v1/crm-customers/" + id + "/refresh").then().statusCode(200)
                .body("company_name", equalTo("Ege Döşeme Ltd."));
        assertThat(calls.get()).isEqualTo(2);
    }
}
