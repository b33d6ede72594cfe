package org.mu1000.platform.impact.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A report as an A4 PDF: per programme, a table of the indicators by season and the dashboard's chart of USD per mu
 * by cooperative with the target as a dashed line, every bar labelled with its value. Texts in Ethiopic and Chinese
 * script are written in embedded fonts ({@link ReportFonts}).
 */
final class ReportPdf {
  private static final float MARGIN = 48;
  private static final float LINE = 15;

  private final PDDocument doc;
  private final ReportFonts fonts;
  private PDPageContentStream s;
  private float y;

  private ReportPdf(PDDocument doc, ReportFonts fonts) {
    this.doc = doc;
    this.fonts = fonts;
  }

  static byte[] write(Reports.Content c, String fontDir) {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ReportPdf w = new ReportPdf(doc, ReportFonts.load(doc, fontDir));
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(c.label("report.title") + " — " + c.tenant());
      info.setCreator("Mu1000");
      w.report(c);
      w.s.close();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void report(Reports.Content c) throws IOException {
    page();
    DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(c.locale());
    text(c.label("report.title") + " — " + c.tenant(), 18, MARGIN);
    y -= 8;
    text(c.label("report.period", date.format(c.from()), date.format(c.to())), 11, MARGIN);
    text(c.label("report.generated", date.format(LocalDate.now())), 9, MARGIN);
    if (c.suppressed()) {
      text(c.label("report.small"), 9, MARGIN);
    }
    for (Reports.Section sec : c.sections()) {
      need(140);
      y -= 12;
      text(c.label("report.programme") + ": " + sec.programme(), 14, MARGIN);
      table(c, sec);
      for (Map.Entry<String, List<Reports.Bar>> e : sec.coopsBySeason().entrySet()) {
        if (!e.getValue().isEmpty()) {
          chart(c.label("report.chart.coops", e.getKey()), e.getValue(), sec.target(), c.label("report.target"));
        }
      }
    }
  }

  private void table(Reports.Content c, Reports.Section sec) throws IOException {
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    List<String> seasons = new ArrayList<>();
    for (Reports.Cell cell : sec.cells()) {
      rows.computeIfAbsent(cell.indicator(), k -> new LinkedHashMap<>()).put(cell.season(), cell.value());
      if (!seasons.contains(cell.season())) {
        seasons.add(cell.season());
      }
    }
    float labelWidth = 270;
    float col = Math.min(110, (PDRectangle.A4.getWidth() - 2 * MARGIN - labelWidth) / Math.max(1, seasons.size()));
    need(LINE * 2);
    y -= 4;
    text(c.label("report.indicator"), 9, MARGIN, true);
    for (int i = 0; i < seasons.size(); i++) {
      text(c.label("report.season") + " " + seasons.get(i), 9, MARGIN + labelWidth + i * col, i < seasons.size() - 1);
    }
    line(MARGIN, y + 11, PDRectangle.A4.getWidth() - MARGIN, y + 11);
    for (Map.Entry<String, Map<String, String>> row : rows.entrySet()) {
      need(LINE);
      text(c.label("indicator." + row.getKey()), 9, MARGIN, true);
      for (int i = 0; i < seasons.size(); i++) {
        text(row.getValue().getOrDefault(seasons.get(i), "–"), 9, MARGIN + labelWidth + i * col,
            i < seasons.size() - 1);
      }
    }
  }

  /** The dashboard's bar chart: bars with their values, labels under them, the target dashed. */
  private void chart(String title, List<Reports.Bar> bars, BigDecimal target, String targetLabel) throws IOException {
    float h = 170;
    need(h + 60);
    y -= 14;
    text(title, 11, MARGIN);
    float left = MARGIN + 30;
    float width = PDRectangle.A4.getWidth() - MARGIN - left;
    float bottom = y - h;
    double max = bars.stream().mapToDouble(b -> b.usdPerMu().doubleValue()).max().orElse(0);
    if (target != null) {
      max = Math.max(max, target.doubleValue());
    }
    max = max <= 0 ? 1 : max * 1.1;
    line(left, bottom, left + width, bottom);
    float slot = width / bars.size();
    float bw = Math.max(4, slot * 0.6f);
    for (int i = 0; i < bars.size(); i++) {
      Reports.Bar b = bars.get(i);
      float bh = (float) (h * b.usdPerMu().doubleValue() / max);
      float x = left + slot * i + (slot - bw) / 2;
      s.setNonStrokingColor(0.18f, 0.49f, 0.2f);
      s.addRect(x, bottom, bw, bh);
      s.fill();
      s.setNonStrokingColor(0f, 0f, 0f);
      at(b.usdPerMu().toPlainString(), 8, x, bottom + bh + 3);
      at(b.label().length() > 22 ? b.label().substring(0, 21) + "…" : b.label(), 8, x, bottom - 11);
    }
    if (target != null) {
      float ty = bottom + (float) (h * target.doubleValue() / max);
      s.setStrokingColor(0.78f, 0.16f, 0.16f);
      s.setLineDashPattern(new float[] {6, 4}, 0);
      line(left, ty, left + width, ty);
      s.setLineDashPattern(new float[] {}, 0);
      s.setNonStrokingColor(0.78f, 0.16f, 0.16f);
      at(targetLabel + " " + target.stripTrailingZeros().toPlainString(), 8, left + width - 80, ty + 3);
      s.setNonStrokingColor(0f, 0f, 0f);
      s.setStrokingColor(0f, 0f, 0f);
    }
    y = bottom - 24;
  }

  private void page() throws IOException {
    if (s != null) {
      s.close();
    }
    PDPage p = new PDPage(PDRectangle.A4);
    doc.addPage(p);
    s = new PDPageContentStream(doc, p);
    y = PDRectangle.A4.getHeight() - MARGIN;
  }

  private void need(float space) throws IOException {
    if (y - space < MARGIN) {
      page();
    }
  }

  private void text(String t, float size, float x) throws IOException {
    text(t, size, x, false);
    y -= size * 0.5f;
  }

  /** Writes at the current line; moves down a line unless {@code sameLine}. */
  private void text(String t, float size, float x, boolean sameLine) throws IOException {
    need(size + 4);
    at(t, size, x, y - size);
    if (!sameLine) {
      y -= size + 5;
    }
  }

  /** Writes a text at a point, each run of one script in the font that has it. */
  private void at(String t, float size, float x, float atY) throws IOException {
    float cursor = x;
    for (String run : ReportFonts.runs(t)) {
      PDFont f = fonts.of(run);
      String text = fonts.writable(f, run);
      s.beginText();
      s.setFont(f, size);
      s.newLineAtOffset(cursor, atY);
      s.showText(text);
      s.endText();
      cursor += f.getStringWidth(text) / 1000 * size;
    }
  }

  private void line(float x1, float y1, float x2, float y2) throws IOException {
    s.moveTo(x1, y1);
    s.lineTo(x2, y2);
    s.stroke();
  }
}
