package org.mu1000.platform.registry.application.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.application.FarmerService;
import org.mu1000.platform.registry.application.PlotService;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.Plot;
import org.mu1000.platform.registry.domain.RegistryRepository;
import org.mu1000.platform.shared.domain.Batch;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Ids;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * The commit of an import: the file's farmer groups written chunk by chunk, from where an earlier commit of the job
 * got, each chunk's new farmers in one batch that ends with where the commit got.
 */
@ApplicationScoped
public class ImportWriter {
  /** Farmer groups written in one batch: a round trip of a few megabytes. */
  static final int CHUNK = 500;

  private Registry registry;
  private FarmerService farmers;
  private PlotService plots;
  private ImportStore store;

  protected ImportWriter() {}

  @Inject
  public ImportWriter(Registry registry, FarmerService farmers, PlotService plots, ImportStore store) {
    this.registry = registry;
    this.farmers = farmers;
    this.plots = plots;
    this.store = store;
  }

  /** How far a commit got: rows of whole farmer groups written, and the counts so far. */
  static final class Progress {
    volatile int groups;
    volatile int done;
    volatile int nextRow = 1;
    volatile int created;
    volatile int updated;
    volatile int plotsWritten;

    /** Goes on from the progress a commit of the job stored. */
    void resume(ImportStore.Stored job) {
      groups = job.committedGroups();
      done = job.committedGroups() == 0 ? 0 : job.job().processedRows();
      created = job.job().farmersCreated();
      updated = job.job().farmersUpdated();
      plotsWritten = job.job().plotsWritten();
    }
  }

  /**
   * Writes the file in chunks of farmer groups (a farmer and their plots), from where an earlier commit of the job
   * got. Every group of a chunk is checked again first; a group that would be refused stops the commit after the
   * groups before it are written, and a failure names the row it stopped at.
   */
  void write(Tenant t, Caller c, String id, Progress pr) {
    ImportStore.Stored job = store.find(t, id).orElseThrow();
    pr.resume(job);
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
    return Objects.equals(existing.crop(), row.crop())
        && Objects.equals(existing.plantingYear(), row.plantingYear())
        && Registry.view(row).get("areaM2").equals(existing.areaM2().toPlainString())
        && Objects.equals(row.geometry(), existing.geometry());
  }

  /** The counts of a commit so far. */
  static Map<String, Object> counts(Progress pr, int processed) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("processedRows", processed);
    m.put("farmersCreated", pr.created);
    m.put("farmersUpdated", pr.updated);
    m.put("plotsWritten", pr.plotsWritten);
    return m;
  }
}
