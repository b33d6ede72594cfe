package org.mu1000.platform.registry.application.importing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.mu1000.platform.registry.application.FarmerInput;
import org.mu1000.platform.kernel.Money;
import org.mu1000.platform.registry.domain.Plot;
import org.mu1000.platform.registry.domain.Sex;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Numbers;
import org.mu1000.platform.shared.domain.Violation;

/**
 * The rows of an import file, grouped by farmer ({@code external_id}); each row may add one plot. Problems name the
 * spreadsheet row (1 = header) and column, as a person fixing the file sees them.
 */
public final class ImportRows {
  public static final List<String> COLUMNS = List.of("external_id", "given_name", "family_name", "sex", "birth_year",
      "household_size", "msisdn", "national_id", "programme_ids", "baseline_annual_income", "consent_given",
      "consent_date", "plot_external_id", "plot_crop", "plot_planting_year", "plot_latitude", "plot_longitude",
      "plot_area_m2", "plot_geojson");
  static final List<String> REQUIRED = List.of("external_id", "given_name", "family_name", "sex");
  private static final Map<String, String> FIELD_TO_COLUMN = Map.ofEntries(
      Map.entry("externalId", "external_id"), Map.entry("givenName", "given_name"),
      Map.entry("familyName", "family_name"), Map.entry("sex", "sex"), Map.entry("birthYear", "birth_year"),
      Map.entry("householdSize", "household_size"), Map.entry("msisdn", "msisdn"),
      Map.entry("nationalId", "national_id"), Map.entry("programmeIds", "programme_ids"),
      Map.entry("baselineAnnualIncome", "baseline_annual_income"), Map.entry("consent", "consent_date"),
      Map.entry("cooperativeId", "external_id"), Map.entry("crop", "plot_crop"),
      Map.entry("declaredAreaM2", "plot_area_m2"), Map.entry("geometry", "plot_geojson"));
  private static final ObjectMapper JSON = new ObjectMapper();

  public record Problem(int row, String column, String message) {}

  public record PlotRow(int row, String externalId, String crop, Integer plantingYear, Map<String, Object> geometry,
      BigDecimal declaredAreaM2) {}

  public record Group(String externalId, List<Integer> rows, FarmerInput farmer, List<PlotRow> plots) {}

  private final List<Group> groups;
  private final List<Problem> problems;
  private final int rowCount;

  private ImportRows(List<Group> groups, List<Problem> problems, int rowCount) {
    this.groups = groups;
    this.problems = problems;
    this.rowCount = rowCount;
  }

  public List<Group> groups() {
    return groups;
  }

  /** Problems found while reading cells (types, header); rule checks come from {@link #check}. */
  public List<Problem> problems() {
    return problems;
  }

  public int rowCount() {
    return rowCount;
  }

  public static ImportRows parse(List<List<String>> cells, String cooperativeId) {
    List<Problem> problems = new ArrayList<>();
    if (cells.isEmpty()) {
      problems.add(new Problem(1, "", "the file is empty; the first row must name the columns"));
      return new ImportRows(List.of(), problems, 0);
    }
    List<String> header = cells.get(0).stream().map(h -> h.trim().toLowerCase().replace(' ', '_')).toList();
    for (int i = 0; i < header.size(); i++) {
      if (!header.get(i).isEmpty() && !COLUMNS.contains(header.get(i))) {
        problems.add(new Problem(1, header.get(i), "unknown column; known columns are " + COLUMNS));
      }
    }
    for (String r : REQUIRED) {
      if (!header.contains(r)) {
        problems.add(new Problem(1, r, "required column is missing"));
      }
    }
    if (!problems.isEmpty()) {
      return new ImportRows(List.of(), problems, cells.size() - 1);
    }
    Map<String, Group> byExt = new LinkedHashMap<>();
    int rowCount = 0;
    for (int r = 1; r < cells.size(); r++) {
      List<String> raw = cells.get(r);
      if (raw.stream().allMatch(String::isBlank)) {
        continue;
      }
      rowCount++;
      int rowNo = r + 1;
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), i < raw.size() ? raw.get(i).trim() : "");
      }
      Cells c = new Cells(rowNo, row, problems);
      String ext = c.text("external_id");
      if (ext == null) {
        problems.add(new Problem(rowNo, "external_id", "is required: it makes a re-import update instead of duplicate"));
        continue;
      }
      Group g = byExt.get(ext);
      if (g == null) {
        FarmerInput in = new FarmerInput(ext, c.text("given_name"), c.text("family_name"), c.sex("sex"),
            c.integer("birth_year"), c.integer("household_size"), c.text("msisdn"), c.text("national_id"),
            cooperativeId, c.list("programme_ids"), c.money("baseline_annual_income"), c.bool("consent_given"),
            c.date("consent_date"));
        g = new Group(ext, new ArrayList<>(), in, new ArrayList<>());
        byExt.put(ext, g);
      }
      g.rows().add(rowNo);
      PlotRow plot = c.plot(ext, g.plots().size() + 1);
      if (plot != null) {
        g.plots().add(plot);
      }
    }
    return new ImportRows(new ArrayList<>(byExt.values()), problems, rowCount);
  }

  /**
   * Runs the same rules the API applies to one farmer and its plots (a plot at most the tenant's largest, in m²);
   * returns their problems by row and column.
   */
  public List<Problem> check(Group g, Consumer<FarmerInput> farmerRules, BigDecimal maxPlotAreaM2) {
    List<Problem> out = new ArrayList<>();
    int firstRow = g.rows().get(0);
    try {
      farmerRules.accept(g.farmer());
    } catch (DomainException e) {
      for (Violation v : orGeneral(e)) {
        out.add(new Problem(firstRow, column(v.field()), v.message()));
      }
    }
    for (PlotRow p : g.plots()) {
      try {
        Plot.measured("check", "check", p.externalId(), p.crop(), p.plantingYear(), p.geometry(), p.declaredAreaM2(), 0,
            maxPlotAreaM2);
      } catch (DomainException e) {
        for (Violation v : orGeneral(e)) {
          String col = v.field().startsWith("geometry") && !p.geometry().containsKey("bbox")
              && "Point".equals(p.geometry().get("type")) ? "plot_latitude" : column(v.field());
          out.add(new Problem(p.row(), col, v.message()));
        }
      }
    }
    return out;
  }

  private static List<Violation> orGeneral(DomainException e) {
    return e.violations().isEmpty() ? List.of(new Violation("", e.getMessage())) : e.violations();
  }

  static String column(String field) {
    String head = field.split("[.\\[]")[0];
    return FIELD_TO_COLUMN.getOrDefault(head, field);
  }

  /** Typed reads of one row's cells; a cell that cannot be read adds a problem and yields null. */
  private record Cells(int row, Map<String, String> cells, List<Problem> problems) {
    String text(String col) {
      String v = cells.get(col);
      return v == null || v.isBlank() ? null : v;
    }

    Integer integer(String col) {
      String v = text(col);
      if (v == null) {
        return null;
      }
      try {
        return new BigDecimal(v).intValueExact();
      } catch (ArithmeticException | NumberFormatException e) {
        problems.add(new Problem(row, col, "must be a whole number, not '" + Numbers.quote(v) + "'"));
        return null;
      }
    }

    BigDecimal decimal(String col) {
      String v = text(col);
      if (v == null) {
        return null;
      }
      try {
        BigDecimal d = new BigDecimal(v.replace(" ", ""));
        Optional<String> problem = Numbers.problem(d);
        if (problem.isPresent()) {
          problems.add(new Problem(row, col, problem.get()));
          return null;
        }
        return d;
      } catch (NumberFormatException e) {
        problems.add(new Problem(row, col, "must be a number, not '" + Numbers.quote(v) + "'"));
        return null;
      }
    }

    Sex sex(String col) {
      String v = text(col);
      if (v == null) {
        return null;
      }
      return switch (v.toLowerCase()) {
        case "f", "female", "woman", "femme" -> Sex.FEMALE;
        case "m", "male", "man", "homme" -> Sex.MALE;
        case "o", "other" -> Sex.OTHER;
        default -> {
          problems.add(new Problem(row, col, "must be female, male or other (or F/M/O), not '" + v + "'"));
          yield null;
        }
      };
    }

    Boolean bool(String col) {
      String v = text(col);
      if (v == null) {
        return null;
      }
      return switch (v.toLowerCase()) {
        case "yes", "y", "true", "1", "oui" -> true;
        case "no", "n", "false", "0", "non" -> false;
        default -> {
          problems.add(new Problem(row, col, "must be yes or no, not '" + v + "'"));
          yield null;
        }
      };
    }

    LocalDate date(String col) {
      String v = text(col);
      if (v == null) {
        return null;
      }
      try {
        return LocalDate.parse(v);
      } catch (DateTimeParseException e) {
        problems.add(new Problem(row, col, "must be a date as YYYY-MM-DD, not '" + v + "'"));
        return null;
      }
    }

    List<String> list(String col) {
      String v = text(col);
      return v == null ? List.of() : Arrays.stream(v.split("[;|]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    Money money(String col) {
      BigDecimal v = decimal(col);
      return v == null ? null : new Money(v, null);
    }

    PlotRow plot(String farmerExt, int n) {
      String crop = text("plot_crop");
      String geojson = text("plot_geojson");
      BigDecimal lat = decimal("plot_latitude");
      BigDecimal lon = decimal("plot_longitude");
      if (crop == null && geojson == null && lat == null && lon == null) {
        return null;
      }
      Map<String, Object> geometry = Map.of();
      if (geojson != null) {
        try {
          geometry = JSON.readValue(geojson, new TypeReference<Map<String, Object>>() {});
        } catch (java.io.IOException e) {
          problems.add(new Problem(row, "plot_geojson", "is not valid GeoJSON"));
          return null;
        }
      } else if (lat != null && lon != null) {
        geometry = Map.of("type", "Point", "coordinates", List.of(lon.doubleValue(), lat.doubleValue()));
      } else {
        problems.add(new Problem(row, "plot_geojson", "give plot_geojson, or plot_latitude with plot_longitude"));
        return null;
      }
      String ext = text("plot_external_id");
      return new PlotRow(row, ext == null ? farmerExt + "-" + n : ext, crop, integer("plot_planting_year"), geometry,
          decimal("plot_area_m2"));
    }
  }
}
