package com.lotastro.shared.pdf;

import com.lotastro.support.PdfText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PdfDocumentTest {

    @Test
    void turkishLettersAndEveryCellAreReadBackFromTheRenderedDocument() {
        byte[] pdf = PdfDocument.titled("Çeki listesi — Bursa Perde A.Ş.")
                .fields("Alıcı", List.of(new PdfDocument.Field("Şehir", "İstanbul"),
                        new PdfDocument.Field("Semt", "Bağcılar"), new PdfDocument.Field("Telefon", null)))
                .table(List.of(PdfDocument.Column.text("Barkod", 3), PdfDocument.Column.number("Metre", 1)),
                        List.of(List.of("RL-0001", "12.50"), List.of("RL-0002", "7.25")), List.of("Toplam", "19.75"))
                .render();

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        String text = PdfText.of(pdf);
        assertThat(text).contains("Çeki listesi — Bursa Perde A.Ş.", "Şehir: İstanbul", "Bağcılar", "Telefon: -",
                "RL-0001", "12.50", "RL-0002", "7.25", "Toplam", "19.75", "ğ", "İ", "Ş");
        assertThat(PdfText.fontsOfFirstPage(pdf)).isNotEmpty()
                .allSatisfy(font -> assertThat(font).contains("LiberationSans").endsWith("(embedded)"));
    }

    @Test
    void aTableLongerThanAPageRepeatsItsHeaderOnTheNextPage() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(List.of("RL-" + i, "1.00"));
        }
        String text = PdfText.of(PdfDocument.titled("Long")
                .table(List.of(PdfDocument.Column.text("Barcode", 3), PdfDocument.Column.number("Meters", 1)), rows, null)
                .render());

        assertThat(text).contains("RL-0", "RL-199");
        assertThat(text.split("Barcode", -1)).hasSizeGreaterThan(2);
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsAProgrammingError() {
        PdfDocument document = PdfDocument.titled("x");
        assertThatThrownBy(() -> document.table(List.of(PdfDocument.Column.text("A", 1)), List.of(List.of("1", "2")), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
