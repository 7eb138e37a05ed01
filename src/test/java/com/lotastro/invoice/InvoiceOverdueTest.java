package com.lotastro.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lotastro.support.Api;
import com.lotastro.support.Db;
import com.lotastro.support.EmailDelivery;
import com.lotastro.support.InvoiceFixtures;
import com.lotastro.support.OrderFixtures;
import com.lotastro.support.SmtpServer;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import com.lotastro.support.WebhookEnvelopes;
import com.lotastro.support.WebhookFixtures;
import com.lotastro.support.WebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The invoice-overdue job: an invoice newly past due with a balance is marked once, announced once as
 * {@code invoice.overdue} (delivered as the contract describes it) and accounting is emailed once, however often the
 * job runs; paid, not yet due and other organizations' invoices are left alone.
 */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
class InvoiceOverdueTest {
    @Inject
    DataSource dataSource;

    @Test
    void shouldMarkANewlyOverdueInvoiceOnceAnnounceItOnceAndEmailAccountingOnce() throws Exception {
        Tenant tenant = Tenants.create();
        Tenant other = Tenants.create();
        String customer = InvoiceFixtures.customer(tenant, "Gecikmiş Ödeme Tekstil A.Ş.", "NET30");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            WebhookFixtures.endpoint(tenant, receiver.url(), "invoice.overdue");

            String late = InvoiceFixtures.issued(tenant, customer, "EUR", 100);
            String partlyPaid = InvoiceFixtures.issued(tenant, customer, "EUR", 80);
            String paid = InvoiceFixtures.issued(tenant, customer, "EUR", 40);
            String notDue = InvoiceFixtures.issued(tenant, customer, "EUR", 60);
            String payment = InvoiceFixtures.payment(tenant, customer, "EUR", 70);
            Api.as(tenant.adminKey()).body(Map.of("allocations", List.of(InvoiceFixtures.part(partlyPaid, 30), InvoiceFixtures.part(paid, 40))))
                    .post("/v1/payments/" + payment + "/allocations").then().statusCode(201);
            String otherCustomer = InvoiceFixtures.customer(other, "Başka Firma", "NET30");
            String othersLate = InvoiceFixtures.issued(other, otherCustomer, "EUR", 10);
            for (String id : List.of(late, partlyPaid, paid, othersLate)) {
                Db.update(dataSource, "update invoices set due_date = current_date - 3 where id = ?::uuid", id);
            }

            JsonPath first = trigger(tenant);
            assertThat(first.getString("outcome")).isEqualTo("succeeded");
            assertThat(first.getLong("counts.newly_overdue")).isEqualTo(2);
            assertThat(first.getLong("counts.emails_queued")).isEqualTo(2);
            JsonPath second = trigger(tenant);
            assertThat(second.getLong("counts.newly_overdue")).isZero();
            assertThat(second.getLong("counts.emails_queued")).isZero();

            JsonPath events = OrderFixtures.outbox(tenant, late);
            assertThat(events.getList("data.type")).containsExactly("invoice.issued", "invoice.overdue");
            JsonPath overdue = new JsonPath(events.prettify()).setRootPath("data[1].payload");
            String lateNumber = InvoiceFixtures.invoice(tenant, late).getString("number");
            assertThat(overdue.getString("number")).isEqualTo(lateNumber);
            assertThat(overdue.getString("status")).isEqualTo("issued");
            assertThat(new BigDecimal(overdue.getString("balance"))).isEqualByComparingTo("100");
            assertThat(overdue.getString("due_date")).isEqualTo(LocalDate.now().minusDays(3).toString());
            assertThat(overdue.getLong("days_overdue")).isEqualTo(3);
            assertThat(OrderFixtures.outbox(tenant, partlyPaid).getList("data.type")).containsExactly("invoice.issued", "invoice.overdue");
            assertThat(OrderFixtures.outbox(tenant, paid).getList("data.type")).containsExactly("invoice.issued");
            assertThat(OrderFixtures.outbox(tenant, notDue).getList("data.type")).containsExactly("invoice.issued");
            assertThat(Db.queryLong(dataSource, "select count(*) from audit_events where organization_id = ? and action = 'invoice.overdue'",
                    tenant.organizationId())).isEqualTo(2);

            // Another organization's overdue invoice waits for that organization's run.
            assertThat(OrderFixtures.outbox(other, othersLate).getList("data.type")).containsExactly("invoice.issued");
            assertThat(trigger(other).getLong("counts.newly_overdue")).isEqualTo(1);
            assertThat(OrderFixtures.outbox(other, othersLate).getList("data.type")).containsExactly("invoice.issued", "invoice.overdue");

            JsonPath queued = Api.as(tenant.adminKey()).get("/v1/emails?kind=invoice.overdue").then().statusCode(200).extract().jsonPath();
            assertThat(queued.getList("data")).hasSize(2);
            assertThat(queued.getList("data.recipients.flatten()")).containsOnly("accounting@lotastro.local");
            assertThat(queued.getList("data.body", String.class)).anySatisfy(body -> assertThat(body)
                    .contains("Invoice: " + InvoiceFixtures.invoice(tenant, late).getString("number"), "Customer: Gecikmiş Ödeme Tekstil A.Ş."));

            assertThat(EmailDelivery.deliverAll(tenant)).isGreaterThanOrEqualTo(2);
            assertThat(trigger(tenant).getLong("counts.newly_overdue")).isZero();
            List<SmtpServer.Received> mails = SmtpServer.received("Invoice overdue: " + lateNumber + ",");
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0).recipients()).containsExactly("accounting@lotastro.local");
            // The body travels quoted-printable (the customer's Turkish letters); its ASCII lines read as they are.
            assertThat(mails.get(0).body()).contains("Invoice: " + lateNumber, "Balance due: 100.00 EUR");
            assertThat(Api.as(tenant.adminKey()).get("/v1/emails?kind=invoice.overdue").then().statusCode(200).extract()
                    .jsonPath().getList("data")).hasSize(2);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(receiver.acknowledged()).hasSize(2));
            assertThat(receiver.received()).allSatisfy(r -> {
                assertThat(new JsonPath(r.body()).getString("type")).isEqualTo("invoice.overdue");
                assertThat(WebhookEnvelopes.violations(r.body())).as(r.body()).isEmpty();
            });
            assertThat(receiver.contractViolations()).isEmpty();
        }
    }

    @Test
    void shouldNotMarkAnInvoiceDueToday() throws Exception {
        Tenant tenant = Tenants.create();
        String customer = InvoiceFixtures.customer(tenant, "Bugün Vadeli Ltd", "NET30");
        String dueToday = InvoiceFixtures.issued(tenant, customer, "EUR", 25);
        Db.update(dataSource, "update invoices set due_date = current_date where id = ?::uuid", dueToday);
        assertThat(trigger(tenant).getLong("counts.newly_overdue")).isZero();
        assertThat(OrderFixtures.outbox(tenant, dueToday).getList("data.type")).containsExactly("invoice.issued");
    }

    private static JsonPath trigger(Tenant tenant) {
        return Api.as(tenant.adminKey()).post("/v1/jobs/invoice-overdue/trigger").then().statusCode(201).extract().jsonPath();
    }
}
