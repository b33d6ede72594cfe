package org.mu1000.platform.valuechain.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** The farmer's receipt for a delivery: one A6 page a collection-point printer can print. */
final class ReceiptPdf {
  private ReceiptPdf() {}

  static byte[] render(String title, List<String> lines) {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A6);
      doc.addPage(page);
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
        float y = page.getMediaBox().getHeight() - 30;
        s.beginText();
        s.setFont(bold, 12);
        s.newLineAtOffset(20, y);
        s.showText(ascii(title));
        s.setFont(regular, 9);
        for (String line : lines) {
          s.newLineAtOffset(0, -14);
          s.showText(ascii(line));
        }
        s.endText();
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The standard fonts know WinAnsi only; names in other scripts are transliterated to '?' rather than failing. */
  private static String ascii(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c >= 32 && c < 256 ? c : '?');
    }
    return b.toString();
  }
}
