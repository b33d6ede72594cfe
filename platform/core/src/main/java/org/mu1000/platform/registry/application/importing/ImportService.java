package org.mu1000.platform.registry.application.importing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.mu1000.platform.shared.infrastructure.mongo.Ids;
import org.mu1000.platform.registry.application.FarmerService;
import org.mu1000.platform.registry.application.OrganisationService;
import org.mu1000.platform.registry.application.PlotService;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.Plot;
import org.mu1000.platform.registry.domain.RegistryRepository;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.DomainException.Kind;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * Bulk registration from a spreadsheet: upload → dry run (every problem, by row and column) → commit. Rows are keyed
 * by {@code external_id} within the cooperative, so uploading the same file again updates and never duplicates. Both
 * phases run as jobs whose progress is stored, so any instance can report it.
 */
@ApplicationScoped
public class ImportService {
  private static final Logger LOG = Logger.getLogger(ImportService.class.getName());
  public static final String JOBS = "import_jobs";
  static final int MAX_PROBLEMS = 10_000;
  static final int MAX_BYTES = 30 * 1024 * 1024;

  @Resource
  private ManagedExecutorService managed;

  private Executor executor;
  private Registry registry;
  private FarmerService farmers;
  private PlotService plots;
  private OrganisationService orgs;

  protected ImportService() {}

  @Inject
  public ImportService(Registry registry, FarmerService farmers, PlotService plots, OrganisationService orgs) {
    this.registry = registry;
    this.farmers = farmers;
    this.plots = plots;
    this.orgs = orgs;
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
    GridFSBucket files = GridFSBuckets.create(registry.database(t), "import_files");
    ObjectId fileId = files.uploadFromStream(fileName == null ? "upload." + format : fileName,
        new ByteArrayInputStream(bytes));
    String id = Ids.next("im");
    Date now = new Date();
    jobs(t).insertOne(new Document("_id", id).append("cooperativeId", cooperativeId).append("fileName", fileName)
        .append("format", format).append("status", "validating").append("totalRows", 0).append("processedRows", 0)
        .append("farmersCreated", 0).append("farmersUpdated", 0).append("plotsWritten", 0)
        .append("problems", List.of()).append("fileId", fileId).append("uploadedBy", c.username())
        .append("createdAt", now).append("updatedAt", now));
    executor().execute(() -> guarded(t, id, null, () -> dryRun(t, c, id)));
    return job(t, c, id);
  }

  public Job commit(Tenant t, Caller c, String id) {
    requireImport(c);
    Job job = job(t, c, id);
    // a commit that failed may be run again: the dry run passed, and rows already written are found, not doubled
    long claimed = jobs(t).updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("validated", true),
            Filters.in("status", "validated", "failed")),
        Updates.combine(Updates.set("status", "committing"), Updates.set("processedRows", 0),
            Updates.set("updatedAt", new Date()))).getModifiedCount();
    if (claimed == 0) {
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
    Document d = jobs(t).find(Filters.eq("_id", id)).first();
    if (d == null || !c.maySeeCoop(d.getString("cooperativeId"))) {
      throw DomainException.notFound("import", id);
    }
    List<ImportRows.Problem> problems = new ArrayList<>();
    for (Document p : d.getList("problems", Document.class, List.of())) {
      problems.add(new ImportRows.Problem(p.getInteger("row"), p.getString("column"), p.getString("message")));
    }
    return new Job(id, d.getString("cooperativeId"), d.getString("fileName"), d.getString("format"),
        d.getString("status"), d.getInteger("totalRows", 0), d.getInteger("processedRows", 0),
        d.getInteger("farmersCreated", 0), d.getInteger("farmersUpdated", 0), d.getInteger("plotsWritten", 0),
        problems, d.getDate("createdAt"), d.getDate("updatedAt"));
  }

  private void dryRun(Tenant t, Caller c, String id) {
    Document job = jobs(t).find(Filters.eq("_id", id)).first();
    ImportRows rows = ImportRows.parse(Sheets.read(file(t, job), job.getString("format")), job.getString("cooperativeId"));
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
      removeFile(t, job);
    }
    jobs(t).updateOne(Filters.eq("_id", id), Updates.combine(
        Updates.set("status", problems.isEmpty() ? "validated" : "invalid"), Updates.set("validated", problems.isEmpty()),
        Updates.set("totalRows", rows.rowCount()), Updates.set("processedRows", rows.rowCount()),
        Updates.set("problems", problems.stream().map(p -> new Document("row", p.row()).append("column", p.column())
            .append("message", p.message())).toList()),
        Updates.set("updatedAt", new Date())));
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
    Document job = jobs(t).find(Filters.eq("_id", id)).first();
    String coop = job.getString("cooperativeId");
    ImportRows rows = ImportRows.parse(Sheets.read(file(t, job), job.getString("format")), coop);
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
        jobs(t).updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("processedRows", pr.done),
            Updates.set("farmersCreated", pr.created), Updates.set("farmersUpdated", pr.updated),
            Updates.set("plotsWritten", pr.plotsWritten), Updates.set("updatedAt", new Date())));
      }
    }
    jobs(t).updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", "committed"),
        Updates.set("processedRows", rows.rowCount()), Updates.set("farmersCreated", pr.created),
        Updates.set("farmersUpdated", pr.updated), Updates.set("plotsWritten", pr.plotsWritten),
        Updates.set("updatedAt", new Date())));
    removeFile(t, job);
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
        && new Document(row.geometry()).toJson().equals(new Document(existing.geometry()).toJson());
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
    List<org.bson.conversions.Bson> set = new ArrayList<>(List.of(Updates.set("status", "failed"),
        Updates.push("problems", new Document("row", pr == null ? 0 : pr.nextRow).append("column", "")
            .append("message", told)),
        Updates.set("updatedAt", new Date())));
    if (pr != null) {
      set.addAll(List.of(Updates.set("processedRows", pr.done), Updates.set("farmersCreated", pr.created),
          Updates.set("farmersUpdated", pr.updated), Updates.set("plotsWritten", pr.plotsWritten)));
    }
    jobs(t).updateOne(Filters.eq("_id", id), Updates.combine(set));
  }

  private void progress(Tenant t, String id, int done, int total) {
    jobs(t).updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("processedRows", done),
        Updates.set("totalRows", total), Updates.set("updatedAt", new Date())));
  }

  private byte[] file(Tenant t, Document job) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GridFSBuckets.create(registry.database(t), "import_files").downloadToStream(job.getObjectId("fileId"), out);
    return out.toByteArray();
  }

  /** The upload is needed only between dry run and commit; personal data does not linger in GridFS. */
  private void removeFile(Tenant t, Document job) {
    GridFSBuckets.create(registry.database(t), "import_files").delete(job.getObjectId("fileId"));
  }

  private MongoCollection<Document> jobs(Tenant t) {
    return registry.database(t).getCollection(JOBS);
  }

  private static void requireImport(Caller c) {
    if (!c.mayImport()) {
      throw DomainException.forbidden("only tenant admins and coop managers import farmers");
    }
  }
}
