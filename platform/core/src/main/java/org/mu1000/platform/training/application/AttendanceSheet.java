package org.mu1000.platform.training.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.registry.application.importing.Sheets;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.RegistryRepository;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Violations;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.training.domain.TrainingSession;

/**
 * A session's attendance sheet (CSV or XLSX, first sheet): a header row naming a {@code farmerId} or an
 * {@code externalId} column (the farmer's id in their cooperative's own books), then a row per farmer; an
 * {@code attended} column, when there, leaves out the rows that say no. Every row is checked before anything is
 * recorded: one refused row refuses the sheet, with each refusal named by its row.
 */
@ApplicationScoped
public class AttendanceSheet {
  static final int MAX_ROWS = 2000;

  private TrainingService training;
  private Registry registry;

  protected AttendanceSheet() {}

  @Inject
  public AttendanceSheet(TrainingService training, Registry registry) {
    this.training = training;
    this.registry = registry;
  }

  public TrainingService.Recorded load(Tenant t, Caller c, String sessionId, byte[] file, String format) {
    if (!c.mayWriteRegistry()) {
      throw DomainException.forbidden("attendance is recorded by those who register farmers");
    }
    TrainingSession s = training.session(t, c, sessionId);
    if (file == null || file.length == 0) {
      throw DomainException.invalid("file", "is empty");
    }
    List<List<String>> rows = Sheets.read(file, format == null ? "" : format.toLowerCase(Locale.ROOT));
    if (rows.isEmpty()) {
      throw DomainException.invalid("file", "has no header row");
    }
    List<String> header = rows.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    int byId = header.indexOf("farmerid");
    int byExternal = header.indexOf("externalid");
    int attended = header.indexOf("attended");
    if (byId < 0 && byExternal < 0) {
      throw DomainException.invalid("file", "the header names neither a farmerId nor an externalId column");
    }
    if (rows.size() - 1 > MAX_ROWS) {
      throw DomainException.invalid("file", "has more than " + MAX_ROWS + " rows; split the sheet");
    }
    RegistryRepository repo = registry.repository(t);
    Violations v = new Violations();
    Map<String, Farmer> farmers = new LinkedHashMap<>();
    for (int i = 1; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      if (attended >= 0 && no(cell(row, attended))) {
        continue;
      }
      String field = "rows[" + (i + 1) + "]." + (byId >= 0 ? "farmerId" : "externalId");
      String key = cell(row, byId >= 0 ? byId : byExternal);
      if (key.isEmpty()) {
        v.add(field, "is required");
        continue;
      }
      Optional<String> id = byId >= 0 ? Optional.of(key) : repo.farmerByExternalId(s.cooperativeId(), key);
      Optional<Farmer> f = id.flatMap(repo::farmer);
      String refused = TrainingService.refusal(c, s, f);
      if (refused != null) {
        v.add(field, key + " " + refused);
      } else {
        farmers.put(f.get().id(), f.get());
      }
    }
    v.throwIfAny();
    if (farmers.isEmpty()) {
      throw DomainException.invalid("file", "names no farmer who attended");
    }
    return training.record(t, c, s, new ArrayList<>(farmers.values()));
  }

  private static String cell(List<String> row, int i) {
    return i < row.size() && row.get(i) != null ? row.get(i).trim() : "";
  }

  private static boolean no(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "no", "n", "0", "false", "non", "oya", "አይ", "否" -> true;
      default -> false;
    };
  }
}
