package com.lotastro.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lotastro.support.Api;
import com.lotastro.support.InvoiceFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import com.lotastro.support.WebhookEnvelopes;
import com.lotastro.support.WebhookFixtures;
import com.lotastro.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The invoicing and payment events as receivers get them: one endpoint subscribed to every type follows an invoice
 * from draft to credit note, a payment allocated and unreconciled, a voided draft, a receipt and a payment provider,
 * and every envelope it receives matches the contract's schema for its type, {@code data} included.
 */
@QuarkusTest
class InvoiceEventsCatalogTest {
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void shouldDeliverEveryInvoiceAndPaymentEventAsTheContractDescribesIt() {
        Tenant tenant = Tenants.create();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            WebhookFixtures.endpoint(tenant, receiver.url());

            String customerId = InvoiceFixtures.customer(tenant, "Bursa Perde A.Ş.", "NET30");
            String invoice = InvoiceFixtures.issued(tenant, customerId, "EUR", 100);
            String payment = InvoiceFixtures.payment(tenant, customerId, "EUR", 100);
            JsonPath allocated = Api.as(tenant.adminKey()).body(Map.of("allocations", List.of(InvoiceFixtures.part(invoice, 100))))
                    .post("/v1/payments/" + payment + "/allocations").then().statusCode(201).extract().jsonPath();
            Api.as(tenant.adminKey()).body(Map.of("reason", "Two meters stained", "amount", 25, "tax_rate", 0))
                    .post("/v1/invoices/" + invoice + "/credit-notes").then().statusCode(201);
            Api.as(tenant.adminKey()).delete("/v1/payments/" + payment + "/allocations/" + allocated.getString("allocations[0].id"))
                    .then().statusCode(200);
            String draft = InvoiceFixtures.draft(tenant, customerId, "EUR", 40).getString("id");
            Api.as(tenant.adminKey()).body(Map.of("reason", "Duplicate")).post("/v1/invoices/" + draft + "/void").then().statusCode(200);
            Api.raw().header("Authorization", "Bearer " + tenant.adminKey()).multiPart("file", "dekont.pdf", PDF, "application/pdf")
                    .post("/v1/payments/" + payment + "/receipt").then().statusCode(200);
            Api.as(tenant.adminKey()).body(Map.of("enabled", true)).put("/v1/payment-providers/iyzico").then().statusCode(200);

            Set<String> expected = new TreeSet<>(List.of("invoice.issued", "invoice.voided", "credit_note.issued",
                    "payment.received", "payment.unreconciled", "payment.receipt_attached", "payment_provider.updated"));
            assertThat(WebhookEnvelopes.documentedTypes()).containsAll(expected);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(types(receiver.acknowledged())).containsAll(expected));

            List<WebhookReceiver.Received> received = receiver.received();
            assertThat(received).allSatisfy(r -> assertThat(WebhookEnvelopes.violations(r.body())).as(r.body()).isEmpty());
            assertThat(receiver.contractViolations()).isEmpty();

            // The voided draft never had a number: the contract lets it be null, and the body says so.
            JsonPath voided = new JsonPath(body(received, "invoice.voided"));
            assertThat(voided.getString("data.number")).isNull();
            assertThat(voided.getString("data.void_reason")).isEqualTo("Duplicate");
            assertThat(new JsonPath(body(received, "payment_provider.updated")).getString("data.code")).isEqualTo("iyzico");

            // The check bites: a missing required field, a string where a number belongs, or an unknown method fails.
            String issued = body(received, "invoice.issued");
            assertThat(WebhookEnvelopes.violations(issued.replace("\"due_date\"", "\"due_on\""))).isNotEmpty();
            String paid = body(received, "payment.received");
            String amountAsText = paid.replaceFirst("\"amount\":\\s*(-?[0-9.]+)", "\"amount\": \"$1\"");
            String unknownMethod = paid.replaceFirst("\"method\":\\s*\"bank_transfer\"", "\"method\": \"barter\"");
            assertThat(List.of(amountAsText, unknownMethod)).doesNotContain(paid)
                    .allSatisfy(changed -> assertThat(WebhookEnvelopes.violations(changed)).isNotEmpty());
        }
    }

    private static String body(List<WebhookReceiver.Received> received, String type) {
        return received.stream().map(WebhookReceiver.Received::body).filter(body -> type.equals(new JsonPath(body).getString("type")))
                .findFirst().orElseThrow();
    }

    private static Set<String> types(List<WebhookReceiver.Received> received) {
        return received.stream().map(r -> new JsonPath(r.body()).getString("type")).collect(Collectors.toCollection(TreeSet::new));
    }
}
