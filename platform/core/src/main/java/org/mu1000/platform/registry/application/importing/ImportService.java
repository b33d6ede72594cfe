package org.mu1000.platform.registry.application.importing;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.application.FarmerService;
import org.mu1000.platform.registry.application.OrganisationService;
import org.mu1000.platform.registry.application.PlotService;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.Plot;
import org.mu1000.platform.registry.domain.RegistryRepository;
import org.mu1000.platform.shared.domain.DomainException.Kind;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Ids;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * Bulk registration from a spreadsheet: upload → dry run (every problem, by row and column) → commit. Rows are keyed
 * by {@code external_id} within the cooperative, so uploading the same file again updates and never duplicates. Both
 * phases run as jobs whose progress is stored, so any instance can report it.
 */
@ApplicationScoped
public class ImportService {
  private static final Logger LOG = Logger.getLogger(ImportService.class.getName());
  static final int MAX_PROBLEMS = 10_000;
  static final int MAX_BYTES = 30 * 1024 * 1024;

  @Resource
  private ManagedExecutorService managed;

  private Executor executor;
  private Registry registry;
  private FarmerService farmers;
  private PlotService plots;
  private OrganisationService orgs;
  private ImportStore store;

  protected ImportService() {}

  @Inject
  public ImportService(Registry registry, FarmerService farmers, PlotService plots, OrganisationService orgs,
      ImportStore store) {
    this.registry = registry;
    this.farmers = farmers;
    this.plots = plots;
    this.orgs = orgs;
    this.store = store;
  }

  /** For running outside a container (tests): jobs run on the given executor. */
  public ImportService using(Executor executor) {
    this.executor = executor;
    return this;
  }

  private Executor executor() {
    return executor != null ? executor : managed;
  }

  public record Job(String id, String cooperativeId, String fileName, String format, String status, int totalRows,
      int processedRows, int farmersCreated, int farmersUpdated, int plotsWritten, List<ImportRows.Problem> problems,
      Date createdAt, Date updatedAt) {}

  public Job upload(Tenant t, Caller c, String cooperativeId, String format, String fileName, byte[] bytes) {
    requireImport(c);
    orgs.cooperative(t, c, cooperativeId);
    if (!c.maySeeCoop(cooperativeId)) {
      throw DomainException.forbidden("you may only import into your own cooperative(s)");
    }
    if (bytes.length == 0) {
      throw DomainException.invalid("body", "the file is empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw DomainException.invalid("body", "the file is larger than 30 MB; split it");
    }
    if (!"csv".equals(format) && !"xlsx".equals(format)) {
      throw DomainException.invalid("format", "must be csv or xlsx");
    }
    String fileId = store.keepFile(t, fileName == null ? "upload." + format : fileName, bytes);
    String id = Ids.next("im");
    store.create(t, id, cooperativeId, fileName, format, fileId, c.username(), new Date());
    executor().execute(() -> guarded(t, id, null, () -> dryRun(t, c, id)));
    return job(t, c, id);
  }

  public Job commit(Tenant t, Caller c, String id) {
    requireImport(c);
    Job job = job(t, c, id);
    // a commit that failed may be run again: the dry run passed, and rows already written are found, not doubled
    if (!store.claimForCommit(t, id, new Date())) {
      throw new DomainException(Kind.CONFLICT, switch (job.status()) {
        case "invalid" -> "the dry run found " + job.problems().size() + " problem(s); fix the file and upload it again";
        case "validating" -> "the dry run is still running";
        case "committing", "committed" -> "this import is already " + job.status();
        default -> "this import cannot be committed (" + job.status() + ")";
      });
    }
    Progress progress = new Progress();
    executor().execute(() -> guarded(t, id, progress, () -> write(t, c, id, progress)));
    return job(t, c, id);
  }

  public Job job(Tenant t, Caller c, String id) {
    requireImport(c);
    Job job = store.find(t, id).map(ImportStore.Stored::job).orElse(null);
    if (job == null || !c.maySeeCoop(job.cooperativeId())) {
      throw DomainException.notFound("import", id);
    }
    return job;
  }

  private void dryRun(Tenant t, Caller c, String id) {
    ImportStore.Stored job = store.find(t, id).orElseThrow();
    ImportRows rows = ImportRows.parse(Sheets.read(store.file(t, job.fileId()), job.job().format()),
        job.job().cooperativeId());
    List<ImportRows.Problem> problems = new ArrayList<>(rows.problems());
    int done = 0;
    for (ImportRows.Group g : rows.groups()) {
      problems.addAll(rows.check(g, input -> farmers.check(t, input), t.config().maxPlotAreaM2()));
      done += g.rows().size();
      if (done % 250 < g.rows().size()) {
        progress(t, id, done, rows.rowCount());
      }
      if (problems.size() >= MAX_PROBLEMS) {
        problems.add(new ImportRows.Problem(0, "", "more than " + MAX_PROBLEMS + " problems; stopped checking"));
        break;
      }
    }
    if (!problems.isEmpty()) {
      store.removeFile(t, job.fileId());
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("status", problems.isEmpty() ? "validated" : "invalid");
    result.put("validated", problems.isEmpty());
    result.put("totalRows", rows.rowCount());
    result.put("processedRows", rows.rowCount());
    result.put("problems", problems);
    store.update(t, id, result, new Date());
  }

  /** How far a commit got: rows of whole farmer groups written, and the counts so far. */
  private static final class Progress {
    volatile int done;
    volatile int nextRow = 1;
    volatile int created;
    volatile int updated;
    volatile int plotsWritten;
  }

  /**
   * Writes the file group by group (a farmer and their plots). Each group is checked again before any of it is
   * written, so a group that would be refused leaves nothing behind; a failure names the row it stopped at.
   */
  private void write(Tenant t, Caller c, String id, Progress pr) {
    ImportStore.Stored job = store.find(t, id).orElseThrow();
    String coop = job.job().cooperativeId();
    ImportRows rows = ImportRows.parse(Sheets.read(store.file(t, job.fileId()), job.job().format()), coop);
    RegistryRepository repo = registry.repository(t);
    for (ImportRows.Group g : rows.groups()) {
      pr.nextRow = g.rows().get(0);
      List<ImportRows.Problem> problems = rows.check(g, input -> farmers.check(t, input), t.config().maxPlotAreaM2());
      if (!problems.isEmpty()) {
        ImportRows.Problem p = problems.get(0);
        throw DomainException.invalid("row " + p.row() + " " + p.column(), p.message());
      }
      var input = g.farmer();
      Farmer f = repo.farmerByExternalId(coop, g.externalId()).flatMap(repo::farmer).orElse(null);
      if (f == null) {
        f = farmers.create(t, c, input);
        pr.created++;
      } else if (farmers.changes(t, f, input)) {
        f = farmers.update(t, c, f.id(), input, f.version());
        pr.updated++;
      }
      for (ImportRows.PlotRow p : g.plots()) {
        String plotId = repo.plotByExternalId(f.id(), p.externalId()).orElse(null);
        Plot existing = plotId == null ? null : repo.plot(plotId).orElse(null);
        if (existing == null) {
          Plot saved = plots.create(t, c, f.id(), p.externalId(), p.crop(), p.plantingYear(), p.geometry(),
              p.declaredAreaM2());
          repo.claimPlotExternalId(f.id(), p.externalId(), saved.id());
          pr.plotsWritten++;
        } else if (!same(existing, p, t.config().maxPlotAreaM2())) {
          plots.update(t, c, existing.id(), p.externalId(), p.crop(), p.plantingYear(), p.geometry(),
              p.declaredAreaM2(), existing.version());
          pr.plotsWritten++;
        }
      }
      pr.done += g.rows().size();
      if (pr.done % 250 < g.rows().size()) {
        store.update(t, id, counts(pr, pr.done), new Date());
      }
    }
    Map<String, Object> committed = counts(pr, rows.rowCount());
    committed.put("status", "committed");
    store.update(t, id, committed, new Date());
    store.removeFile(t, job.fileId());
    registry.audit(t, c.username(), "import.committed", "import", id, null,
        Map.of("farmersCreated", pr.created, "farmersUpdated", pr.updated, "plotsWritten", pr.plotsWritten));
  }

  /** Whether a row would leave the plot as it is: the same crop, year, area and geometry as stored. */
  private static boolean same(Plot existing, ImportRows.PlotRow p, BigDecimal maxAreaM2) {
    Plot row = Plot.measured("x", "x", null, p.crop(), p.plantingYear(), p.geometry(), p.declaredAreaM2(), 0,
        maxAreaM2);
    return java.util.Objects.equals(existing.crop(), row.crop())
        && java.util.Objects.equals(existing.plantingYear(), row.plantingYear())
        && Registry.view(row).get("areaM2").equals(existing.areaM2().toPlainString())
        && java.util.Objects.equals(row.geometry(), existing.geometry());
  }

  /** The counts of a commit so far. */
  private static Map<String, Object> counts(Progress pr, int processed) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("processedRows", processed);
    m.put("farmersCreated", pr.created);
    m.put("farmersUpdated", pr.updated);
    m.put("plotsWritten", pr.plotsWritten);
    return m;
  }

  private void guarded(Tenant t, String id, Progress progress, Runnable work) {
    try {
      work.run();
    } catch (DomainException e) {
      fail(t, id, progress, e.violations().isEmpty() ? e.getMessage() : e.violations().get(0).field() + ": "
          + e.violations().get(0).message());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "import " + id + " failed", e);
      fail(t, id, progress, "unexpected error");
    }
  }

  /** A failed commit says exactly how far it got; its counts are those of the rows written in full. */
  private void fail(Tenant t, String id, Progress pr, String message) {
    String told = pr == null ? message : message + "; stopped at row " + pr.nextRow + ": the " + pr.done
        + " row(s) before it were written in full; commit again to finish"
        + " (rows already written are found, not written twice)";
    Map<String, Object> fields = pr == null ? new LinkedHashMap<>() : counts(pr, pr.done);
    fields.put("status", "failed");
    store.update(t, id, fields, new ImportRows.Problem(pr == null ? 0 : pr.nextRow, "", told), new Date());
  }

  private void progress(Tenant t, String id, int done, int total) {
    store.update(t, id, Map.of("processedRows", done, "totalRows", total), new Date());
  }

  private static void requireImport(Caller c) {
    if (!c.mayImport()) {
      throw DomainException.forbidden("only tenant admins and coop managers import farmers");
    }
  }
}
