package com.lotastro.support;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a PDF the API produced back with PDFBox: its text, and the fonts its first page uses. */
public final class PdfText {

    private PdfText() {
    }

    /** The text of every page, as a reader copying it would get it. */
    public static String of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable PDF", e);
        }
    }

    /** The fonts of the first page with whether each is embedded. */
    public static List<String> fontsOfFirstPage(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> fonts = new ArrayList<>();
            var resources = document.getPage(0).getResources();
            for (var name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                fonts.add(font.getName() + (font.isEmbedded() ? " (embedded)" : " (not embedded)"));
            }
            return fonts;
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable PDF", e);
        }
    }
}
