package org.mu1000.platform.registry.application.importing;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.application.FarmerService;
import org.mu1000.platform.registry.application.OrganisationService;
import org.mu1000.platform.registry.application.PlotService;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.Plot;
import org.mu1000.platform.registry.domain.RegistryRepository;
import org.mu1000.platform.shared.domain.Batch;
import org.mu1000.platform.shared.domain.DomainException.Kind;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Ids;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.tenancy.domain.TenantRepository;

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
  /** Farmer groups written in one batch: a round trip of a few megabytes. */
  static final int CHUNK = 500;

  @Resource
  private ManagedExecutorService managed;

  private Executor executor;
  private Registry registry;
  private FarmerService farmers;
  private PlotService plots;
  private OrganisationService orgs;
  private ImportStore store;
  private TenantRepository tenants;
  private Duration lease;

  protected ImportService() {}

  @Inject
  public ImportService(Registry registry, FarmerService farmers, PlotService plots, OrganisationService orgs,
      ImportStore store, TenantRepository tenants,
      @ConfigProperty(name = "mu1000.import.lease-seconds", defaultValue = "60") long leaseSeconds) {
    this.registry = registry;
    this.tenants = tenants;
    this.lease = Duration.ofSeconds(leaseSeconds);
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
    if (!store.claimForCommit(t, id, c.username(), new Date(), staleBefore())) {
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

  /**
   * Goes on with every commit whose server stopped (it has not moved for the lease), as the person who committed
   * it; one server takes each. Returns how many it took.
   */
  public int resumeInterrupted() {
    int n = 0;
    for (Tenant t : tenants.all()) {
      for (String id : store.interrupted(t, staleBefore())) {
        ImportStore.Stored job = store.find(t, id).orElse(null);
        if (job == null || !store.claimForCommit(t, id, job.committedBy(), new Date(), staleBefore())) {
          continue; // another server took it
        }
        Caller c = new Caller("import:" + id, job.committedBy(), Set.of(Caller.COOP_MANAGER), Set.of(t.id()),
            Set.of(job.job().cooperativeId()));
        LOG.info("import " + id + " of tenant " + t.id() + " was interrupted; going on from row "
            + (job.job().processedRows() + 2));
        Progress progress = new Progress();
        executor().execute(() -> guarded(t, id, progress, () -> write(t, c, id, progress)));
        n++;
      }
    }
    return n;
  }

  private Date staleBefore() {
    return new Date(System.currentTimeMillis() - lease.toMillis());
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
    FarmerService.References refs = farmers.references(t);
    int done = 0;
    for (ImportRows.Group g : rows.groups()) {
      problems.addAll(rows.check(g, input -> farmers.check(t, input, refs), t.config().maxPlotAreaM2()));
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
    volatile int groups;
    volatile int done;
    volatile int nextRow = 1;
    volatile int created;
    volatile int updated;
    volatile int plotsWritten;

    /** The progress a commit stored, to go on from. */
    static Progress of(ImportStore.Stored job) {
      Progress pr = new Progress();
      pr.groups = job.committedGroups();
      pr.done = job.committedGroups() == 0 ? 0 : job.job().processedRows();
      pr.created = job.job().farmersCreated();
      pr.updated = job.job().farmersUpdated();
      pr.plotsWritten = job.job().plotsWritten();
      return pr;
    }
  }

  /**
   * Writes the file in chunks of farmer groups (a farmer and their plots), from where an earlier commit of the job
   * got. Every group of a chunk is checked again first; a group that would be refused stops the commit after the
   * groups before it are written, and a failure names the row it stopped at.
   */
  private void write(Tenant t, Caller c, String id, Progress pr) {
    ImportStore.Stored job = store.find(t, id).orElseThrow();
    Progress from = Progress.of(job);
    pr.groups = from.groups;
    pr.done = from.done;
    pr.created = from.created;
    pr.updated = from.updated;
    pr.plotsWritten = from.plotsWritten;
    String coop = job.job().cooperativeId();
    ImportRows rows = ImportRows.parse(Sheets.read(store.file(t, job.fileId()), job.job().format()), coop);
    List<ImportRows.Group> groups = rows.groups();
    FarmerService.References refs = farmers.references(t);
    while (pr.groups < groups.size()) {
      List<ImportRows.Group> chunk = groups.subList(pr.groups, Math.min(groups.size(), pr.groups + CHUNK));
      pr.nextRow = chunk.get(0).rows().get(0);
      DomainException refused = null;
      int valid = 0;
      for (ImportRows.Group g : chunk) {
        List<ImportRows.Problem> problems = rows.check(g, input -> farmers.check(t, input, refs),
            t.config().maxPlotAreaM2());
        if (!problems.isEmpty()) {
          ImportRows.Problem p = problems.get(0);
          refused = DomainException.invalid("row " + p.row() + " " + p.column(), p.message());
          break;
        }
        valid++;
      }
      if (valid > 0) {
        writeChunk(t, c, id, coop, chunk.subList(0, valid), refs, pr);
      }
      if (refused != null) {
        pr.nextRow = chunk.get(valid).rows().get(0);
        throw refused;
      }
    }
    Map<String, Object> committed = counts(pr, rows.rowCount());
    committed.put("status", "committed");
    store.update(t, id, committed, new Date());
    store.removeFile(t, job.fileId());
    registry.audit(t, c.username(), "import.committed", "import", id, null,
        Map.of("farmersCreated", pr.created, "farmersUpdated", pr.updated, "plotsWritten", pr.plotsWritten));
  }

  /**
   * Writes checked groups: those of farmers the cooperative has already (or whose external id is held) one by one,
   * as single changes are; the new farmers with their plots in one batch, whose last write stores how far the
   * commit got. A farmer registered meanwhile under one of the new external ids fails the batch before anything but
   * claims is written; the chunk is then sorted again.
   */
  private void writeChunk(Tenant t, Caller c, String id, String coop, List<ImportRows.Group> chunk,
      FarmerService.References refs, Progress pr) {
    RegistryRepository repo = registry.repository(t);
    int rowsOfChunk = chunk.stream().mapToInt(g -> g.rows().size()).sum();
    for (int attempt = 0; ; attempt++) {
      Map<String, String> holders = repo.farmersByExternalIds(coop, chunk.stream()
          .map(ImportRows.Group::externalId).toList());
      List<Farmer> fresh = new ArrayList<>();
      Set<String> claimed = new HashSet<>();
      List<Plot> plotsOfFresh = new ArrayList<>();
      int created = 0;
      int updated = 0;
      int plotsWritten = 0;
      Instant now = Instant.now();
      for (ImportRows.Group g : chunk) {
        // ids derived from the job and the row: a chunk written again after an interruption finds its own writes
        String farmerId = Ids.derived("fa", id, g.externalId());
        String holder = holders.get(g.externalId());
        if (holder != null && !holder.equals(farmerId)) {
          int[] one = writeOne(t, c, repo, coop, g);
          created += one[0];
          updated += one[1];
          plotsWritten += one[2];
          continue;
        }
        Farmer f = farmers.fresh(t, c, farmerId, g.farmer(), refs, now);
        fresh.add(f);
        if (holder != null) {
          claimed.add(farmerId); // an earlier attempt got this far: its writes are found, not made twice
        }
        for (ImportRows.PlotRow p : g.plots()) {
          plotsOfFresh.add(Plot.measured(Ids.derived("pl", id, String.valueOf(p.row())), f.id(), p.externalId(), p.crop(), p.plantingYear(),
              p.geometry(), p.declaredAreaM2(), 1, t.config().maxPlotAreaM2()));
        }
      }
      Map<String, Object> after = new LinkedHashMap<>();
      after.put("processedRows", pr.done + rowsOfChunk);
      after.put("farmersCreated", pr.created + created + fresh.size());
      after.put("farmersUpdated", pr.updated + updated);
      after.put("plotsWritten", pr.plotsWritten + plotsWritten + plotsOfFresh.size());
      after.put("committedGroups", pr.groups + chunk.size());
      try {
        registry.insertAll(t, "import|" + id + "|" + pr.groups, c.username(), fresh, claimed, plotsOfFresh,
            batch -> store.update(batch, t, id, after, new Date()));
      } catch (Batch.Failed e) {
        if (e.duplicateKey() && e.index() < fresh.size() + plotsOfFresh.size() && attempt < 3) {
          continue; // an external id was claimed meanwhile: that group is an existing farmer's now
        }
        throw e;
      }
      pr.done += rowsOfChunk;
      pr.created += created + fresh.size();
      pr.updated += updated;
      pr.plotsWritten += plotsWritten + plotsOfFresh.size();
      pr.groups += chunk.size();
      return;
    }
  }

  /**
   * Writes one group of a farmer whose external id is held, as single changes are: an update if the row changes
   * them, nothing if not; a farmer or plot whose id was claimed by a write that did not complete is created under
   * that id. Returns {created, updated, plots written}.
   */
  private int[] writeOne(Tenant t, Caller c, RegistryRepository repo, String coop, ImportRows.Group g) {
    int[] counts = new int[3];
    var input = g.farmer();
    Farmer f = repo.farmerByExternalId(coop, g.externalId()).flatMap(repo::farmer).orElse(null);
    if (f == null) {
      f = farmers.create(t, c, input);
      counts[0]++;
    } else if (farmers.changes(t, f, input)) {
      f = farmers.update(t, c, f.id(), input, f.version());
      counts[1]++;
    }
    for (ImportRows.PlotRow p : g.plots()) {
      String plotId = repo.plotByExternalId(f.id(), p.externalId()).orElse(null);
      Plot existing = plotId == null ? null : repo.plot(plotId).orElse(null);
      if (existing == null) {
        Plot saved = plots.create(t, c, plotId == null ? Ids.next("pl") : plotId, f.id(), p.externalId(), p.crop(),
            p.plantingYear(), p.geometry(), p.declaredAreaM2());
        repo.claimPlotExternalId(f.id(), p.externalId(), saved.id());
        counts[2]++;
      } else if (!same(existing, p, t.config().maxPlotAreaM2())) {
        plots.update(t, c, existing.id(), p.externalId(), p.crop(), p.plantingYear(), p.geometry(),
            p.declaredAreaM2(), existing.version());
        counts[2]++;
      }
    }
    return counts;
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
