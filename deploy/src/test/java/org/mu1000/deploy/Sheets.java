package org.mu1000.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes test spreadsheets: CSV, and a minimal but valid XLSX workbook (inline strings). */
final class Sheets {
  private Sheets() {}

  static byte[] csv(List<List<String>> rows) {
    StringBuilder s = new StringBuilder();
    for (List<String> r : rows) {
      s.append(String.join(",", r.stream().map(c -> c.contains(",") || c.contains("\"")
          ? "\"" + c.replace("\"", "\"\"") + "\"" : c).toList())).append("\r\n");
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] xlsx(List<List<String>> rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      put(zip, "[Content_Types].xml", "<?xml version='1.0' encoding='UTF-8'?><Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'>"
          + "<Default Extension='rels' ContentType='application/vnd.openxmlformats-package.relationships+xml'/>"
          + "<Default Extension='xml' ContentType='application/xml'/>"
          + "<Override PartName='/xl/workbook.xml' ContentType='application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'/>"
          + "<Override PartName='/xl/worksheets/sheet1.xml' ContentType='application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml'/></Types>");
      put(zip, "_rels/.rels", "<?xml version='1.0' encoding='UTF-8'?><Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'>"
          + "<Relationship Id='rId1' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument' Target='xl/workbook.xml'/></Relationships>");
      put(zip, "xl/workbook.xml", "<?xml version='1.0' encoding='UTF-8'?><workbook xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main' "
          + "xmlns:r='http://schemas.openxmlformats.org/officeDocument/2006/relationships'><sheets><sheet name='farmers' sheetId='1' r:id='rId1'/></sheets></workbook>");
      put(zip, "xl/_rels/workbook.xml.rels", "<?xml version='1.0' encoding='UTF-8'?><Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'>"
          + "<Relationship Id='rId1' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet' Target='worksheets/sheet1.xml'/></Relationships>");
      StringBuilder sheet = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?><worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'><sheetData>");
      for (int r = 0; r < rows.size(); r++) {
        sheet.append("<row r='").append(r + 1).append("'>");
        for (int c = 0; c < rows.get(r).size(); c++) {
          String ref = (char) ('A' + c % 26) + (c >= 26 ? "" : "") + (r + 1);
          if (c >= 26) {
            ref = "A" + (char) ('A' + c - 26) + (r + 1);
          }
          String v = rows.get(r).get(c).replace("&", "&amp;").replace("<", "&lt;");
          sheet.append("<c r='").append(ref).append("' t='inlineStr'><is><t>").append(v).append("</t></is></c>");
        }
        sheet.append("</row>");
      }
      put(zip, "xl/worksheets/sheet1.xml", sheet.append("</sheetData></worksheet>").toString());
    }
    return out.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
