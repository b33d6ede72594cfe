package org.mu1000.platform.impact.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Reports in every language: the labels complete, Amharic and Chinese written in embedded fonts a reader can extract
 * the text from (the fonts from Debian's packages, which {@code ./mu1000 test} fetches), and the XLSX well formed.
 */
class ReportsTest {
  static Reports.Content content(String language, String programme) {
    Locale l = Locale.forLanguageTag(language);
    ResourceBundle labels = ResourceBundle.getBundle("reports.labels", l,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    List<Reports.Cell> cells = List.of(new Reports.Cell("usdPerMu", "2026", Reports.format(new BigDecimal("1234.5"),
        "usdPerMu", l, "ETB"), new BigDecimal("1234.50")), new Reports.Cell("farmers", "2026", "< 5", null));
    return new Reports.Content("ኢትዮጵያ 咖啡", l, labels, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
        List.of(new Reports.Section(programme, "ETB", new BigDecimal("1000"), cells, Map.of("2026", List.of(
            new Reports.Bar("ይርጋጨፌ", new BigDecimal("812.40")), new Reports.Bar("合作社", new BigDecimal("95")))))),
        true);
  }

  static String fonts() {
    String dir = System.getenv("MU1000_FONTS_DIR");
    assertNotNull(dir, "MU1000_FONTS_DIR names the report fonts ./mu1000 test fetches from Debian");
    assertTrue(new java.io.File(dir, ReportFonts.ETHIOPIC).isFile(), dir + " holds " + ReportFonts.ETHIOPIC);
    return dir;
  }

  @Test
  void amharicAndChineseAreWrittenInEmbeddedFontsAndReadBack() throws IOException {
    for (String lang : List.of("am", "zh")) {
      byte[] pdf = ReportPdf.write(content(lang, "የቡና ፕሮግራም 咖啡项目"), fonts());
      try (PDDocument doc = Loader.loadPDF(pdf)) {
        String text = new PDFTextStripper().getText(doc);
        assertTrue(text.contains("የቡና ፕሮግራም") && text.contains("咖啡项目"), text);
        assertTrue(text.contains("ይርጋጨፌ") && text.contains("合作社"), "the chart's labels: " + text);
        assertTrue(text.contains(lang.equals("am") ? "የፕሮግራም ሪፖርት" : "项目计划报告"), text);
        assertTrue(text.contains("812.40"), "each bar carries its value: " + text);
        List<String> fonts = new ArrayList<>();
        for (var name : doc.getPage(0).getResources().getFontNames()) {
          PDFont f = doc.getPage(0).getResources().getFont(name);
          assertTrue(f.isEmbedded(), f.getName());
          fonts.add(f.getName());
        }
        assertTrue(fonts.stream().anyMatch(f -> f.contains("Abyssinica")), fonts.toString());
        assertTrue(fonts.stream().anyMatch(f -> f.contains("WenQuanYi")), fonts.toString());
      }
    }
  }

  @Test
  void numbersAreWrittenAsEachLanguageWritesThem() {
    assertEquals("1,234.50", Reports.format(new BigDecimal("1234.5"), "usdPerMu", Locale.ENGLISH, "RWF"));
    assertTrue(Reports.format(new BigDecimal("1234.5"), "usdPerMu", Locale.FRENCH, "RWF").matches(
        "1[\\s\\u202f\\u00a0]234,50"));
    assertEquals("RWF 5,700", Reports.format(new BigDecimal("5700"), "paidToFarmers", Locale.ENGLISH, "RWF"));
  }

  @Test
  void theWorkbookHoldsTheFiguresAsNumbersAndTextEscaped() throws IOException {
    byte[] xlsx = ReportXlsx.write(content("en", "Coffee <2026> & \"more\""));
    String sheet = null;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
      for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equals("xl/worksheets/sheet1.xml")) {
          sheet = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    assertNotNull(sheet);
    assertTrue(sheet.contains("<v>1234.50</v>"), sheet);
    assertTrue(sheet.contains("Coffee &lt;2026&gt; &amp; &quot;more&quot;"), sheet);
    assertTrue(sheet.contains("<t>&lt; 5</t>"), sheet);
  }

  @Test
  void everyLanguageHasEveryReportLabel() throws IOException {
    java.util.Properties en = load("");
    List<String> problems = new ArrayList<>();
    for (String lang : List.of("fr", "rw", "am", "zh")) {
      java.util.Properties p = load("_" + lang);
      for (String key : new TreeSet<>(en.stringPropertyNames())) {
        String m = p.getProperty(key);
        if (m == null || m.isBlank()) {
          problems.add(lang + ": " + key);
        } else if (m.contains("{0}") != en.getProperty(key).contains("{0}")
            || (m.contains("{0}") ? m.replace("''", "").contains("'") : m.contains("''"))) {
          problems.add(lang + ": " + key + " placeholders or apostrophes");
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  private static java.util.Properties load(String suffix) throws IOException {
    java.util.Properties p = new java.util.Properties();
    try (var in = ReportsTest.class.getResourceAsStream("/reports/labels" + suffix + ".properties")) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
