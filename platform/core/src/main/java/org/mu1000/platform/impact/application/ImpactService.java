package org.mu1000.platform.impact.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mu1000.platform.impact.domain.Contribution;
import org.mu1000.platform.impact.domain.Impact;
import org.mu1000.platform.impact.domain.Rollup;
import org.mu1000.platform.impact.domain.RollupDocs;
import org.mu1000.platform.impact.domain.RollupStore;
import org.mu1000.platform.impact.domain.RollupTable;
import org.mu1000.platform.registry.application.NewFarmers;
import org.mu1000.platform.registry.application.ReferenceCache;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.Plot;
import org.mu1000.platform.registry.domain.Programme;
import org.mu1000.platform.registry.domain.RegistryEvent;
import org.mu1000.platform.registry.domain.Sex;
import org.mu1000.platform.shared.domain.Batch;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.tenancy.domain.TenantRepository;

/**
 * The live impact figures. Every change of a harvest lot (intake, correction, allocation to an order) and every
 * change of a farmer's plots updates rollup documents at once; {@link ImpactRebuild} rebuilds them from the raw lots
 * and the registry with the same code. Sums are exact decimals.
 */
@ApplicationScoped
public class ImpactService {

  private RollupStore store;
  private Registry registry;
  private TenantRepository tenants;
  private ReferenceCache references;

  protected ImpactService() {}

  @Inject
  public ImpactService(RollupStore store, Registry registry, TenantRepository tenants,
      ReferenceCache references) {
    this.references = references;
    this.store = store;
    this.registry = registry;
    this.tenants = tenants;
  }

  /** Moves the figures from a lot's old contribution to its new one. */
  public void changed(Tenant t, Optional<Contribution> before, Optional<Contribution> after) {
    Tables tables = Tables.live(store, t);
    LocalDate today = LocalDate.now(ZoneId.of(t.config().timezone()));
    before.ifPresent(c -> apply(t, tables, c, -1, today));
    after.ifPresent(c -> apply(t, tables, c, 1, today));
  }

  /**
   * The two rollup collections (sums by season; enrolments and areas, a farmer's enrolment also holding their
   * household's payouts), and the programme targets read so far (one read per programme, not per lot).
   */
  record Tables(RollupTable rollups, RollupTable areas, Map<String, BigDecimal> targets) {
    static Tables live(RollupStore store, Tenant t) {
      return new Tables(store.table(t, RollupStore.ROLLUPS), store.table(t, RollupStore.AREAS),
          new java.util.HashMap<>());
    }

    static Tables memory() {
      return new Tables(RollupTable.memory(), RollupTable.memory(), new java.util.HashMap<>());
    }
  }

  /**
   * What a farmer's enrolment says: their cooperative, programmes and the plots with an area, as last recorded; and
   * the enrolment as read, figures and version too, so an intake can settle the farmer without reading it again.
   */
  public record Enrolment(String farmerId, String cooperativeId, List<String> programmeIds,
      java.util.Set<String> plotIds, Rollup stored) {}

  /**
   * The farmer's enrolment as the registry's events left it (one read by id), or empty if none is recorded. It
   * serves fast checks only: whoever needs certainty that something is not so asks the registry.
   */
  public Optional<Enrolment> enrolment(Tenant t, String farmerId) {
    if (farmerId == null) {
      return Optional.empty();
    }
    Rollup d = store.table(t, RollupStore.AREAS).get(RollupDocs.enrolmentId(farmerId));
    if (d == null) {
      return Optional.empty();
    }
    return Optional.of(new Enrolment(farmerId, d.getString("cooperativeId"),
        RollupDocs.strings(d, "programmes"), d.subOrEmpty("plots").keySet(), d));
  }

  /**
   * The lots of one delivery count (one farmer, programme and harvest day): the increments of their plots', coops'
   * and programme's rollups go with the batch that writes the lots. When the farmer's enrolment was read for the
   * intake, their share goes with it too, as one increment on condition that the enrolment is still the version read:
   * what it is after that is then known without a round trip of its own. The step returned, run once the batch is
   * written, settles the farmer's flags from it; if the enrolment changed meanwhile (or was not read), the increment
   * was not applied and the step makes it, moving the farmer's sums, payout and flags exactly as {@link #changed}
   * does.
   */
  public Runnable delivered(Tenant t, Batch batch, List<Contribution> cs, Rollup enrolment) {
    if (cs.isEmpty()) {
      return () -> {};
    }
    for (Contribution c : cs) {
      store.inc(batch, t, RollupStore.ROLLUPS, RollupDocs.sums(c, 1));
    }
    RollupTable.Inc farmer = RollupDocs.farmerInc(cs, 1);
    if (enrolment != null) {
      store.incIfVersion(batch, t, RollupStore.AREAS, farmer, enrolment.get("v"));
    }
    Contribution first = cs.get(0);
    return () -> {
      Tables tb = Tables.live(store, t);
      Rollup after = enrolment != null && batch.allMatched() ? RollupTable.incremented(enrolment, farmer.inc())
          : tb.areas().incAndGet(farmer);
      settleFarmer(t, tb, first.farmerId(), RollupDocs.seasonKey(first.season(), first.programmeId()), after,
          LocalDate.now(ZoneId.of(t.config().timezone())));
    };
  }

  void apply(Tenant t, Tables tb, Contribution c, int sign, LocalDate today) {
    tb.rollups().inc(RollupDocs.sums(c, sign));
    settle(t, tb, c, sign, today);
  }

  /**
   * The farmer's share of a contribution, in one write to their enrolment: the season's sums and the household's
   * payout. It returns what the bands and flags depend on (area, household, sums) as they are after it, so a
   * concurrent area change that this one misses settles the season itself. The version moves too: an enrolment
   * change in flight (compare-and-set on it) then reads again and keeps the payout.
   */
  private void settle(Tenant t, Tables tb, Contribution c, int sign, LocalDate today) {
    Rollup enrol = tb.areas().incAndGet(RollupDocs.farmerInc(List.of(c), sign));
    settleFarmer(t, tb, c.farmerId(), RollupDocs.seasonKey(c.season(), c.programmeId()), enrol, today);
  }

  /** What a farmer's enrolment records from the registry (beside their figures: sums by season, payouts). */
  private static final List<String> ENROLMENT = List.of("plots", "area", "programmes", "cooperativeId", "female",
      "householdSize", "baselineIncome", "povertyLine");

  /**
   * A farmer's sums of a season changed (value or area): re-derive their band and their delivering, women and
   * poverty flags, and move the programme's counts from the old flags to the new ones. The flags change by
   * compare-and-set on the enrolment and its version, so two writers never count one transition twice and flags
   * derived from an older state never win.
   */
  private void settleFarmer(Tenant t, Tables tb, String farmerId, String season, Rollup enrolment,
      LocalDate today) {
    Rollup enrol = enrolment;
    int bar = season.indexOf('|');
    String seasonName = season.substring(0, bar);
    String programmeId = season.substring(bar + 1);
    String at = RollupDocs.SEASONS + "." + season + ".";
    for (int attempt = 0; attempt < 50; attempt++) {
      if (attempt > 0) {
        enrol = tb.areas().get(RollupDocs.enrolmentId(farmerId));
        if (enrol == null) {
          return; // gone with the farmer, who had no figures left to settle
        }
      }
      Rollup sums = RollupDocs.seasonOf(enrol, season);
      BigDecimal area = RollupDocs.num(enrol, "area");
      boolean female = enrol != null && enrol.getBoolean("female", false);
      BigDecimal target = tb.targets().computeIfAbsent(programmeId, p -> target(t, p));
      boolean delivering = sums.getInteger("lots", 0) > 0;
      int band = Impact.band(Impact.usdPerMu(RollupDocs.num(sums, "usd"), area), target);
      boolean crossed = delivering && RollupDocs.crossedNow(enrol, today);
      Map<String, Object> old = new LinkedHashMap<>();
      for (String k : List.of("band", "delivering", "female", "crossed")) {
        old.put(k, sums.get(k));
      }
      Map<String, Object> now = new LinkedHashMap<>();
      now.put("band", band);
      now.put("delivering", delivering);
      now.put("female", female);
      now.put("crossed", crossed);
      if (now.equals(old)) {
        return;
      }
      // the flags were derived from this version of the enrolment: if anything changed it since (a lot, an area, a
      // household, other flags), derive them again from what is stored now, or a stale band could win
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("v", enrol.get("v"));
      old.forEach((k, x) -> expected.put(at + k, x));
      Map<String, Object> set = new LinkedHashMap<>();
      now.forEach((k, x) -> set.put(at + k, x));
      if (!tb.areas().setIf(RollupDocs.enrolmentId(farmerId), expected, set)) {
        continue; // changed meanwhile: settle from what is stored now
      }
      boolean wasDelivering = Boolean.TRUE.equals(old.get("delivering"));
      boolean wasFemale = Boolean.TRUE.equals(old.get("female"));
      boolean wasCrossed = Boolean.TRUE.equals(old.get("crossed"));
      int oldBand = old.get("band") == null ? 0 : (Integer) old.get("band");
      Map<String, Object> counts = new LinkedHashMap<>();
      counts.put("farmers", (delivering ? 1 : 0) - (wasDelivering ? 1 : 0));
      counts.put("women", (delivering && female ? 1 : 0) - (wasDelivering && wasFemale ? 1 : 0));
      counts.put("crossed", (crossed ? 1 : 0) - (wasCrossed ? 1 : 0));
      if (wasDelivering) {
        counts.merge("bands." + oldBand, -1, (x, y) -> (Integer) x + (Integer) y);
      }
      if (delivering) {
        counts.merge("bands." + band, 1, (x, y) -> (Integer) x + (Integer) y);
      }
      Map<String, Object> onInsert = new LinkedHashMap<>();
      onInsert.put("level", "programme");
      onInsert.put("key", programmeId);
      onInsert.put("season", seasonName);
      onInsert.put("programmeId", programmeId);
      tb.rollups().inc(List.of(new RollupTable.Inc(seasonName + "|" + programmeId + "|programme|" + programmeId,
          counts, onInsert)));
      return;
    }
    throw new IllegalStateException("farmer " + farmerId + " is under too much contention");
  }

  private BigDecimal target(Tenant t, String programmeId) {
    return references.programme(t, programmeId).map(Programme::targetUsdPerMu).orElse(Programme.DEFAULT_TARGET);
  }

  // ---- enrolled areas, kept up to date from the registry's events ----

  void onRegistryEvent(@Observes RegistryEvent e) {
    if (!e.type().startsWith("farmer.") && !e.type().startsWith("plot.")) {
      return;
    }
    tenants.find(e.tenant()).ifPresent(t -> {
      Tables tb = Tables.live(store, t);
      if (e.type().startsWith("farmer.")) {
        enrol(t, tb, e.entityId(), registry.repository(t).farmer(e.entityId()), plots -> plots, true);
        return;
      }
      // a plot event carries the plot: no need to list the farmer's plots (a scan without indexes)
      String farmerId = String.valueOf(e.data().get("farmerId"));
      String plotId = String.valueOf(e.data().get("id"));
      Object area = e.data().get("areaM2");
      boolean gone = e.type().equals("plot.deleted") || area == null;
      enrol(t, tb, farmerId, registry.repository(t).farmer(farmerId), plots -> {
        Rollup next = new Rollup(plots);
        if (gone) {
          next.remove(plotId);
        } else {
          next.put(plotId, RollupDocs.dec(new BigDecimal(area.toString())));
        }
        return next;
      }, true);
    });
  }

  /**
   * Records a farmer's enrolment (coop, programmes, plots and their areas) and moves the programme's and the coop's
   * area sums from the old enrolment to the new; with {@code settle}, re-derives the bands of the farmer's rollups.
   */
  void enrol(Tenant t, Tables tb, String farmerId, Optional<Farmer> farmer,
      java.util.function.UnaryOperator<Rollup> plotsChange, boolean settle) {
    List<String> programmes = farmer.map(Farmer::programmeIds).orElse(List.of());
    String coop = farmer.map(Farmer::cooperativeId).orElse(null);
    Rollup[] change = tb.areas().update(RollupDocs.enrolmentId(farmerId), d -> {
      if (farmer.isEmpty()) { // gone from the registry: no enrolment, as a recompute finds; their figures stay
        ENROLMENT.forEach(d::remove);
        return d.keySet().stream().allMatch(k -> k.equals("_id") || k.equals("v")) ? null : d;
      }
      return enrolled(t, d, farmer.get(), plotsChange.apply(d.subOrEmpty("plots")));
    });
    Rollup old = change[0] == null ? new Rollup() : change[0];
    Rollup now = change[1] == null ? new Rollup() : change[1];
    BigDecimal oldArea = old.get("area") == null ? BigDecimal.ZERO : RollupDocs.num(old, "area");
    BigDecimal area = RollupDocs.num(now, "area");
    for (String p : RollupDocs.strings(old, "programmes")) {
      moveArea(tb, p, old.getString("cooperativeId"), oldArea.negate());
    }
    for (String p : programmes) {
      moveArea(tb, p, coop, area);
    }
    if (!settle) {
      return;
    }
    // the farmer's bands and flags depend on their area and household: settle every season of theirs
    LocalDate today = LocalDate.now(ZoneId.of(t.config().timezone()));
    for (String season : now.subOrEmpty(RollupDocs.SEASONS).keySet()) {
      settleFarmer(t, tb, farmerId, season, now, today);
    }
  }

  /** A farmer's enrolment as {@code d}: their cooperative, programmes, household and plots with their areas. */
  private static Rollup enrolled(Tenant t, Rollup d, Farmer farmer, Rollup plots) {
    BigDecimal area = BigDecimal.ZERO;
    for (Object v : plots.values()) {
      area = area.add((BigDecimal) v);
    }
    d.put("plots", plots);
    d.put("area", RollupDocs.dec(area));
    d.put("programmes", farmer.programmeIds());
    d.put("cooperativeId", farmer.cooperativeId());
    d.put("female", farmer.sex() == Sex.FEMALE);
    d.put("householdSize", farmer.householdSize());
    d.put("baselineIncome", farmer.baselineAnnualIncome() == null ? null
        : RollupDocs.dec(farmer.baselineAnnualIncome().amount()));
    d.put("povertyLine", RollupDocs.dec(t.config().povertyLine()));
    return d;
  }

  /**
   * New farmers written in bulk: their enrolments, and the enrolled areas of their programmes and cooperatives moved
   * by the sum of theirs, go with the batch that writes them (new farmers have no figures to settle yet); each once,
   * however often the batch is written.
   */
  void onNewFarmers(@Observes NewFarmers n) {
    Map<String, Rollup> plots = new HashMap<>();
    for (Plot p : n.plots()) {
      plots.computeIfAbsent(p.farmerId(), f -> new Rollup()).put(p.id(), RollupDocs.dec(p.areaM2()));
    }
    Map<String, BigDecimal> areas = new LinkedHashMap<>();
    for (Farmer f : n.farmers()) {
      Rollup d = enrolled(n.tenant(), new Rollup().append("_id", RollupDocs.enrolmentId(f.id())), f,
          plots.getOrDefault(f.id(), new Rollup()));
      d.put("v", 1L);
      store.insert(n.batch(), n.tenant(), RollupStore.AREAS, d);
      BigDecimal area = RollupDocs.num(d, "area");
      for (String p : f.programmeIds()) {
        areas.merge("programme|" + p, area, BigDecimal::add);
        areas.merge("coop|" + p + "|" + f.cooperativeId(), area, BigDecimal::add);
      }
    }
    List<RollupTable.Inc> incs = new ArrayList<>();
    areas.forEach((id, area) -> {
      if (area.signum() != 0) {
        incs.add(new RollupTable.Inc(id, Map.of("area", area), Map.of()));
      }
    });
    store.incOnce(n.batch(), n.tenant(), RollupStore.AREAS, incs, n.key());
  }

  private static void moveArea(Tables tb, String programme, String coop, BigDecimal delta) {
    if (delta.signum() == 0) {
      return;
    }
    tb.areas().inc(List.of(new RollupTable.Inc("programme|" + programme, Map.of("area", delta), Map.of()),
        new RollupTable.Inc("coop|" + programme + "|" + coop, Map.of("area", delta), Map.of())));
  }

}
