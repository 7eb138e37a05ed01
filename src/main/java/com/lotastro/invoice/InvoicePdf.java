package com.lotastro.invoice;

import com.lotastro.customer.CustomerDirectory;
import com.lotastro.shared.pdf.PdfDocument;
import com.lotastro.shared.pdf.PdfDocument.Column;
import com.lotastro.shared.pdf.PdfDocument.Field;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Lays an invoice out as a PDF: seller, customer, dates, lines, totals and the amount due. */
final class InvoicePdf {
    private InvoicePdf() {
    }

    static byte[] render(SellerConfig seller, CustomerDirectory.BillingDetails customer, InvoiceService.InvoiceView view) {
        Invoice invoice = view.invoice();
        String title = invoice.status == InvoiceStatus.DRAFT ? "Invoice (draft)" : "Invoice " + invoice.number
                + (invoice.status == InvoiceStatus.VOID ? " (void)" : "");
        PdfDocument pdf = PdfDocument.titled(title);
        List<Field> sellerFields = new ArrayList<>(List.of(
                new Field("Name", seller.name()),
                new Field("Address", seller.address()),
                new Field("Tax office", seller.taxOffice()),
                new Field("Tax number", seller.taxNumber())));
        seller.email().ifPresent(email -> sellerFields.add(new Field("Email", email)));
        seller.iban().ifPresent(iban -> sellerFields.add(new Field("IBAN", iban)));
        pdf.fields("Seller", sellerFields);
        pdf.fields("Customer", List.of(
                new Field("Name", customer == null ? null : customer.companyName()),
                new Field("Tax number", customer == null ? null : customer.taxNumber()),
                new Field("Address", customer == null ? null : address(customer.billingAddress()))));
        pdf.fields("Invoice", List.of(
                new Field("Number", invoice.number),
                new Field("Status", invoice.status.value()),
                new Field("Issue date", invoice.issueDate == null ? null : invoice.issueDate.toString()),
                new Field("Due date", invoice.dueDate == null ? null : invoice.dueDate.toString()),
                new Field("PO", view.poNumber()),
                new Field("Currency", invoice.currency)));
        List<Column> columns = List.of(Column.text("Description", 2.2f), Column.text("Quality", 1.7f), Column.text("Color", 1.7f),
                Column.number("Meters", 1.2f), Column.number("Unit price", 1), Column.number("Disc. %", 0.8f),
                Column.number("Tax %", 0.7f), Column.number("Net", 1.1f), Column.number("Tax", 1), Column.number("Gross", 1.1f));
        List<List<String>> rows = invoice.lines.stream().sorted(Comparator.comparingInt(l -> l.position))
                .map(line -> List.of(line.description, orDash(line.qualityCode), orDash(line.colorCode),
                        plain(line.quantity) + " " + line.unit, plain(line.unitPrice), plain(line.discountPercent),
                        plain(line.taxRate), money(line.netAmount), money(line.taxAmount), money(line.grossAmount)))
                .toList();
        pdf.table(columns, rows, List.of("Totals", "", "", "", "", "", "", money(invoice.netTotal), money(invoice.taxTotal),
                money(invoice.grossTotal)));
        List<Field> totals = new ArrayList<>(List.of(
                new Field("Net total", money(invoice.netTotal) + " " + invoice.currency),
                new Field("Tax total", money(invoice.taxTotal) + " " + invoice.currency),
                new Field("Gross total", money(invoice.grossTotal) + " " + invoice.currency)));
        if (invoice.creditedTotal.signum() != 0) {
            totals.add(new Field("Credited", money(invoice.creditedTotal) + " " + invoice.currency + " ("
                    + view.creditNotes().stream().map(c -> c.number).collect(Collectors.joining(", ")) + ")"));
        }
        if (invoice.paidTotal.signum() != 0) {
            totals.add(new Field("Paid", money(invoice.paidTotal) + " " + invoice.currency));
        }
        totals.add(new Field("Amount due", money(invoice.balance) + " " + invoice.currency));
        pdf.fields("Totals", totals);
        if (invoice.notes != null && !invoice.notes.isBlank()) {
            pdf.text(invoice.notes, false);
        }
        return pdf.render();
    }

    private static String address(CustomerDirectory.AddressCopy address) {
        if (address == null) {
            return null;
        }
        return Stream.of(address.line1(), address.line2(), address.district(), address.postalCode(), address.city(), address.country())
                .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(", "));
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
                : value.stripTrailingZeros().toPlainString();
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
