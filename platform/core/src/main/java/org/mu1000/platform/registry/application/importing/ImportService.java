package org.mu1000.platform.registry.application.importing;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
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

  @Resource
  private ManagedExecutorService managed;

  private Executor executor;
  private FarmerService farmers;
  private OrganisationService orgs;
  private ImportStore store;
  private TenantRepository tenants;
  private ImportWriter writer;
  private Duration lease;

  protected ImportService() {}

  @Inject
  public ImportService(FarmerService farmers, OrganisationService orgs, ImportStore store,
      TenantRepository tenants, ImportWriter writer,
      @ConfigProperty(name = "mu1000.import.lease-seconds", defaultValue = "60") long leaseSeconds) {
    this.tenants = tenants;
    this.writer = writer;
    this.lease = Duration.ofSeconds(leaseSeconds);
    this.farmers = farmers;
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
    ImportWriter.Progress progress = new ImportWriter.Progress();
    executor().execute(() -> guarded(t, id, progress, () -> writer.write(t, c, id, progress)));
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
        ImportWriter.Progress progress = new ImportWriter.Progress();
        executor().execute(() -> guarded(t, id, progress, () -> writer.write(t, c, id, progress)));
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

  private void guarded(Tenant t, String id, ImportWriter.Progress progress, Runnable work) {
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
  private void fail(Tenant t, String id, ImportWriter.Progress pr, String message) {
    String told = pr == null ? message : message + "; stopped at row " + pr.nextRow + ": the " + pr.done
        + " row(s) before it were written in full; commit again to finish"
        + " (rows already written are found, not written twice)";
    Map<String, Object> fields = pr == null ? new LinkedHashMap<>() : ImportWriter.counts(pr, pr.done);
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
