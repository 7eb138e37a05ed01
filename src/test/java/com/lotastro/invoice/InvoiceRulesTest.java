package com.lotastro.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The money and state rules of invoices and payments, without the application around them. */
class InvoiceRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-25");
    private static final UUID CUSTOMER = UUID.randomUUID();

    private static Invoice draft() {
        return Invoice.draft(UUID.randomUUID(), CUSTOMER, null, "EUR", NOW);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static Invoice issued(String unitPrice) {
        Invoice invoice = draft();
        invoice.addLine("Satin", d("1"), "m", d(unitPrice), BigDecimal.ZERO, BigDecimal.ZERO, InvoiceLine.MANUAL);
        invoice.issue("INV-2026-000001", TODAY, TODAY.plusDays(30), NOW);
        return invoice;
    }

    @Test
    void shouldRoundALineOfThirtyThreeMetersWithADiscountLikeTheHandCalculation() {
        Invoice invoice = draft();
        InvoiceLine line = invoice.addLine("SATEN-220 NAVY-04", d("33.333"), "m", d("4.75"), d("12.5"), d("20"), InvoiceLine.MANUAL);

        // By hand: 33.333 × 4.75 = 158.33175; 12.5 % of it is 19.79146875; 158.33175 − 19.79146875 = 138.54028125,
        // half-up to 2 decimals 138.54. Tax 20 % of 138.54 = 27.708 → 27.71. Gross 138.54 + 27.71 = 166.25.
        assertThat(line.netAmount).isEqualByComparingTo("138.54");
        assertThat(line.taxAmount).isEqualByComparingTo("27.71");
        assertThat(line.grossAmount).isEqualByComparingTo("166.25");
        assertThat(line.discountAmount()).isEqualByComparingTo("19.79"); // 158.33 (rounded list amount) − 138.54
        assertThat(invoice.netTotal).isEqualByComparingTo("138.54");
        assertThat(invoice.taxTotal).isEqualByComparingTo("27.71");
        assertThat(invoice.grossTotal).isEqualByComparingTo("166.25");
        assertThat(invoice.balance).isEqualByComparingTo("166.25");
        assertThat(invoice.grossTotal.scale()).isEqualTo(2);
    }

    @Test
    void shouldSumRoundedLinesNotRoundTheSum() {
        Invoice invoice = draft();
        for (int i = 0; i < 3; i++) {
            invoice.addLine("Sample", d("1"), "pcs", d("0.005"), BigDecimal.ZERO, BigDecimal.ZERO, InvoiceLine.MANUAL);
        }
        // Each line: 0.005 → 0.01 half-up; three lines 0.03 (rounding the exact sum 0.015 would give 0.02).
        assertThat(invoice.netTotal).isEqualByComparingTo("0.03");
        assertThat(invoice.grossTotal).isEqualByComparingTo("0.03");
    }

    @Test
    void shouldMoveThroughPartiallyPaidToPaidAndBackWhenUnreconciled() {
        Invoice invoice = issued("100.00");
        invoice.applyPayment(d("40.00"), NOW);
        assertThat(invoice.status).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(invoice.balance).isEqualByComparingTo("60.00");
        assertThatThrownBy(() -> invoice.applyPayment(d("60.01"), NOW)).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).errorCode()).isEqualTo(ErrorCode.ALLOCATION_EXCEEDS_BALANCE);
        invoice.applyPayment(d("60.00"), NOW);
        assertThat(invoice.status).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice.balance).isEqualByComparingTo("0");
        invoice.removePayment(d("60.00"), NOW);
        assertThat(invoice.status).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        invoice.removePayment(d("40.00"), NOW);
        assertThat(invoice.status).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoice.balance).isEqualByComparingTo("100.00");
    }

    @Test
    void shouldVoidOnlyWithoutAllocatedPaymentsAndKeepTheNumber() {
        Invoice paid = issued("10.00");
        paid.applyPayment(d("5.00"), NOW);
        assertThatThrownBy(() -> paid.voidWith("wrong customer", NOW)).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).errorCode()).isEqualTo(ErrorCode.INVALID_TRANSITION);
        assertThat(paid.allowedNext()).doesNotContain(InvoiceStatus.VOID);

        Invoice invoice = issued("10.00");
        invoice.voidWith("wrong customer", NOW);
        assertThat(invoice.status).isEqualTo(InvoiceStatus.VOID);
        assertThat(invoice.number).isEqualTo("INV-2026-000001");
        assertThatThrownBy(() -> invoice.applyPayment(d("1.00"), NOW)).isInstanceOf(ApiException.class);
    }

    @Test
    void shouldNeverChangeTheLinesOfAnIssuedInvoice() {
        Invoice invoice = issued("10.00");
        assertThatThrownBy(() -> invoice.addLine("More", d("1"), "m", d("1"), BigDecimal.ZERO, BigDecimal.ZERO, InvoiceLine.MANUAL))
                .isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).errorCode()).isEqualTo(ErrorCode.INVALID_TRANSITION);
        assertThatThrownBy(invoice::requireDraft).isInstanceOf(ApiException.class);
    }

    @Test
    void shouldCreditTheBalanceAndGiveAnOverpaymentBack() {
        Invoice invoice = issued("100.00");
        invoice.applyPayment(d("100.00"), NOW);
        BigDecimal overpaid = invoice.applyCredit(d("30.00"), NOW);
        assertThat(overpaid).isEqualByComparingTo("30.00");
        assertThat(invoice.paidTotal).isEqualByComparingTo("70.00");
        assertThat(invoice.balance).isEqualByComparingTo("0");
        assertThat(invoice.status).isEqualTo(InvoiceStatus.PAID);
        assertThatThrownBy(() -> invoice.applyCredit(d("70.01"), NOW)).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).errorCode()).isEqualTo(ErrorCode.CREDIT_EXCEEDS_INVOICE);

        Invoice open = issued("100.00");
        assertThat(open.applyCredit(d("25.00"), NOW)).isEqualByComparingTo("0");
        assertThat(open.balance).isEqualByComparingTo("75.00");
        assertThat(open.status).isEqualTo(InvoiceStatus.ISSUED);
    }

    @Test
    void shouldRoundCreditNoteLinesLikeInvoiceLines() {
        CreditNote note = new CreditNote();
        note.addLine("Stained", d("9.99"), d("20"));
        note.addLine("Short", d("0.05"), d("18"));
        // 9.99 × 20 % = 1.998 → 2.00; 0.05 × 18 % = 0.009 → 0.01.
        assertThat(note.taxTotal).isEqualByComparingTo("2.01");
        assertThat(note.grossTotal).isEqualByComparingTo("12.05");
    }

    @Test
    void shouldDeriveOverdueFromStatusDueDateAndBalance() {
        Invoice invoice = issued("10.00");
        assertThat(invoice.isOverdue(TODAY.plusDays(30))).isFalse();
        assertThat(invoice.isOverdue(TODAY.plusDays(31))).isTrue();
        invoice.applyPayment(d("10.00"), NOW);
        assertThat(invoice.isOverdue(TODAY.plusDays(31))).isFalse();
        assertThat(draft().isOverdue(TODAY.plusDays(400))).isFalse();
    }

    @Test
    void shouldKeepAPaymentWithinItsAmountCustomerAndCurrency() {
        Payment payment = new Payment();
        payment.customerId = CUSTOMER;
        payment.amount = d("50.00");
        payment.currency = "EUR";
        payment.allocatedAmount = Money.ZERO;
        payment.allocate(d("30.00"), NOW);
        assertThat(payment.unallocated()).isEqualByComparingTo("20.00");
        assertThatThrownBy(() -> payment.allocate(d("20.01"), NOW)).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).errorCode()).isEqualTo(ErrorCode.ALLOCATION_EXCEEDS_BALANCE);
        payment.release(d("30.00"), NOW);
        assertThat(payment.unallocated()).isEqualByComparingTo("50.00");

        Invoice inTry = Invoice.draft(UUID.randomUUID(), CUSTOMER, null, "TRY", NOW);
        assertThatThrownBy(() -> payment.requireCanSettle(inTry)).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).errorCode()).isEqualTo(ErrorCode.CURRENCY_MISMATCH);
        Invoice otherCustomer = Invoice.draft(UUID.randomUUID(), UUID.randomUUID(), null, "EUR", NOW);
        assertThatThrownBy(() -> payment.requireCanSettle(otherCustomer)).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).errorCode()).isEqualTo(ErrorCode.CUSTOMER_MISMATCH);
    }

    @Test
    void shouldReadPaymentTermsAndCurrencies() {
        assertThat(PaymentTerms.dueDate("NET30", TODAY)).contains(TODAY.plusDays(30));
        assertThat(PaymentTerms.dueDate("Net 45 days", TODAY)).contains(TODAY.plusDays(45));
        assertThat(PaymentTerms.dueDate("Due on receipt", TODAY)).contains(TODAY);
        assertThat(PaymentTerms.dueDate("end of month", TODAY)).isEmpty();
        assertThat(PaymentTerms.dueDate(null, TODAY)).isEmpty();
        assertThat(Money.isCurrency("EUR")).isTrue();
        assertThat(Money.isCurrency("TRY")).isTrue();
        assertThat(Money.isCurrency("XQZ")).isFalse();
        assertThat(Money.isCurrency("eur")).isFalse();
    }

    @Test
    void shouldMarkAnInvoiceOverdueOnlyOnceAndOnlyWhenPastDueWithABalance() {
        Invoice invoice = issued("100");
        LocalDate due = invoice.dueDate;
        assertThat(invoice.markOverdue(due, NOW)).isFalse();
        assertThat(invoice.overdueMarkedAt).isNull();
        assertThat(invoice.markOverdue(due.plusDays(1), NOW)).isTrue();
        assertThat(invoice.overdueMarkedAt).isEqualTo(NOW);
        assertThat(invoice.markOverdue(due.plusDays(2), NOW.plusSeconds(60))).isFalse();
        assertThat(invoice.overdueMarkedAt).isEqualTo(NOW);

        Invoice paid = issued("50");
        paid.applyPayment(d("50.00"), NOW);
        assertThat(paid.markOverdue(paid.dueDate.plusDays(5), NOW)).isFalse();
        assertThat(draft().markOverdue(TODAY.plusYears(1), NOW)).isFalse();
    }
}
