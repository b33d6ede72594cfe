package org.mu1000.platform.registry.application.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.registry.domain.Sex;
import org.mu1000.platform.shared.domain.DomainException;

class ImportRowsTest {
  @Test
  void csvHandlesQuotesSemicolonsAndABom() {
    byte[] bom = "\uFEFFa;b;c\r\n1;\"x;y\";\"say \"\"hi\"\"\"\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(List.of("a", "b", "c"), List.of("1", "x;y", "say \"hi\"")), Sheets.read(bom, "csv"));
  }

  @Test
  void xlsxReadsSharedAndInlineStringsAndSkippedCells() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
      zip.write("<sst><si><t>external_id</t></si><si><r><t>given</t></r><r><t>_name</t></r></si></sst>".getBytes());
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      zip.write(("<worksheet><sheetData><row r='1'><c r='A1' t='s'><v>0</v></c><c r='B1' t='s'><v>1</v></c></row>"
          + "<row r='2'><c r='A2' t='inlineStr'><is><t>F-1</t></is></c><c r='C2'><v>42</v></c></row>"
          + "</sheetData></worksheet>").getBytes());
    }
    assertEquals(List.of(List.of("external_id", "given_name"), List.of("F-1", "", "42")),
        Sheets.read(out.toByteArray(), "xlsx"));
    assertEquals(27, Sheets.column("AB7"));
  }

  @Test
  void aFileThatIsNoWorkbookIsRefusedClearly() {
    var e = org.junit.jupiter.api.Assertions.assertThrows(DomainException.class,
        () -> Sheets.read("not a zip".getBytes(), "xlsx"));
    assertEquals("file", e.violations().get(0).field());
  }

  @Test
  void rowsAreGroupedByExternalIdAndCellProblemsNameRowAndColumn() {
    List<List<String>> cells = List.of(
        List.of("external_id", "given_name", "family_name", "sex", "birth_year", "plot_crop", "plot_latitude",
            "plot_longitude", "plot_area_m2"),
        List.of("A1", "Marie", "Uwase", "F", "1980", "coffee", "-1.9", "29.3", "2000"),
        List.of("A1", "Marie", "Uwase", "F", "1980", "coffee", "-1.91", "29.31", "1500"),
        List.of("A2", "Paul", "Ndayisaba", "maybe", "old", "", "", "", ""),
        List.of("", "No", "Id", "M", "", "", "", "", ""));
    ImportRows rows = ImportRows.parse(cells, "coop1");
    assertEquals(4, rows.rowCount());
    assertEquals(2, rows.groups().size());
    assertEquals(2, rows.groups().get(0).plots().size());
    assertEquals("A1-2", rows.groups().get(0).plots().get(1).externalId());
    assertEquals(Sex.FEMALE, rows.groups().get(0).farmer().sex());
    List<String> problems = rows.problems().stream().map(p -> p.row() + ":" + p.column()).toList();
    assertEquals(List.of("4:sex", "4:birth_year", "5:external_id"), problems);
  }

  @Test
  void unknownAndMissingColumnsStopTheReadAtTheHeader() {
    ImportRows rows = ImportRows.parse(List.of(List.of("external_id", "first_name", "sex")), "coop1");
    List<String> problems = rows.problems().stream().map(p -> p.row() + ":" + p.column()).toList();
    assertTrue(problems.containsAll(List.of("1:first_name", "1:given_name", "1:family_name")), problems.toString());
  }

  @Test
  void ruleViolationsAreMappedBackToSpreadsheetColumns() {
    assertEquals("msisdn", ImportRows.column("msisdn"));
    assertEquals("baseline_annual_income", ImportRows.column("baselineAnnualIncome.currency"));
    assertEquals("plot_geojson", ImportRows.column("geometry.coordinates[0]"));
  }
}
