package com.lotastro.shipment;

import com.lotastro.order.OrderShipping;
import com.lotastro.shared.pdf.PdfDocument;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The packing list that goes into the parcel: the PO, who it goes to (the snapshot on the shipment, never the current
 * address book), the courier, and per order line its rolls with totals. What it says is decided here; how it looks is
 * {@link PdfDocument}'s business.
 */
final class PackingList {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final List<PdfDocument.Column> ROLL_COLUMNS = List.of(
            PdfDocument.Column.text("Barcode", 3),
            PdfDocument.Column.text("Lot", 3),
            PdfDocument.Column.number("Meters", 2));

    private PackingList() {
    }

    static byte[] render(Shipment shipment, OrderShipping.ShippableOrder order, Courier courier) {
        PdfDocument pdf = PdfDocument.titled("Packing list " + order.poNumber())
                .fields("Order", List.of(
                        new PdfDocument.Field("PO", order.poNumber()),
                        new PdfDocument.Field("Shipment", shipment.id.toString()),
                        new PdfDocument.Field("Status", shipment.status.value()),
                        new PdfDocument.Field("Date", DAY.format(shipment.createdAt))))
                .fields("Ship to", List.of(
                        new PdfDocument.Field("Customer", shipment.shipToName),
                        new PdfDocument.Field("Address", join(shipment.shipToLine1, shipment.shipToLine2)),
                        new PdfDocument.Field("District", shipment.shipToDistrict),
                        new PdfDocument.Field("City", join(shipment.shipToPostalCode, shipment.shipToCity)),
                        new PdfDocument.Field("Country", shipment.shipToCountry),
                        new PdfDocument.Field("Phone", shipment.shipToPhone)))
                .fields("Contact", List.of(
                        new PdfDocument.Field("Name", shipment.contactName),
                        new PdfDocument.Field("Phone", shipment.contactPhone),
                        new PdfDocument.Field("Email", shipment.contactEmail)))
                .fields("Courier", List.of(
                        new PdfDocument.Field("Courier", courier == null ? null : courier.name),
                        new PdfDocument.Field("Tracking number", shipment.trackingNumber),
                        new PdfDocument.Field("Tracking URL", shipment.trackingUrl)));

        Map<UUID, List<OrderShipping.ShippedRoll>> lines = order.rolls().stream()
                .collect(Collectors.groupingBy(OrderShipping.ShippedRoll::orderLineId, LinkedHashMap::new, Collectors.toList()));
        BigDecimal overall = BigDecimal.ZERO;
        int number = 0;
        for (List<OrderShipping.ShippedRoll> rolls : lines.values()) {
            OrderShipping.ShippedRoll first = rolls.get(0);
            pdf.text("Line " + (++number) + ": " + first.qualityCode() + " / " + first.colorCode(), true);
            List<List<String>> rows = new ArrayList<>();
            BigDecimal lineTotal = BigDecimal.ZERO;
            for (OrderShipping.ShippedRoll roll : rolls) {
                rows.add(List.of(roll.barcode(), roll.lotNumber(), meters(roll.meters())));
                lineTotal = lineTotal.add(roll.meters());
            }
            pdf.table(ROLL_COLUMNS, rows, List.of("Line total: " + rolls(rolls.size()), "", meters(lineTotal)));
            overall = overall.add(lineTotal);
        }
        pdf.fields("Totals", List.of(
                new PdfDocument.Field("Lines", String.valueOf(lines.size())),
                new PdfDocument.Field("Rolls", String.valueOf(order.rolls().size())),
                new PdfDocument.Field("Meters", meters(overall))));
        return pdf.render();
    }

    static String meters(BigDecimal meters) {
        return meters.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String rolls(int count) {
        return count == 1 ? "1 roll" : count + " rolls";
    }

    private static String join(String first, String second) {
        if (second == null || second.isBlank()) {
            return first;
        }
        return first == null ? second : first + ", " + second;
    }
}
