package com.lotastro.shared.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * A plain A4 business document (packing list, invoice): a title, blocks of labelled values, tables with a header row
 * and an optional bold totals row. Callers say what to print; how it looks is decided here, once.
 *
 * <pre>{@code
 * byte[] pdf = PdfDocument.titled("Packing list PL-1")
 *         .fields("Order", List.of(new PdfDocument.Field("PO", "PO-2026-000001")))
 *         .table(List.of(PdfDocument.Column.text("Barcode", 3), PdfDocument.Column.number("Meters", 1)), rows, totals)
 *         .render();
 * }</pre>
 */
public final class PdfDocument {

    /** A column of a table: its heading, its relative width, and whether its values are numbers (right-aligned). */
    public record Column(String heading, float width, boolean numeric) {
        public static Column text(String heading, float width) {
            return new Column(heading, width, false);
        }

        public static Column number(String heading, float width) {
            return new Column(heading, width, true);
        }
    }

    /** A labelled value in a block; a null value prints as a dash. */
    public record Field(String label, String value) {
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Document document = new Document(PageSize.A4, 40, 40, 40, 40);

    private PdfDocument(String title) {
        PdfWriter.getInstance(document, out);
        document.addTitle(title);
        document.addCreator("LotAstro API");
        document.open();
        Paragraph heading = new Paragraph(title, PdfFonts.bold(16));
        heading.setSpacingAfter(12);
        document.add(heading);
    }

    public static PdfDocument titled(String title) {
        return new PdfDocument(title);
    }

    /** A block: a bold heading, then one "label: value" line per field. */
    public PdfDocument fields(String heading, List<Field> fields) {
        Paragraph block = new Paragraph("", PdfFonts.regular(9));
        block.add(new Phrase(heading + "\n", PdfFonts.bold(11)));
        for (Field field : fields) {
            block.add(new Phrase(field.label() + ": ", PdfFonts.bold(9)));
            block.add(new Phrase((field.value() == null || field.value().isBlank() ? "-" : field.value()) + "\n",
                    PdfFonts.regular(9)));
        }
        block.setSpacingAfter(10);
        document.add(block);
        return this;
    }

    /** A line of text in a smaller font (a heading of a table, a note). */
    public PdfDocument text(String text, boolean bold) {
        Paragraph paragraph = new Paragraph(text, bold ? PdfFonts.bold(10) : PdfFonts.regular(9));
        paragraph.setSpacingAfter(4);
        document.add(paragraph);
        return this;
    }

    /**
     * A table: a shaded header row, one row per entry of {@code rows} (each as many cells as there are columns), and,
     * when {@code totals} is not null, a bold last row.
     */
    public PdfDocument table(List<Column> columns, List<List<String>> rows, List<String> totals) {
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).width();
        }
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingAfter(10);
        for (Column column : columns) {
            PdfPCell cell = cell(column.heading(), column, true);
            cell.setGrayFill(0.9f);
            table.addCell(cell);
        }
        for (List<String> row : rows) {
            addRow(table, columns, row, false);
        }
        if (totals != null) {
            addRow(table, columns, totals, true);
        }
        document.add(table);
        return this;
    }

    /** Closes the document and returns its bytes. */
    public byte[] render() {
        document.close();
        return out.toByteArray();
    }

    private static void addRow(PdfPTable table, List<Column> columns, List<String> row, boolean bold) {
        if (row.size() != columns.size()) {
            throw new IllegalArgumentException("a row has " + row.size() + " cells for " + columns.size() + " columns");
        }
        for (int i = 0; i < columns.size(); i++) {
            table.addCell(cell(row.get(i), columns.get(i), bold));
        }
    }

    private static PdfPCell cell(String value, Column column, boolean bold) {
        PdfPCell cell = new PdfPCell(new Phrase(value == null ? "" : value,
                bold ? PdfFonts.bold(8.5f) : PdfFonts.regular(8.5f)));
        cell.setHorizontalAlignment(column.numeric() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setPadding(3);
        return cell;
    }
}
