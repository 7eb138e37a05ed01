package com.lotastro.invoice;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.lotastro.support.Api;
import com.lotastro.support.CustomerFixtures;
import com.lotastro.support.PaymentFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Receipts of payments: recognised by content, size-limited, kept with their checksum, streamed back; tenancy. */
@QuarkusTest
class PaymentReceiptsTest {
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};

    private Tenant tenant;
    private String paymentId;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
        String customerId = CustomerFixtures.customer(tenant, "Bursa Perde A.Ş.").getString("id");
        paymentId = PaymentFixtures.payment(tenant, customerId, 250.00).getString("id");
    }

    private ValidatableResponse upload(Tenant who, String payment, byte[] bytes, String fileName, String declaredType) {
        return Api.raw().header("Authorization", "Bearer " + who.adminKey())
                .multiPart("file", fileName, bytes, declaredType)
                .post("/v1/payments/" + payment + "/receipt").then();
    }

    private byte[] download(Tenant who, String payment, String expectedType) {
        return Api.as(who.adminKey()).accept("*/*").get("/v1/payments/" + payment + "/receipt")
                .then().statusCode(200).contentType(expectedType).extract().asByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aPdfGoesInAndComesBackByteForByteWithItsChecksum() throws Exception {
        JsonPath stored = upload(tenant, paymentId, PDF, "dekont-2026-11-26.pdf", "application/octet-stream")
                .statusCode(200).extract().jsonPath();
        assertThat(stored.getString("content_type")).isEqualTo("application/pdf");
        assertThat(stored.getLong("size_bytes")).isEqualTo(PDF.length);
        assertThat(stored.getString("sha256")).isEqualTo(sha256(PDF));
        assertThat(stored.getString("file_name")).isEqualTo("dekont-2026-11-26.pdf");
        assertThat(download(tenant, paymentId, "application/pdf")).isEqualTo(PDF);
    }

    @Test
    void pngAndJpegAreRecognisedByContentAndALaterUploadReplacesTheEarlier() throws Exception {
        upload(tenant, paymentId, PNG, "receipt.jpg", "image/jpeg").statusCode(200).body("content_type", equalTo("image/png"));
        assertThat(download(tenant, paymentId, "image/png")).isEqualTo(PNG);

        upload(tenant, paymentId, JPEG, "receipt.png", "image/png").statusCode(200)
                .body("content_type", equalTo("image/jpeg")).body("sha256", equalTo(sha256(JPEG)));
        assertThat(download(tenant, paymentId, "image/jpeg")).isEqualTo(JPEG);
    }

    @Test
    void theSameFileAgainGivesTheSameAnswer() {
        String first = upload(tenant, paymentId, PDF, "a.pdf", "application/pdf").statusCode(200).extract().asString();
        String second = upload(tenant, paymentId, PDF, "a.pdf", "application/pdf").statusCode(200).extract().asString();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void otherTypesAreRefusedWhateverTheyClaimAndChangeNothing() {
        upload(tenant, paymentId, PDF, "a.pdf", "application/pdf").statusCode(200);
        byte[] html = "<html><body>%PDF-</body></html>".getBytes(StandardCharsets.UTF_8);
        problem(upload(tenant, paymentId, html, "receipt.pdf", "application/pdf"), 422, "receipt_type_refused");
        byte[] gif = "GIF89a\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
        problem(upload(tenant, paymentId, gif, "receipt.png", "image/png"), 422, "receipt_type_refused");
        problem(upload(tenant, paymentId, new byte[0], "empty.pdf", "application/pdf"), 422, "receipt_type_refused");
        assertThat(download(tenant, paymentId, "application/pdf")).isEqualTo(PDF);
    }

    @Test
    void aReceiptLargerThanTheLimitIsRefused() {
        // The test profile limits receipts to 64 KiB (10 MB by default).
        byte[] large = Arrays.copyOf(PDF, 64 * 1024 + 1);
        problem(upload(tenant, paymentId, large, "large.pdf", "application/pdf"), 413, "payload_too_large");
        problem(Api.raw(tenant.adminKey()).accept("*/*").get("/v1/payments/" + paymentId + "/receipt").then(), 404, "not_found");
        byte[] justRight = Arrays.copyOf(PDF, 64 * 1024);
        upload(tenant, paymentId, justRight, "ok.pdf", "application/pdf").statusCode(200).body("size_bytes", equalTo(64 * 1024));
    }

    @Test
    void anotherOrganizationSeesNeitherThePaymentNorItsReceipt() {
        upload(tenant, paymentId, PDF, "a.pdf", "application/pdf").statusCode(200);
        Tenant other = Tenants.create();
        problem(upload(other, paymentId, PNG, "b.png", "image/png"), 404, "not_found");
        problem(Api.raw(other.adminKey()).accept("*/*").get("/v1/payments/" + paymentId + "/receipt").then(), 404, "not_found");
        assertThat(download(tenant, paymentId, "application/pdf")).isEqualTo(PDF);
    }
}
