package com.lotastro.invoice;

import static com.lotastro.support.InvoiceFixtures.money;
import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.lotastro.support.Api;
import com.lotastro.support.Concurrently;
import com.lotastro.support.Db;
import com.lotastro.support.InvoiceFixtures;
import com.lotastro.support.OrderFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Payments, their allocations to invoices under concurrency, unreconciling, and credit notes. */
@QuarkusTest
class PaymentsTest {
    @Inject
    DataSource dataSource;

    private Tenant tenant;
    private String customerId;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
        customerId = InvoiceFixtures.customer(tenant, "Bursa Perde A.Ş.", "NET30");
    }

    private io.restassured.response.ValidatableResponse allocate(String paymentId, List<Map<String, Object>> parts) {
        return Api.as(tenant.adminKey()).body(Map.of("allocations", parts)).post("/v1/payments/" + paymentId + "/allocations").then();
    }

    @Test
    void shouldNeverOverpayAnInvoiceWhenTwoPaymentsAreAllocatedAtOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            String invoice = InvoiceFixtures.issued(tenant, customerId, "EUR", 100);
            String first = InvoiceFixtures.payment(tenant, customerId, "EUR", 80);
            String second = InvoiceFixtures.payment(tenant, customerId, "EUR", 80);
            List<Integer> statuses = Concurrently.run(2, i -> Api.as(tenant.adminKey())
                    .body(Map.of("allocations", List.of(InvoiceFixtures.part(invoice, 80))))
                    .post("/v1/payments/" + (i == 0 ? first : second) + "/allocations").then().extract().statusCode());
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            JsonPath after = InvoiceFixtures.invoice(tenant, invoice);
            assertThat(money(after, "paid_total")).isEqualByComparingTo("80.00");
            assertThat(money(after, "balance")).isEqualByComparingTo("20.00");
            assertThat(after.getString("status")).isEqualTo("partially_paid");
            assertThat(after.getList("allocations")).hasSize(1);
        }
        // One payment raced against itself never allocates more than its amount.
        String a = InvoiceFixtures.issued(tenant, customerId, "EUR", 60);
        String b = InvoiceFixtures.issued(tenant, customerId, "EUR", 60);
        String payment = InvoiceFixtures.payment(tenant, customerId, "EUR", 60);
        List<Integer> statuses = Concurrently.run(2, i -> allocate(payment, List.of(InvoiceFixtures.part(i == 0 ? a : b, 60)))
                .extract().statusCode());
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(money(InvoiceFixtures.paymentJson(tenant, payment), "unallocated_amount")).isEqualByComparingTo("0");
    }

    @Test
    void shouldSplitOnePaymentOverThreeInvoicesAndUnreconcileOne() throws Exception {
        String first = InvoiceFixtures.issued(tenant, customerId, "EUR", 100);
        String second = InvoiceFixtures.issued(tenant, customerId, "EUR", 50);
        String third = InvoiceFixtures.issued(tenant, customerId, "EUR", 30);
        String payment = InvoiceFixtures.payment(tenant, customerId, "EUR", 200);
        JsonPath allocated = allocate(payment, List.of(InvoiceFixtures.part(first, 100), InvoiceFixtures.part(second, 50),
                InvoiceFixtures.part(third, 20))).statusCode(201).extract().jsonPath();
        assertThat(money(allocated, "allocated_amount")).isEqualByComparingTo("170.00");
        assertThat(money(allocated, "unallocated_amount")).isEqualByComparingTo("30.00");
        assertThat(allocated.getList("allocations")).hasSize(3);
        assertThat(InvoiceFixtures.invoice(tenant, first).getString("status")).isEqualTo("paid");
        assertThat(InvoiceFixtures.invoice(tenant, second).getString("status")).isEqualTo("paid");
        JsonPath partly = InvoiceFixtures.invoice(tenant, third);
        assertThat(partly.getString("status")).isEqualTo("partially_paid");
        assertThat(money(partly, "balance")).isEqualByComparingTo("10.00");
        JsonPath events = OrderFixtures.outbox(tenant, payment);
        assertThat(events.getList("data.type")).containsExactly("payment.received", "payment.received", "payment.received");
        assertThat(events.getList("data.payload.invoice_status")).containsExactly("paid", "paid", "partially_paid");

        // More than is left of the payment, or than an invoice's balance: nothing changes.
        problem(allocate(payment, List.of(InvoiceFixtures.part(third, 10.01))), 409, "allocation_exceeds_balance");
        String fourth = InvoiceFixtures.issued(tenant, customerId, "EUR", 100);
        problem(allocate(payment, List.of(InvoiceFixtures.part(fourth, 31))), 409, "allocation_exceeds_balance");
        assertThat(money(InvoiceFixtures.paymentJson(tenant, payment), "unallocated_amount")).isEqualByComparingTo("30.00");

        String allocation = allocated.getString("allocations.find { it.invoice_id == '" + first + "' }.id");
        JsonPath after = Api.as(tenant.adminKey()).header("X-Actor", "muhasebe-elif").delete("/v1/payments/" + payment + "/allocations/"
                + allocation).then().statusCode(200).extract().jsonPath();
        assertThat(money(after, "unallocated_amount")).isEqualByComparingTo("130.00");
        assertThat(after.getList("allocations")).hasSize(2);
        JsonPath restored = InvoiceFixtures.invoice(tenant, first);
        assertThat(restored.getString("status")).isEqualTo("issued");
        assertThat(money(restored, "balance")).isEqualByComparingTo("100.00");
        assertThat(restored.getList("allocations")).isEmpty();
        assertThat(Db.queryString(dataSource, "select actor from audit_events where organization_id = ? and action = 'payment.unreconciled'",
                tenant.organizationId())).isEqualTo("muhasebe-elif");
        problem(Api.as(tenant.adminKey()).delete("/v1/payments/" + payment + "/allocations/" + allocation).then(), 404, "not_found");
        // The invoice with its payment gone can be voided again.
        Api.as(tenant.adminKey()).body(Map.of("reason", "Duplicate")).post("/v1/invoices/" + first + "/void").then().statusCode(200);
        problem(Api.as(tenant.adminKey()).body(Map.of("reason", "Duplicate")).post("/v1/invoices/" + second + "/void").then(), 409,
                "invalid_transition");
    }

    @Test
    void shouldRefuseAnotherCurrencyOrCustomerOrADraft() {
        String inTry = InvoiceFixtures.issued(tenant, customerId, "TRY", 100);
        String otherCustomer = InvoiceFixtures.customer(tenant, "Başka Tekstil", "NET30");
        String theirs = InvoiceFixtures.issued(tenant, otherCustomer, "EUR", 100);
        String draft = InvoiceFixtures.draft(tenant, customerId, "EUR", 100).getString("id");
        String eur = InvoiceFixtures.payment(tenant, customerId, "EUR", 100);
        problem(allocate(eur, List.of(InvoiceFixtures.part(inTry, 10))), 422, "currency_mismatch");
        problem(allocate(eur, List.of(InvoiceFixtures.part(theirs, 10))), 422, "customer_mismatch");
        problem(allocate(eur, List.of(InvoiceFixtures.part(draft, 10))), 409, "invalid_transition");
        problem(allocate(eur, List.of(InvoiceFixtures.part(theirs, 10), InvoiceFixtures.part(theirs, 5))), 422, "validation_failed");
        assertThat(money(InvoiceFixtures.paymentJson(tenant, eur), "allocated_amount")).isEqualByComparingTo("0");
        Api.as(tenant.adminKey()).get("/v1/payments?currency=EUR&customer_id=" + customerId).then().body("data", hasSize(1));
        Api.as(tenant.adminKey()).get("/v1/payments?currency=TRY").then().body("data", hasSize(0));
    }

    @Test
    void shouldCreditAnInvoiceInItsOwnSeriesAndGiveAnOverpaymentBackToThePayment() {
        String invoice = InvoiceFixtures.issued(tenant, customerId, "EUR", 100);
        String payment = InvoiceFixtures.payment(tenant, customerId, "EUR", 100);
        allocate(payment, List.of(InvoiceFixtures.part(invoice, 100))).statusCode(201);

        JsonPath credited = Api.as(tenant.adminKey()).body(Map.of("reason", "Two meters stained", "amount", 25, "tax_rate", 0))
                .post("/v1/invoices/" + invoice + "/credit-notes").then().statusCode(201).extract().jsonPath();
        int year = java.time.LocalDate.parse(credited.getString("issue_date")).getYear();
        assertThat(credited.getString("credit_notes[0].number")).isEqualTo(String.format("CN-%d-000001", year));
        assertThat(money(credited, "credit_notes[0].gross_total")).isEqualByComparingTo("25.00");
        assertThat(money(credited, "credit_notes[0].refunded_to_payments")).isEqualByComparingTo("25.00");
        assertThat(money(credited, "credited_total")).isEqualByComparingTo("25.00");
        assertThat(money(credited, "paid_total")).isEqualByComparingTo("75.00");
        assertThat(money(credited, "balance")).isEqualByComparingTo("0");
        assertThat(credited.getString("status")).isEqualTo("paid");
        assertThat(money(InvoiceFixtures.paymentJson(tenant, payment), "unallocated_amount")).isEqualByComparingTo("25.00");

        problem(Api.as(tenant.adminKey()).body(Map.of("reason", "Too much", "lines", List.of(Map.of("net_amount", 80, "tax_rate", 0))))
                .post("/v1/invoices/" + invoice + "/credit-notes").then(), 422, "credit_exceeds_invoice");
        problem(Api.as(tenant.adminKey()).body(Map.of("reason", "Both", "amount", 1, "lines", List.of(Map.of("net_amount", 1))))
                .post("/v1/invoices/" + invoice + "/credit-notes").then(), 422, "validation_failed");

        // An unpaid invoice: the credit note (20 % tax by default) just lowers the balance.
        String open = InvoiceFixtures.issued(tenant, customerId, "EUR", 120);
        JsonPath lowered = Api.as(tenant.adminKey()).body(Map.of("reason", "Price agreed after delivery",
                        "lines", List.of(Map.of("description", "Discount", "net_amount", 10))))
                .post("/v1/invoices/" + open + "/credit-notes").then().statusCode(201).extract().jsonPath();
        assertThat(lowered.getString("credit_notes[0].number")).isEqualTo(String.format("CN-%d-000002", year));
        assertThat(money(lowered, "credit_notes[0].gross_total")).isEqualByComparingTo("12.00");
        assertThat(money(lowered, "balance")).isEqualByComparingTo("108.00");
        assertThat(lowered.getString("status")).isEqualTo("issued");
        String draft = InvoiceFixtures.draft(tenant, customerId, "EUR", 10).getString("id");
        problem(Api.as(tenant.adminKey()).body(Map.of("reason", "x", "amount", 1)).post("/v1/invoices/" + draft + "/credit-notes").then(),
                409, "invalid_transition");
        assertThat(OrderFixtures.outbox(tenant, lowered.getString("credit_notes[0].id")).getList("data.type"))
                .containsExactly("credit_note.issued");
    }
}
