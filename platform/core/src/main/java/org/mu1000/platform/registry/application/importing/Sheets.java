package org.mu1000.platform.registry.application.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Numbers;

/**
 * Reads an uploaded CSV (RFC 4180, comma or semicolon) or XLSX (first sheet) into rows of cells. Cells are text as
 * typed: a formula is never evaluated. An XLSX is a zip: what it unpacks to is capped, so a small file cannot expand
 * into a large one in memory.
 */
public final class Sheets {
  static final int MAX_ROWS = 50_000;
  static final int MAX_COLUMNS = 200;
  /** What the parts read from a workbook may unpack to, together. */
  static final long MAX_UNPACKED_BYTES = 32L * 1024 * 1024;

  private Sheets() {}

  public static List<List<String>> read(byte[] bytes, String format) {
    return switch (format) {
      case "csv" -> csv(new String(stripBom(bytes), StandardCharsets.UTF_8));
      case "xlsx" -> xlsx(bytes);
      default -> throw DomainException.invalid("format", "must be csv or xlsx");
    };
  }

  private static byte[] stripBom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return java.util.Arrays.copyOfRange(b, 3, b.length);
    }
    return b;
  }

  static List<List<String>> csv(String text) {
    int firstLineEnd = text.indexOf('\n');
    String header = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
    char sep = header.chars().filter(ch -> ch == ';').count() > header.chars().filter(ch -> ch == ',').count()
        ? ';' : ',';
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cell.append(ch);
        }
      } else if (ch == '"' && cell.length() == 0) {
        quoted = true;
      } else if (ch == sep) {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(cell.toString());
        cell.setLength(0);
        addRow(rows, row);
        row = new ArrayList<>();
      } else {
        cell.append(ch);
      }
    }
    if (quoted) {
      throw DomainException.invalid("file", "a quoted cell is never closed");
    }
    if (cell.length() > 0 || !row.isEmpty()) {
      row.add(cell.toString());
      addRow(rows, row);
    }
    return rows;
  }

  private static void addRow(List<List<String>> rows, List<String> row) {
    if (rows.size() > MAX_ROWS) {
      throw DomainException.invalid("file", "has more than " + MAX_ROWS + " rows; split it");
    }
    rows.add(row);
  }

  static List<List<String>> xlsx(byte[] bytes) {
    Map<String, byte[]> parts = new HashMap<>();
    long unpacked = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        if (e.getName().equals("xl/sharedStrings.xml") || e.getName().equals("xl/worksheets/sheet1.xml")) {
          byte[] part = zip.readNBytes((int) (MAX_UNPACKED_BYTES - unpacked + 1));
          unpacked += part.length;
          if (unpacked > MAX_UNPACKED_BYTES) {
            throw DomainException.invalid("file", "unpacks to more than " + MAX_UNPACKED_BYTES / (1024 * 1024)
                + " MB; split it or save it as CSV");
          }
          parts.put(e.getName(), part);
        }
      }
    } catch (IOException e) {
      throw DomainException.invalid("file", "is not an XLSX workbook");
    }
    byte[] sheet = parts.get("xl/worksheets/sheet1.xml");
    if (sheet == null) {
      throw DomainException.invalid("file", "is not an XLSX workbook (no first sheet)");
    }
    try {
      List<String> shared = sharedStrings(parts.get("xl/sharedStrings.xml"));
      return sheetRows(new ByteArrayInputStream(sheet), shared);
    } catch (XMLStreamException e) {
      throw DomainException.invalid("file", "the workbook's XML cannot be read");
    }
  }

  private static XMLStreamReader reader(InputStream in) throws XMLStreamException {
    XMLInputFactory f = XMLInputFactory.newInstance();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f.createXMLStreamReader(in);
  }

  private static List<String> sharedStrings(byte[] xml) throws XMLStreamException {
    List<String> out = new ArrayList<>();
    if (xml == null) {
      return out;
    }
    XMLStreamReader r = reader(new ByteArrayInputStream(xml));
    StringBuilder current = null;
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("si")) {
        current = new StringBuilder();
      } else if (ev == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("t") && current != null) {
        current.append(r.getElementText());
      } else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("si")) {
        out.add(current.toString());
        current = null;
      }
    }
    return out;
  }

  private static List<List<String>> sheetRows(InputStream in, List<String> shared) throws XMLStreamException {
    XMLStreamReader r = reader(in);
    List<List<String>> rows = new ArrayList<>();
    List<String> row = null;
    String ref = null;
    String type = null;
    String value = null;
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        switch (r.getLocalName()) {
          case "row" -> row = new ArrayList<>();
          case "c" -> {
            ref = r.getAttributeValue(null, "r");
            type = r.getAttributeValue(null, "t");
            value = null;
          }
          case "v" -> value = r.getElementText();
          case "t" -> value = (value == null ? "" : value) + r.getElementText();
          default -> { }
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        if (r.getLocalName().equals("c") && row != null) {
          int col = ref == null ? row.size() : column(ref);
          int rowNo = rows.size() + 1;
          if (col >= MAX_COLUMNS) {
            throw DomainException.invalid("file", "row " + rowNo + " has a cell beyond column " + MAX_COLUMNS);
          }
          while (row.size() < col) {
            row.add("");
          }
          String v = value == null ? "" : value;
          if ("s".equals(type) && !v.isEmpty()) {
            v = sharedString(shared, v, rowNo, ref);
          }
          row.add(v);
        } else if (r.getLocalName().equals("row") && row != null) {
          addRow(rows, row);
          row = null;
        }
      }
    }
    return rows;
  }

  /** A cell's shared string, or a problem that names the row and cell when the workbook lacks it. */
  private static String sharedString(List<String> shared, String index, int rowNo, String ref) {
    try {
      return shared.get(Integer.parseInt(index.trim()));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      throw DomainException.invalid("file", "row " + rowNo + (ref == null ? "" : ", cell " + Numbers.quote(ref))
          + " refers to a text the workbook does not have; save it again from the spreadsheet program");
    }
  }

  /** "C7" → 2 (zero-based column of the cell reference); a reference too long to be a column is beyond any. */
  static int column(String ref) {
    int col = 0;
    for (char ch : ref.toCharArray()) {
      if (Character.isLetter(ch)) {
        col = col * 26 + (Character.toUpperCase(ch) - 'A' + 1);
        if (col > 1_000_000) {
          return Integer.MAX_VALUE;
        }
      } else {
        break;
      }
    }
    return col - 1;
  }
}
