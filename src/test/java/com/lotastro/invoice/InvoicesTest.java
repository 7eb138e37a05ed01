package com.lotastro.invoice;

import static com.lotastro.support.InvoiceFixtures.money;
import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Invoices: drafts from orders and by hand, line edits, gap-free numbers, voiding, overdue, tenancy. */
@QuarkusTest
class InvoicesTest {
    @Inject
    DataSource dataSource;

    private Tenant tenant;
    private String customerId;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
        customerId = InvoiceFixtures.customer(tenant, "Bursa Perde A.Ş.", "NET30");
    }

    @Test
    void shouldDraftAnInvoiceFromAFulfilledOrderAtTheDealPriceAndIssueItWithItsTerms() {
        JsonPath order = InvoiceFixtures.pricedFulfilledOrder(tenant, 52.5, 4.75, "EUR");
        JsonPath draft = Api.as(tenant.adminKey()).body(Map.of("customer_id", customerId))
                .post("/v1/orders/" + order.getString("id") + "/invoice").then().statusCode(201).extract().jsonPath();
        assertThat(draft.getString("status")).isEqualTo("draft");
        assertThat(draft.getString("number")).isNull();
        assertThat(draft.getString("currency")).isEqualTo("EUR");
        assertThat(draft.getString("po_number")).isEqualTo(order.getString("po_number"));
        assertThat(money(draft, "lines[0].quantity")).isEqualByComparingTo("52.5");
        assertThat(money(draft, "lines[0].unit_price")).isEqualByComparingTo("4.75");
        assertThat(draft.getString("lines[0].price_source")).isEqualTo("crm_deal_line");
        assertThat(draft.getString("lines[0].crm_deal_line_id")).isNotNull();
        assertThat(money(draft, "lines[0].tax_rate")).isEqualByComparingTo("20");
        // 52.5 × 4.75 = 249.375 → 249.38; 20 % of 249.38 = 49.876 → 49.88; 299.26.
        assertThat(money(draft, "net_total")).isEqualByComparingTo("249.38");
        assertThat(money(draft, "tax_total")).isEqualByComparingTo("49.88");
        assertThat(money(draft, "gross_total")).isEqualByComparingTo("299.26");
        problem(Api.as(tenant.adminKey()).body(Map.of("customer_id", customerId)).post("/v1/orders/" + order.getString("id") + "/invoice")
                .then(), 409, "order_already_invoiced");

        JsonPath issued = Api.as(tenant.adminKey()).body(Map.of()).post("/v1/invoices/" + draft.getString("id") + "/issue")
                .then().statusCode(200).extract().jsonPath();
        LocalDate issueDate = LocalDate.parse(issued.getString("issue_date"));
        assertThat(issued.getString("status")).isEqualTo("issued");
        assertThat(issued.getString("number")).isEqualTo(String.format("INV-%d-000001", issueDate.getYear()));
        assertThat(issued.getString("due_date")).isEqualTo(issueDate.plusDays(30).toString());
        JsonPath events = OrderFixtures.outbox(tenant, draft.getString("id"));
        assertThat(events.getList("data.type")).containsExactly("invoice.issued");
        assertThat(events.getString("data[0].payload.number")).isEqualTo(issued.getString("number"));
        problem(Api.as(tenant.adminKey()).header("If-Match", "\"" + issued.getLong("version") + "\"").body(Map.of("quantity", 1))
                .patch("/v1/invoices/" + draft.getString("id") + "/lines/" + draft.getString("lines[0].id")).then(), 409, "invalid_transition");
        problem(Api.as(tenant.adminKey()).body(Map.of()).post("/v1/invoices/" + draft.getString("id") + "/issue").then(), 409,
                "invalid_transition");
    }

    @Test
    void shouldRefuseAnOrderWhoseDealLineHasNoPriceNamingTheLine() {
        JsonPath order = InvoiceFixtures.pricedFulfilledOrder(tenant, 20, null, null);
        String dealLine = OrderFixtures.order(tenant, order.getString("id")).getString("lines[0].crm_deal_line_id");
        problem(Api.as(tenant.adminKey()).body(Map.of("customer_id", customerId)).post("/v1/orders/" + order.getString("id") + "/invoice")
                .then(), 422, "price_missing")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("lines[0]"))
                .body("errors[0].message", containsString(dealLine));
        Api.as(tenant.adminKey()).get("/v1/invoices").then().body("data", hasSize(0));
    }

    @Test
    void shouldRoundTheIssueExampleAndEditADraftLineWithIfMatch() {
        JsonPath draft = Api.as(tenant.adminKey())
                .body(Map.of("customer_id", customerId, "currency", "EUR",
                        "lines", List.of(InvoiceFixtures.line("SATEN-220 NAVY-04", 33.333, 4.75, 12.5, 20))))
                .post("/v1/invoices").then().statusCode(201).extract().jsonPath();
        // By hand: 33.333 × 4.75 = 158.33175, less 12.5 % (19.79146875) = 138.54028125 → 138.54; tax 27.708 → 27.71.
        assertThat(money(draft, "net_total")).isEqualByComparingTo("138.54");
        assertThat(money(draft, "tax_total")).isEqualByComparingTo("27.71");
        assertThat(money(draft, "gross_total")).isEqualByComparingTo("166.25");
        assertThat(draft.getString("lines[0].price_source")).isEqualTo("manual");
        String line = "/v1/invoices/" + draft.getString("id") + "/lines/" + draft.getString("lines[0].id");

        problem(Api.raw(tenant.adminKey()).body(Map.of("discount_percent", 0)).patch(line).then(), 428, "precondition_required");
        problem(Api.as(tenant.adminKey()).header("If-Match", "\"7\"").body(Map.of("discount_percent", 0)).patch(line).then(), 412,
                "stale_version");
        JsonPath edited = Api.as(tenant.adminKey()).header("If-Match", "\"0\"").body(Map.of("discount_percent", 0)).patch(line)
                .then().statusCode(200).header("ETag", "\"1\"").extract().jsonPath();
        // 158.33175 → 158.33; tax 31.666 → 31.67.
        assertThat(money(edited, "net_total")).isEqualByComparingTo("158.33");
        assertThat(money(edited, "gross_total")).isEqualByComparingTo("190.00");
        problem(Api.as(tenant.adminKey()).body(Map.of("customer_id", customerId, "currency", "XQZ",
                "lines", List.of(InvoiceFixtures.line("x", 1, 1, null, null)))).post("/v1/invoices").then(), 422, "validation_failed");
    }

    @Test
    void shouldNumberFiftyConcurrentIssuesWithoutGapsAndKeepAVoidedNumber() throws Exception {
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            drafts.add(InvoiceFixtures.draft(tenant, customerId, "TRY", 10 + i).getString("id"));
        }
        String due = LocalDate.now().plusDays(10).toString();
        List<String> numbers = Concurrently.run(50, i -> Api.as(tenant.adminKey()).body(Map.of("due_date", due))
                .post("/v1/invoices/" + drafts.get(i) + "/issue").then().statusCode(200).extract().<String>path("number"));
        int year = LocalDate.parse(InvoiceFixtures.invoice(tenant, drafts.get(0)).getString("issue_date")).getYear();
        List<String> expected = IntStream.rangeClosed(1, 50).mapToObj(n -> String.format("INV-%d-%06d", year, n)).toList();
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);

        JsonPath voided = Api.as(tenant.adminKey()).body(Map.of("reason", "Issued to the wrong customer"))
                .post("/v1/invoices/" + drafts.get(0) + "/void").then().statusCode(200).extract().jsonPath();
        assertThat(voided.getString("status")).isEqualTo("void");
        assertThat(voided.getString("number")).isEqualTo(numbers.get(0));
        assertThat(OrderFixtures.outbox(tenant, drafts.get(0)).getList("data.type")).containsExactly("invoice.issued", "invoice.voided");
        String next = InvoiceFixtures.issue(tenant, InvoiceFixtures.draft(tenant, customerId, "TRY", 5).getString("id")).getString("number");
        assertThat(next).isEqualTo(String.format("INV-%d-000051", year));
        problem(Api.as(tenant.adminKey()).body(Map.of("reason", "again")).post("/v1/invoices/" + drafts.get(0) + "/void").then(), 409,
                "invalid_transition");
        String draftToVoid = InvoiceFixtures.draft(tenant, customerId, "TRY", 5).getString("id");
        Api.as(tenant.adminKey()).body(Map.of("reason", "Not needed")).post("/v1/invoices/" + draftToVoid + "/void").then().statusCode(200)
                .body("status", equalTo("void"));
        assertThat(Db.queryLong(dataSource, "select last_number from number_series where organization_id = ? and series = 'INV'",
                tenant.organizationId())).isEqualTo(51);
    }

    @Test
    void shouldListOverdueInvoicesAndFilter() throws Exception {
        String late = InvoiceFixtures.issued(tenant, customerId, "EUR", 100);
        String onTime = InvoiceFixtures.issued(tenant, customerId, "EUR", 50);
        Db.update(dataSource, "update invoices set due_date = current_date - 3 where id = ?::uuid", late);
        Api.as(tenant.adminKey()).get("/v1/invoices?overdue=true").then().statusCode(200)
                .body("data.id", org.hamcrest.Matchers.contains(late)).body("data[0].overdue", equalTo(true));
        Api.as(tenant.adminKey()).get("/v1/invoices?overdue=false").then().body("data.id", org.hamcrest.Matchers.contains(onTime));
        String payment = InvoiceFixtures.payment(tenant, customerId, "EUR", 100);
        Api.as(tenant.adminKey()).body(Map.of("allocations", List.of(InvoiceFixtures.part(late, 100)))).post("/v1/payments/" + payment
                + "/allocations").then().statusCode(201);
        Api.as(tenant.adminKey()).get("/v1/invoices?overdue=true").then().body("data", hasSize(0));
        String number = InvoiceFixtures.invoice(tenant, onTime).getString("number");
        Api.as(tenant.adminKey()).get("/v1/invoices?number=" + number).then().body("data.id", org.hamcrest.Matchers.contains(onTime));
        Api.as(tenant.adminKey()).get("/v1/invoices?status=paid").then().body("data.id", org.hamcrest.Matchers.contains(late));
        String due = InvoiceFixtures.invoice(tenant, onTime).getString("due_date");
        Api.as(tenant.adminKey()).get("/v1/invoices?due_from=" + due + "&due_to=" + due).then()
                .body("data.id", org.hamcrest.Matchers.contains(onTime));
        Api.as(tenant.adminKey()).get("/v1/invoices?limit=1").then().body("data", hasSize(1))
                .body("next_cursor", org.hamcrest.Matchers.notNullValue());
        String other = InvoiceFixtures.customer(tenant, "Başka Tekstil", null);
        Api.as(tenant.adminKey()).get("/v1/invoices?customer_id=" + other).then().body("data", hasSize(0));
    }

    @Test
    void shouldAskForADueDateWhenTheTermsGiveNone() {
        String noTerms = InvoiceFixtures.customer(tenant, "Vadesiz Ltd", null);
        String id = InvoiceFixtures.draft(tenant, noTerms, "EUR", 10).getString("id");
        problem(Api.as(tenant.adminKey()).body(Map.of()).post("/v1/invoices/" + id + "/issue").then(), 422, "validation_failed")
                .body("errors[0].field", equalTo("due_date"));
        problem(Api.as(tenant.adminKey()).body(Map.of("due_date", LocalDate.now().minusDays(1).toString()))
                .post("/v1/invoices/" + id + "/issue").then(), 422, "validation_failed");
        assertThat(InvoiceFixtures.invoice(tenant, id).getString("status")).isEqualTo("draft");
    }

    @Test
    void shouldReplayACreatingPostWithTheSameIdempotencyKey() {
        Map<String, Object> body = Map.of("customer_id", customerId, "currency", "EUR", "lines", List.of(InvoiceFixtures.line("x", 2, 3, null, 0)));
        String first = Api.as(tenant.adminKey()).header("Idempotency-Key", "inv-1").body(body).post("/v1/invoices").then().statusCode(201)
                .extract().path("id");
        Api.as(tenant.adminKey()).header("Idempotency-Key", "inv-1").body(body).post("/v1/invoices").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        Api.as(tenant.adminKey()).get("/v1/invoices").then().body("data", hasSize(1));
        Map<String, Object> pay = Map.of("customer_id", customerId, "method", "cash", "amount", 6, "currency", "EUR", "received_on",
                LocalDate.now().toString());
        String payment = Api.as(tenant.adminKey()).header("Idempotency-Key", "pay-1").body(pay).post("/v1/payments").then().statusCode(201)
                .extract().path("id");
        Api.as(tenant.adminKey()).header("Idempotency-Key", "pay-1").body(pay).post("/v1/payments").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(payment));
        String invoice = InvoiceFixtures.issue(tenant, first).getString("id");
        Map<String, Object> allocation = Map.of("allocations", List.of(InvoiceFixtures.part(invoice, 6)));
        Api.as(tenant.adminKey()).header("Idempotency-Key", "alloc-1").body(allocation).post("/v1/payments/" + payment + "/allocations")
                .then().statusCode(201);
        Api.as(tenant.adminKey()).header("Idempotency-Key", "alloc-1").body(allocation).post("/v1/payments/" + payment + "/allocations")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("allocations", hasSize(1));
        assertThat(InvoiceFixtures.invoice(tenant, invoice).getString("status")).isEqualTo("paid");
    }

    @Test
    void shouldKeepInvoicesAndPaymentsToTheirOrganization() {
        JsonPath order = InvoiceFixtures.pricedFulfilledOrder(tenant, 10, 2.5, "EUR");
        JsonPath draft = Api.as(tenant.adminKey()).body(Map.of("customer_id", customerId))
                .post("/v1/orders/" + order.getString("id") + "/invoice").then().statusCode(201).extract().jsonPath();
        String id = draft.getString("id");
        String issuedId = InvoiceFixtures.issued(tenant, customerId, "EUR", 40);
        String payment = InvoiceFixtures.payment(tenant, customerId, "EUR", 40);
        String allocation = Api.as(tenant.adminKey()).body(Map.of("allocations", List.of(InvoiceFixtures.part(issuedId, 10))))
                .post("/v1/payments/" + payment + "/allocations").then().statusCode(201).extract().path("allocations[0].id");

        Tenant other = Tenants.create();
        String key = other.adminKey();
        String theirCustomer = InvoiceFixtures.customer(other, "Other A.Ş.", "NET30");
        problem(Api.as(key).get("/v1/invoices/" + id).then(), 404, "not_found");
        problem(Api.as(key).body(Map.of("customer_id", theirCustomer)).post("/v1/orders/" + order.getString("id") + "/invoice").then(), 404,
                "not_found");
        problem(Api.as(key).header("If-Match", "\"0\"").body(Map.of("quantity", 1))
                .patch("/v1/invoices/" + id + "/lines/" + draft.getString("lines[0].id")).then(), 404, "not_found");
        problem(Api.as(key).body(Map.of()).post("/v1/invoices/" + id + "/issue").then(), 404, "not_found");
        problem(Api.as(key).body(Map.of("reason", "x")).post("/v1/invoices/" + id + "/void").then(), 404, "not_found");
        problem(Api.as(key).body(Map.of("reason", "x", "amount", 1)).post("/v1/invoices/" + issuedId + "/credit-notes").then(), 404,
                "not_found");
        problem(Api.as(key).body(Map.of("customer_id", customerId, "currency", "EUR", "lines", List.of(InvoiceFixtures.line("x", 1, 1, null, 0))))
                .post("/v1/invoices").then(), 422, "validation_failed");
        problem(Api.as(key).get("/v1/payments/" + payment).then(), 404, "not_found");
        problem(Api.as(key).body(Map.of("allocations", List.of(InvoiceFixtures.part(issuedId, 1)))).post("/v1/payments/" + payment + "/allocations")
                .then(), 404, "not_found");
        problem(Api.as(key).delete("/v1/payments/" + payment + "/allocations/" + allocation).then(), 404, "not_found");
        problem(Api.as(key).body(Map.of("customer_id", customerId, "method", "cash", "amount", 1, "currency", "EUR",
                "received_on", LocalDate.now().toString())).post("/v1/payments").then(), 422, "validation_failed");
        String theirPayment = InvoiceFixtures.payment(other, theirCustomer, "EUR", 5);
        problem(Api.as(key).body(Map.of("allocations", List.of(InvoiceFixtures.part(issuedId, 1)))).post("/v1/payments/" + theirPayment
                + "/allocations").then(), 422, "validation_failed");
        Api.as(key).get("/v1/invoices").then().body("data", hasSize(0));
        Api.as(key).get("/v1/payments").then().body("data.id", org.hamcrest.Matchers.contains(theirPayment));
        assertThat(InvoiceFixtures.invoice(tenant, issuedId).getString("status")).isEqualTo("partially_paid");

        String reader = Tenants.keyWithScopes(tenant, "invoices:read", "payments:read");
        Api.as(reader).get("/v1/invoices/" + id).then().statusCode(200);
        Api.as(reader).get("/v1/payments/" + payment).then().statusCode(200);
        problem(Api.as(reader).body(Map.of()).post("/v1/invoices/" + id + "/issue").then(), 403, "insufficient_scope");
        problem(Api.as(reader).delete("/v1/payments/" + payment + "/allocations/" + allocation).then(), 403, "insufficient_scope");
    }
}
