package org.mu1000.platform.registry.application.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.shared.domain.DomainException;

class SheetsLimitsTest {
  private static byte[] workbook(String shared, byte[] sheet) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
      zip.write(shared.getBytes());
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      zip.write(sheet);
    }
    return out.toByteArray();
  }

  private static String refusal(byte[] file) {
    DomainException e = assertThrows(DomainException.class, () -> Sheets.read(file, "xlsx"));
    return e.violations().get(0).message();
  }

  @Test
  void aSmallFileThatUnpacksToAHugeOneIsRefusedBeforeItIsRead() throws IOException {
    byte[] padding = new byte[(int) Sheets.MAX_UNPACKED_BYTES + 1024];
    java.util.Arrays.fill(padding, (byte) ' ');
    byte[] bomb = workbook("<sst/>", padding);
    assertTrue(bomb.length < 200_000, "compressed to " + bomb.length + " bytes");
    assertTrue(refusal(bomb).contains("unpacks to more than"));
  }

  @Test
  void aMissingSharedTextIsAProblemOfItsRow() throws IOException {
    byte[] file = workbook("<sst><si><t>external_id</t></si></sst>", ("<worksheet><sheetData>"
        + "<row r='1'><c r='A1' t='s'><v>0</v></c></row><row r='2'><c r='A2' t='s'><v>7</v></c></row>"
        + "</sheetData></worksheet>").getBytes());
    String m = refusal(file);
    assertTrue(m.contains("row 2") && m.contains("A2"), m);
    assertTrue(refusal(workbook("<sst/>", ("<worksheet><sheetData><row r='1'><c r='A1' t='s'><v>x</v></c></row>"
        + "</sheetData></worksheet>").getBytes())).contains("row 1"));
  }

  @Test
  void aCellFarBeyondTheColumnsIsRefusedNotPadded() throws IOException {
    byte[] file = workbook("<sst/>", ("<worksheet><sheetData><row r='1'><c r='ZZZZZZZ1'><v>1</v></c></row>"
        + "</sheetData></worksheet>").getBytes());
    assertTrue(refusal(file).contains("beyond column"));
  }

  @Test
  void formulasAreKeptAsTheTextTyped() {
    byte[] csv = "external_id,given_name\n=1+1,@SUM(A1)\n".getBytes();
    assertEquals(List.of("=1+1", "@SUM(A1)"), Sheets.read(csv, "csv").get(1));
  }
}
