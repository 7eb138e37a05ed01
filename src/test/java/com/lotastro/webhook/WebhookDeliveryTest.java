package com.lotastro.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import com.lotastro.support.Api;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import com.lotastro.support.WebhookEnvelopes;
import com.lotastro.support.WebhookFixtures;
import com.lotastro.support.WebhookReceiver;
import com.standardwebhooks.Webhook;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deliveries to a real receiver on loopback, checked with the Standard Webhooks authors' own verifier. */
@QuarkusTest
class WebhookDeliveryTest {
    private WebhookReceiver receiver;
    private Tenant tenant;

    @BeforeEach
    void start() {
        receiver = WebhookReceiver.start();
        tenant = Tenants.create();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void shouldDeliverEachCommittedEventSignedSoTheOfficialLibraryVerifiesIt() throws Exception {
        JsonPath endpoint = WebhookFixtures.endpoint(tenant, receiver.url(), "catalog_item.created");
        String secret = endpoint.getString("secret");
        assertThat(secret).startsWith("whsec_");

        JsonPath item = InventoryFixtures.item(tenant);
        String eventId = Api.as(tenant.adminKey()).get("/v1/outbox-events?aggregate_id=" + item.getString("id"))
                .then().statusCode(200).extract().path("data[0].id");

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.acknowledged().size() == 1);
        WebhookReceiver.Received received = receiver.received().get(0);
        assertThat(received.id()).isEqualTo(eventId);
        assertThatCode(() -> new Webhook(secret).verify(received.body(), received.headers())).doesNotThrowAnyException();
        WebhookEnvelopes.assertMatchesContract(received.body());
        JsonPath envelope = new JsonPath(received.body());
        assertThat(envelope.getString("id")).isEqualTo(eventId);
        assertThat(envelope.getString("type")).isEqualTo("catalog_item.created");
        assertThat(envelope.getString("organization_id")).isEqualTo(tenant.organizationId().toString());
        assertThat(envelope.getString("idempotency_key")).isEqualTo("wms:catalog_item:" + item.getString("id") + ":created:v1");
        assertThat(envelope.getString("data.quality_code")).isEqualTo(item.getString("quality_code"));

        String deliveryId = WebhookFixtures.deliveries(tenant, endpoint.getString("id"), "").getString("data[0].id");
        Api.as(tenant.adminKey()).get("/v1/webhook-deliveries/" + deliveryId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("succeeded"))
                .body("event_id", org.hamcrest.Matchers.equalTo(eventId))
                .body("attempt_log", org.hamcrest.Matchers.hasSize(1))
                .body("attempt_log[0].status_code", org.hamcrest.Matchers.equalTo(200))
                .body("attempt_log[0].response_body", org.hamcrest.Matchers.equalTo("{\"received\":true}"));
    }

    @Test
    void shouldSignWithBothSecretsDuringARotationsOverlap() {
        JsonPath endpoint = WebhookFixtures.endpoint(tenant, receiver.url(), "catalog_item.created");
        String oldSecret = endpoint.getString("secret");
        String newSecret = Api.as(tenant.adminKey()).post("/v1/webhook-endpoints/" + endpoint.getString("id") + "/rotate-secret")
                .then().statusCode(200).extract().path("secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);

        InventoryFixtures.item(tenant);

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.acknowledged().size() == 1);
        WebhookReceiver.Received received = receiver.received().get(0);
        assertThat(received.signature().split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        assertThatCode(() -> new Webhook(newSecret).verify(received.body(), received.headers())).doesNotThrowAnyException();
        assertThatCode(() -> new Webhook(oldSecret).verify(received.body(), received.headers())).doesNotThrowAnyException();
        assertThatCode(() -> new Webhook("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]))
                .verify(received.body(), received.headers())).isInstanceOf(com.standardwebhooks.exceptions.WebhookVerificationException.class);
    }

    @Test
    void shouldOnlyDeliverTheSubscribedTypes() {
        JsonPath endpoint = WebhookFixtures.endpoint(tenant, receiver.url(), "lot.received");
        JsonPath item = InventoryFixtures.item(tenant);
        InventoryFixtures.lot(tenant, item.getString("id"), 10);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.acknowledged().size() == 1);
        assertThat(new JsonPath(receiver.received().get(0).body()).getString("type")).isEqualTo("lot.received");
        assertThat(WebhookFixtures.deliveries(tenant, endpoint.getString("id"), "").getList("data")).hasSize(1);
        List<Map<String, Object>> unused = List.of();
        assertThat(unused).isEmpty();
    }
}
