package com.lotastro.invoice;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.lotastro.support.Api;
import com.lotastro.support.CustomerFixtures;
import com.lotastro.support.InvoiceFixtures;
import com.lotastro.support.PdfText;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The invoice PDF: seller, customer, number, dates, lines, totals and amount due, Turkish letters; tenancy and scope. */
@QuarkusTest
class InvoicePdfTest {
    private Tenant tenant;
    private String customerId;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
        customerId = Api.as(tenant.adminKey())
                .body(Map.of("company_name", "Çağlayan Perde Tekstil Sanayi A.Ş.", "tax_number", "1234567890", "payment_terms", "NET30"))
                .post("/v1/customers").then().statusCode(201).extract().path("id");
        Map<String, Object> address = new HashMap<>(CustomerFixtures.address("Gürsu Organize Sanayi Bölgesi 4. Cadde No 12", "Bursa"));
        address.put("default_billing", true);
        CustomerFixtures.addAddress(tenant, customerId, address);
    }

    private String draftWithQualityAndColor() {
        Map<String, Object> line = new HashMap<>(InvoiceFixtures.line("Saten perde kumaşı, ışık geçirmez", 33.333, 4.75, 12.5, 20));
        line.put("quality_code", "SATEN-220");
        line.put("color_code", "LACİVERT-04");
        Map<String, Object> second = new HashMap<>(InvoiceFixtures.line("Tül, çiçek desenli", 120, 2.4, null, 20));
        second.put("quality_code", "TUL-110");
        second.put("color_code", "EKRU-01");
        return Api.as(tenant.adminKey())
                .body(Map.of("customer_id", customerId, "currency", "EUR", "notes", "Ödeme: IBAN ile, açıklamaya fatura numarası yazınız.",
                        "lines", List.of(line, second)))
                .post("/v1/invoices").then().statusCode(201).extract().path("id");
    }

    private byte[] pdf(Tenant who, String invoiceId) {
        return Api.as(who.adminKey()).accept("application/pdf").get("/v1/invoices/" + invoiceId + "/pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
    }

    @Test
    void anIssuedPartlyPaidInvoiceShowsEverythingWithTurkishLetters() {
        String invoiceId = draftWithQualityAndColor();
        JsonPath issued = InvoiceFixtures.issue(tenant, invoiceId);
        String paymentId = InvoiceFixtures.payment(tenant, customerId, "EUR", 100);
        Api.as(tenant.adminKey()).body(Map.of("allocations", List.of(InvoiceFixtures.part(invoiceId, 100))))
                .post("/v1/payments/" + paymentId + "/allocations").then().statusCode(201);
        JsonPath invoice = InvoiceFixtures.invoice(tenant, invoiceId);

        byte[] bytes = pdf(tenant, invoiceId);
        String text = PdfText.of(bytes);

        assertThat(text).contains("Invoice " + issued.getString("number"))
                .contains("LotAstro Tekstil A.Ş.", "Organize Sanayi Bölgesi, Bursa, Türkiye", "Nilüfer")
                .contains("Çağlayan Perde Tekstil Sanayi A.Ş.", "1234567890", "Gürsu Organize Sanayi Bölgesi 4. Cadde No 12", "Bursa")
                .contains(invoice.getString("issue_date"), invoice.getString("due_date"))
                .contains("SATEN-220", "LACİVERT-04", "TUL-110", "EKRU-01")
                .contains("33.333 m", "4.75", "12.5", "120 m", "2.4")
                .contains(money(invoice, "lines[0].net_amount"), money(invoice, "lines[0].tax_amount"), money(invoice, "lines[0].gross_amount"))
                .contains("Net total: " + money(invoice, "net_total") + " EUR")
                .contains("Tax total: " + money(invoice, "tax_total") + " EUR")
                .contains("Gross total: " + money(invoice, "gross_total") + " EUR")
                .contains("Paid: 100.00 EUR")
                .contains("Amount due: " + money(invoice, "balance") + " EUR")
                .contains("Ödeme: IBAN ile");
        // 33.333 m × 4.75 = 158.33175, less 12.5 % = 138.54028 → 138.54; 20 % tax = 27.708 → 27.71; 120 m × 2.40 = 288.00.
        assertThat(text).contains("138.54", "27.71", "166.25", "288.00", "57.60", "345.60");
        assertThat(invoice.getString("balance")).isNotEqualTo(invoice.getString("gross_total"));
        assertThat(PdfText.fontsOfFirstPage(bytes)).allMatch(font -> font.endsWith("(embedded)"));
    }

    @Test
    void aDraftIsRenderedAsADraftWithoutANumber() {
        String text = PdfText.of(pdf(tenant, draftWithQualityAndColor()));
        assertThat(text).contains("Invoice (draft)", "Number: -", "Çağlayan Perde Tekstil Sanayi A.Ş.");
    }

    @Test
    void anotherOrganizationOrAKeyWithoutTheScopeGetsNoPdf() {
        String invoiceId = draftWithQualityAndColor();
        Tenant other = Tenants.create();
        problem(Api.raw(other.adminKey()).accept("application/pdf, application/problem+json").get("/v1/invoices/" + invoiceId + "/pdf").then(),
                404, "not_found");
        String paymentsOnly = Tenants.keyWithScopes(tenant, "payments:read");
        problem(Api.raw(paymentsOnly).accept("application/pdf, application/problem+json").get("/v1/invoices/" + invoiceId + "/pdf").then(),
                403, "insufficient_scope");
    }

    private static String money(JsonPath json, String path) {
        return new java.math.BigDecimal(json.getString(path)).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
