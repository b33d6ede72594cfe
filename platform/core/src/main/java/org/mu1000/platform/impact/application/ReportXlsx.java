package org.mu1000.platform.impact.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A report as an XLSX workbook (Office Open XML, written directly): a sheet of the figures, one row per programme,
 * season and indicator, numbers as numbers; and a sheet of the cooperatives' USD per mu the chart shows.
 */
final class ReportXlsx {
  private ReportXlsx() {}

  static byte[] write(Reports.Content c) {
    StringBuilder figures = new StringBuilder();
    row(figures, 1, List.of(c.label("report.programme"), c.label("report.season"), c.label("report.indicator"),
        "indicator", c.label("report.value")));
    int r = 2;
    for (Reports.Section sec : c.sections()) {
      for (Reports.Cell cell : sec.cells()) {
        row(figures, r++, List.of(sec.programme(), cell.season(), c.label("indicator." + cell.indicator()),
            cell.indicator(), cell.number() != null ? cell.number() : cell.value()));
      }
    }
    StringBuilder coops = new StringBuilder();
    row(coops, 1, List.of(c.label("report.programme"), c.label("report.season"), "cooperative",
        c.label("indicator.usdPerMu")));
    r = 2;
    for (Reports.Section sec : c.sections()) {
      for (Map.Entry<String, List<Reports.Bar>> e : sec.coopsBySeason().entrySet()) {
        for (Reports.Bar b : e.getValue()) {
          row(coops, r++, List.of(sec.programme(), e.getKey(), b.label(), b.usdPerMu()));
        }
      }
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
      put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
          + ".spreadsheetml.sheet.main+xml\"/>"
          + sheetType(1) + sheetType(2) + "</Types>");
      put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
          + "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
      put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
          + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
          + "<sheet name=\"Figures\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Cooperatives\" sheetId=\"2\" "
          + "r:id=\"rId2\"/></sheets></workbook>");
      put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + sheetRel(1) + sheetRel(2) + "</Relationships>");
      put(zip, "xl/worksheets/sheet1.xml", sheet(figures));
      put(zip, "xl/worksheets/sheet2.xml", sheet(coops));
      zip.finish();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sheetType(int n) {
    return "<Override PartName=\"/xl/worksheets/sheet" + n + ".xml\" ContentType=\"application/"
        + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
  }

  private static String sheetRel(int n) {
    return "<Relationship Id=\"rId" + n + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
        + "relationships/worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
  }

  private static String sheet(StringBuilder rows) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + rows
        + "</sheetData></worksheet>";
  }

  private static void row(StringBuilder s, int r, List<Object> cells) {
    s.append("<row r=\"").append(r).append("\">");
    for (int i = 0; i < cells.size(); i++) {
      String ref = (char) ('A' + i) + String.valueOf(r);
      Object v = cells.get(i);
      if (v instanceof java.math.BigDecimal n) {
        s.append("<c r=\"").append(ref).append("\"><v>").append(n.toPlainString()).append("</v></c>");
      } else {
        s.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>").append(escape(String.valueOf(v)))
            .append("</t></is></c>");
      }
    }
    s.append("</row>");
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> {
          if (cp >= 0x20 || cp == '\t' || cp == '\n') {
            b.appendCodePoint(cp);
          }
        }
      }
    });
    return b.toString();
  }

  private static void put(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
